/**
 * Testbed files: the immutable model of a rack (devices, connections, credentials by reference, links and
 * addressing, capture points, DMVPN roles). {@code load} reads YAML (ours or a pyATS testbed) into it with
 * problems at their file and line, {@code validate} checks it as a whole, {@code secrets} resolves credential
 * references, {@code generate} writes IOS configurations and hub + N spokes testbeds.
 */
package dev.dmvpn.topology;
