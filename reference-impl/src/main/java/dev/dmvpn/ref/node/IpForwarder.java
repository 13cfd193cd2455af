package dev.dmvpn.ref.node;

import dev.dmvpn.ref.bytes.ByteReader;
import dev.dmvpn.ref.bytes.DecodeResult;
import dev.dmvpn.ref.bytes.Ipv4Address;
import dev.dmvpn.ref.l2l3.IcmpCodec;
import dev.dmvpn.ref.l2l3.IcmpPacket;
import dev.dmvpn.ref.l2l3.IcmpType;
import dev.dmvpn.ref.l2l3.IpProtocol;
import dev.dmvpn.ref.l2l3.Ipv4Codec;
import dev.dmvpn.ref.l2l3.Ipv4Packet;
import dev.dmvpn.ref.l2l3.UdpCodec;
import dev.dmvpn.ref.l2l3.UdpDatagram;
import dev.dmvpn.ref.wire.ip.IcmpErrors;

/**
 * The node's IPv4 path: local delivery (ICMP echo, IKE on UDP 500, ESP, GRE, reassembly of fragments) and
 * forwarding with TTL decrement, ICMP time-exceeded / unreachable, and the MTU check (fragment when DF is clear;
 * with DF set drop and send ICMP fragmentation-needed carrying the next-hop MTU, RFC 1191).
 */
final class IpForwarder {
  private final ForwarderHost node;
  private final Reassembler reassembler;

  IpForwarder(ForwarderHost node) {
    this.node = node;
    this.reassembler = new Reassembler(node.scheduler(), node::drop);
  }

  void receive(NodeInterface in, Ipv4Packet p, byte[] raw) {
    node.counters().add(NodeCounter.IP_IN);
    Ipv4Address dst = p.destination();
    if (node.owns(dst) || IpPackets.isMulticast(dst) || dst.bits() == -1) {
      // multicast is only ever delivered, never forwarded: a spoke does not re-replicate the hub's hellos
      deliver(in, p, raw);
    } else {
      forward(in, p, raw);
    }
  }

  private void forward(NodeInterface in, Ipv4Packet p, byte[] raw) {
    if (p.ttl() <= 1) {
      icmpError(in, p, raw, IcmpType.TIME_EXCEEDED, IcmpErrors.CODE_TTL_EXCEEDED_IN_TRANSIT, 0,
          "ip: TTL expired in transit");
      return;
    }
    NodeRoutingTable.Hop hop = node.routes().resolve(p.destination());
    if (hop == null) {
      icmpError(in, p, raw, IcmpType.DESTINATION_UNREACHABLE, IpPackets.CODE_NET_UNREACHABLE, 0, "ip: no route");
      return;
    }
    node.counters().add(NodeCounter.IP_FORWARDED);
    byte[] out = IpPackets.decrementTtl(raw);
    if (in == hop.iface() && in instanceof TunnelInterface t) {
      t.traceForwardedWithin(); // debug nhrp: "Forwarding packet within same fabric"
    }
    output(in, hop, out, p);
  }

  /**
   * Sends {@code raw} (whose header {@code p} describes) out of {@code hop}; {@code in} is where it came from
   * ({@code null} when this node originated it) for the ICMP error when DF forbids fragmenting.
   */
  void output(NodeInterface in, NodeRoutingTable.Hop hop, byte[] raw, Ipv4Packet p) {
    int mtu = hop.iface().mtu();
    if (raw.length <= mtu) {
      hop.iface().output(hop.nextHop(), raw, p);
      return;
    }
    if (p.dontFragment()) {
      if (in == null) {
        node.drop("ip: DF set and packet exceeds MTU", raw.length + " bytes > " + mtu + " on " + hop.iface().name());
      } else {
        icmpError(in, p, raw, IcmpType.DESTINATION_UNREACHABLE, IpPackets.CODE_FRAGMENTATION_NEEDED, mtu,
            "ip: DF set and packet exceeds MTU");
      }
      return;
    }
    Ipv4Packet current = Ipv4Codec.decode(ByteReader.of(raw)).orNull();
    for (byte[] fragment : IpPackets.fragment(current, mtu)) {
      node.counters().add(NodeCounter.FRAGMENTS_CREATED);
      hop.iface().output(hop.nextHop(), fragment, p);
    }
  }

  private void icmpError(NodeInterface in, Ipv4Packet p, byte[] raw, IcmpType type, int code, int rest,
      String reason) {
    node.drop(reason, p.source() + " -> " + p.destination() + " (" + p.protocol() + ") arriving on " + in.name());
    if (!mayAnswer(p)) {
      return;
    }
    // about a packet for us (port/protocol unreachable): from the address it was sent to, as hosts do; else
    // from the interface it arrived on
    Ipv4Address src = node.owns(p.destination()) ? p.destination()
        : in.primaryAddress() != null ? in.primaryAddress() : node.anyAddress();
    node.counters().add(NodeCounter.ICMP_ERRORS_OUT);
    node.originate(IpProtocol.ICMP, src, p.source(), 0, IcmpCodec.encode(IpPackets.error(type, code, rest, p, raw)));
  }

  /** RFC 1122 3.2.2: no errors about errors, non-first fragments, broadcast/multicast or unspecified sources. */
  private static boolean mayAnswer(Ipv4Packet p) {
    int s = p.source().bits();
    int d = p.destination().bits();
    if (p.fragmentOffset() != 0 || s == 0 || s == -1 || d == -1 || (s >>> 28) == 0xE || (d >>> 28) == 0xE) {
      return false;
    }
    if (p.protocol().value() != IpProtocol.ICMP.value() || p.payload().length == 0) {
      return true;
    }
    int t = p.payload()[0] & 0xFF;
    return t == IcmpType.ECHO_REQUEST.value() || t == IcmpType.ECHO_REPLY.value();
  }

  private void deliver(NodeInterface in, Ipv4Packet p, byte[] raw) {
    if (p.isFragment()) {
      p = reassembler.add(p);
      if (p == null) {
        return;
      }
    }
    node.counters().add(NodeCounter.IP_DELIVERED);
    int proto = p.protocol().value();
    if (IpPackets.isMulticast(p.destination())) {
      // for a routing protocol: EIGRP (88) when the node runs it; others (OSPF 89, ...) counted and consumed
      node.counters().add(NodeCounter.MULTICAST_IN);
      if (in instanceof TunnelInterface t) {
        t.deliverMulticast(p);
      }
      if (proto == NodeEigrp.PROTOCOL.value() && node.eigrp() != null) {
        node.eigrp().receive(in, p);
      }
      return;
    }
    if (proto == NodeEigrp.PROTOCOL.value() && node.eigrp() != null) {
      node.eigrp().receive(in, p);
      return;
    }
    if (proto == IpProtocol.ICMP.value()) {
      icmp(p);
    } else if (proto == IpProtocol.UDP.value()) {
      udp(in, p, raw);
    } else if (proto == IpProtocol.ESP.value()) {
      TunnelProtection tp = node.protectionFor(p.destination());
      if (tp == null) {
        node.drop("ipsec: ESP for an address without tunnel protection", p.source() + " -> " + p.destination());
      } else {
        tp.receiveEsp(p.source(), p.payload());
      }
    } else if (proto == IpProtocol.GRE.value()) {
      TunnelInterface t = node.tunnelFor(p.destination());
      if (t == null) {
        node.drop("gre: no tunnel with this source", p.source() + " -> " + p.destination());
      } else {
        t.receiveClearGre(p.source(), p.payload());
      }
    } else {
      icmpError(in, p, raw, IcmpType.DESTINATION_UNREACHABLE, IpPackets.CODE_PROTOCOL_UNREACHABLE, 0,
          "ip: protocol unreachable");
    }
  }

  private void icmp(Ipv4Packet p) {
    DecodeResult<IcmpPacket> r = IcmpCodec.decode(ByteReader.of(p.payload()));
    if (!r.isOk() || !r.value().checksumValid()) {
      node.drop("icmp: malformed", p.source() + " -> " + p.destination());
      return;
    }
    IcmpPacket m = r.value();
    if (m.type().value() == IcmpType.ECHO_REQUEST.value()) {
      node.counters().add(NodeCounter.ICMP_ECHO_REQUESTS_IN);
      node.counters().add(NodeCounter.ICMP_ECHO_REPLIES_OUT);
      IcmpPacket reply = new IcmpPacket(IcmpType.ECHO_REPLY, 0, 0, m.restOfHeader(), m.data());
      node.originate(IpProtocol.ICMP, p.destination(), p.source(), p.tos(), IcmpCodec.encode(reply));
    } else {
      node.icmpReceived(p, m);
    }
  }

  private void udp(NodeInterface in, Ipv4Packet p, byte[] raw) {
    DecodeResult<UdpDatagram> r = UdpCodec.decode(ByteReader.of(p.payload()));
    if (!r.isOk()) {
      node.drop("udp: malformed", r.error().toString());
      return;
    }
    UdpDatagram d = r.value();
    TunnelProtection tp = node.protectionFor(p.destination());
    if (d.destinationPort() == 500 && tp != null) {
      tp.receiveIke(p.source(), d.sourcePort(), d.payload());
      return;
    }
    if (d.destinationPort() == 4500 && tp != null) { // RFC 3948: ESP-in-UDP, IKE after the marker, keepalives
      tp.receiveNatT(p.source(), d.sourcePort(), d.payload());
      return;
    }
    icmpError(in, p, raw, IcmpType.DESTINATION_UNREACHABLE, 3, 0, "udp: port unreachable");
  }
}
