package dev.dmvpn.ref.node;

import dev.dmvpn.ref.bytes.Ipv4Address;
import dev.dmvpn.ref.gre.GreProtocolType;
import dev.dmvpn.ref.l2l3.IpProtocol;
import dev.dmvpn.ref.l2l3.Ipv4Codec;
import dev.dmvpn.ref.l2l3.Ipv4Packet;
import java.util.ArrayList;
import java.util.List;

/**
 * Multicast over one mGRE tunnel. Out: a packet for 224.0.0.0/4 routed into the tunnel (EIGRP hellos to
 * 224.0.0.10) is replicated, one GRE 0x0800 copy to every NBMA address of the NHRP replication list ({@code ip
 * nhrp map multicast} addresses, plus registered spokes with {@code map multicast dynamic}), each protected like
 * unicast (IKE starts for a peer without SAs, the copy waits). In: multicast received over the tunnel is delivered
 * to the node and kept here (the first {@link #KEPT}), never forwarded, so a spoke does not re-replicate.
 */
final class TunnelMulticast {
  static final int KEPT = 256;
  /** IOS sends EIGRP with TTL 2 and precedence 6. */
  static final int TTL = 2;
  static final int TOS = 0xC0;

  private final NodeServices node;
  private final TunnelInterface tunnel;
  private final List<Ipv4Packet> received = new ArrayList<>();

  TunnelMulticast(NodeServices node, TunnelInterface tunnel) {
    this.node = node;
    this.tunnel = tunnel;
  }

  /** A packet this node originates to {@code group} from the tunnel address; returns the copies sent. */
  int originate(IpProtocol protocol, Ipv4Address group, int identification, byte[] payload) {
    if (!IpPackets.isMulticast(group)) {
      throw new IllegalArgumentException(group + " is not a multicast address");
    }
    Ipv4Packet p = Ipv4Packet.of(protocol, tunnel.config().nhrp().tunnelAddress(), group, TOS, TTL,
        identification, false, payload);
    node.counters().add(NodeCounter.IP_ORIGINATED);
    return replicate(Ipv4Codec.encode(p), p);
  }

  /** One copy of {@code raw} per NBMA destination; none (a drop) without multicast maps, as IOS. */
  int replicate(byte[] raw, Ipv4Packet packet) {
    List<Ipv4Address> destinations = tunnel.nhrp().multicast().destinations();
    if (destinations.isEmpty()) {
      node.drop("tunnel: no multicast map", tunnel.name() + ": " + packet.source() + " -> "
          + packet.destination());
      return 0;
    }
    for (Ipv4Address nbma : destinations) {
      node.counters().add(NodeCounter.MULTICAST_OUT);
      tunnel.sendGre(nbma, GreProtocolType.IPV4, raw, packet.tos());
    }
    node.events().record(NodeEventKind.MULTICAST_SENT, tunnel.name() + ": " + packet.protocol() + " "
        + packet.source() + " -> " + packet.destination() + " replicated to " + destinations);
    return destinations.size();
  }

  synchronized void received(Ipv4Packet p) {
    if (received.size() < KEPT) {
      received.add(p);
    }
  }

  synchronized List<Ipv4Packet> received() {
    return List.copyOf(received);
  }
}
