package dev.dmvpn.topology;

/**
 * EIGRP over the tunnel. The hub turns split horizon off on the tunnel so spokes learn each other's LANs.
 *
 * @param asNumber the autonomous system (90 in the document)
 */
public record EigrpSpec(int asNumber) {}
