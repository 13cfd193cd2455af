package dev.dmvpn.ref.wire.ip;

import dev.dmvpn.ref.l2l3.Ipv4Packet;

/** Receives the IPv4 packets an {@link Ipv4Interface} accepted (any destination: routers forward them). */
@FunctionalInterface
public interface Ipv4Receiver {

  /**
   * @param in the interface the packet arrived on
   * @param packet the decoded packet (header checksum already verified)
   * @param raw the packet's bytes, exactly Total Length long (Ethernet padding removed); must not be mutated
   */
  void onPacket(Ipv4Interface in, Ipv4Packet packet, byte[] raw);
}
