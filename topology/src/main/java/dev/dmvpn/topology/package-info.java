/** Testbed files (devices, connections, links, addressing, DMVPN roles) and config generation. Not built yet. */
package dev.dmvpn.topology;
