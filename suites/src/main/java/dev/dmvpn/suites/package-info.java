/** TestNG suites (smoke, the document's scenario, negatives, timers, interop, scale, certification). Not built yet. */
package dev.dmvpn.suites;
