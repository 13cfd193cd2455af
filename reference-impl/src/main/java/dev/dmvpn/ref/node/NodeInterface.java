package dev.dmvpn.ref.node;

import dev.dmvpn.ref.bytes.Ipv4Address;
import dev.dmvpn.ref.l2l3.Ipv4Packet;
import dev.dmvpn.ref.wire.ip.InterfaceAddress;
import java.util.List;

/** An interface of a {@link DmvpnNode}: physical (Ethernet), LAN/loopback (addresses only) or mGRE tunnel. */
public sealed interface NodeInterface permits PhysicalInterface, LanInterface, TunnelInterface {

  /** IOS-style name, e.g. {@code FastEthernet0/0}, {@code Tunnel0}. */
  String name();

  List<InterfaceAddress> addresses();

  /** The IP MTU: larger packets are fragmented, or refused with ICMP fragmentation-needed when DF is set. */
  int mtu();

  /** Sends an IPv4 packet out of this interface towards the link-layer (or tunnel) next hop. */
  void output(Ipv4Address nextHop, byte[] raw, Ipv4Packet packet);

  /** The first address (IOS's primary), or {@code null} for an interface without one. */
  default Ipv4Address primaryAddress() {
    List<InterfaceAddress> a = addresses();
    return a.isEmpty() ? null : a.get(0).address();
  }

  default boolean owns(Ipv4Address a) {
    for (InterfaceAddress ia : addresses()) {
      if (ia.address().equals(a)) {
        return true;
      }
    }
    return false;
  }
}
