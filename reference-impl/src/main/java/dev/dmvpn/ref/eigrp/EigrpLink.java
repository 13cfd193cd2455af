package dev.dmvpn.ref.eigrp;

import dev.dmvpn.ref.bytes.Ipv4Address;

/**
 * How the router puts EIGRP packets on one interface (IP protocol 88): to 224.0.0.10, which an mGRE tunnel
 * replicates to its NHRP multicast list, or unicast to a neighbour. The router calls these on its scheduler.
 */
public interface EigrpLink {
  /** The all-EIGRP-routers group. */
  Ipv4Address ALL_EIGRP_ROUTERS = Ipv4Address.parse("224.0.0.10");

  void sendMulticast(byte[] eigrpPacket);

  void sendUnicast(Ipv4Address neighbor, byte[] eigrpPacket);
}
