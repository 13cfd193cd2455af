package dev.dmvpn.ref.wire.ip;

import dev.dmvpn.ref.bytes.ByteReader;
import dev.dmvpn.ref.bytes.Ipv4Address;
import dev.dmvpn.ref.l2l3.IcmpCodec;
import dev.dmvpn.ref.l2l3.IcmpPacket;
import dev.dmvpn.ref.l2l3.IcmpType;
import dev.dmvpn.ref.l2l3.IpProtocol;
import dev.dmvpn.ref.l2l3.Ipv4Codec;
import dev.dmvpn.ref.l2l3.Ipv4Packet;
import dev.dmvpn.ref.time.Scheduler;
import dev.dmvpn.ref.wire.Port;
import java.util.ArrayList;
import java.util.List;

/**
 * A plain IPv4 router between ports: the "internet" the DMVPN document leaves out between the hub's
 * 209.168.202.224/27 and the spokes' 209.168.202.128/27 (see {@code DocumentWan}). It answers ARP for its
 * addresses, forwards between connected subnets and along static routes with TTL decremented and the header
 * checksum updated incrementally (RFC 1624), and sends ICMP time-exceeded (TTL expired in transit), network
 * unreachable (no route) and host unreachable (ARP failed) from the address of the interface the packet came in
 * on. It answers ICMP echo requests to its own addresses. No fragmentation (packets are forwarded whatever their
 * size), no IP options processing, no redirects. Not thread-safe: run it on the scheduler's thread.
 */
public final class VirtualRouter {
  private final String name;
  private final Scheduler scheduler;
  private final ArpSettings arpSettings;
  private final List<Ipv4Interface> interfaces = new ArrayList<>();
  private final RoutingTable routes = new RoutingTable();
  private final RouterCounters counters = new RouterCounters();
  private boolean icmpErrors = true;
  private int nextId = 1;

  public VirtualRouter(String name, Scheduler scheduler, ArpSettings arpSettings) {
    this.name = name;
    this.scheduler = scheduler;
    this.arpSettings = arpSettings;
  }

  public VirtualRouter(String name, Scheduler scheduler) {
    this(name, scheduler, ArpSettings.defaults());
  }

  /** Adds an interface on {@code port} with {@code address}, and its connected route. */
  public Ipv4Interface addInterface(String ifName, Port port, InterfaceAddress address) {
    Ipv4Interface iface = new Ipv4Interface(name + "/" + ifName, port, scheduler, arpSettings);
    iface.addAddress(address);
    iface.onIpv4(this::receive);
    iface.arp().onFailure((hop, packets) -> hostUnreachable(iface, packets));
    interfaces.add(iface);
    routes.addConnected(iface);
    return iface;
  }

  /** {@code ip route prefix nextHop}. */
  public void addStaticRoute(Ipv4Prefix prefix, Ipv4Address nextHop) {
    routes.add(Route.via(prefix, nextHop));
  }

  /** Whether to send ICMP errors (on by default). */
  public void setIcmpErrors(boolean on) {
    this.icmpErrors = on;
  }

  public String name() {
    return name;
  }

  public List<Ipv4Interface> interfaces() {
    return List.copyOf(interfaces);
  }

  public RoutingTable routes() {
    return routes;
  }

  public RouterCounters counters() {
    return counters;
  }

  private void receive(Ipv4Interface in, Ipv4Packet p, byte[] raw) {
    if (ownsAddress(p.destination())) {
      counters.local++;
      answerEcho(in, p);
      return;
    }
    if (in.isBroadcast(p.destination()) || (p.destination().bits() >>> 28) == 0xE) {
      counters.notForwarded++; // broadcast and multicast stay on their link
      return;
    }
    if (p.ttl() <= 1) {
      counters.ttlExceeded++;
      sendError(in, p, raw, IcmpType.TIME_EXCEEDED, IcmpErrors.CODE_TTL_EXCEEDED_IN_TRANSIT);
      return;
    }
    RoutingTable.NextHop hop = routes.resolve(p.destination());
    if (hop == null) {
      counters.noRoute++;
      sendError(in, p, raw, IcmpType.DESTINATION_UNREACHABLE, IcmpErrors.CODE_NET_UNREACHABLE);
      return;
    }
    counters.forwarded++;
    hop.iface().send(hop.nextHop(), decrementTtl(raw));
  }

  /**
   * A copy of {@code raw} with TTL one less and the checksum adjusted per RFC 1624 equation 3: HC' = ~(~HC + ~m
   * + m'), m being the 16-bit word holding TTL and protocol.
   */
  static byte[] decrementTtl(byte[] raw) {
    byte[] out = raw.clone();
    int oldWord = ((out[8] & 0xFF) << 8) | (out[9] & 0xFF);
    out[8]--;
    int newWord = oldWord - 0x100;
    int hc = ((out[10] & 0xFF) << 8) | (out[11] & 0xFF);
    int sum = (~hc & 0xFFFF) + (~oldWord & 0xFFFF) + newWord;
    sum = (sum & 0xFFFF) + (sum >>> 16);
    sum = (sum & 0xFFFF) + (sum >>> 16);
    int checksum = ~sum & 0xFFFF;
    out[10] = (byte) (checksum >>> 8);
    out[11] = (byte) checksum;
    return out;
  }

  private boolean ownsAddress(Ipv4Address a) {
    for (Ipv4Interface i : interfaces) {
      if (i.owns(a)) {
        return true;
      }
    }
    return false;
  }

  private void answerEcho(Ipv4Interface in, Ipv4Packet p) {
    if (p.protocol().value() != IpProtocol.ICMP.value()) {
      return;
    }
    IcmpPacket echo = IcmpCodec.decode(ByteReader.of(p.payload())).orNull();
    if (echo == null || echo.type().value() != IcmpType.ECHO_REQUEST.value()) {
      return;
    }
    IcmpPacket reply = new IcmpPacket(IcmpType.ECHO_REPLY, 0, 0, echo.restOfHeader(), echo.data());
    counters.echoReplies++;
    originate(p.destination(), p.source(), reply);
  }

  private void hostUnreachable(Ipv4Interface out, List<byte[]> packets) {
    for (byte[] raw : packets) {
      counters.hostUnreachable++;
      Ipv4Packet p = Ipv4Codec.decode(ByteReader.of(raw)).orNull();
      if (p != null) {
        // the quoted packet already had its TTL decremented here; the source still recognises it
        sendError(out, p, raw, IcmpType.DESTINATION_UNREACHABLE, IcmpErrors.CODE_HOST_UNREACHABLE);
      }
    }
  }

  private void sendError(Ipv4Interface in, Ipv4Packet p, byte[] raw, IcmpType type, int code) {
    if (!icmpErrors || !IcmpErrors.mayAnswer(p, in)) {
      return;
    }
    counters.icmpErrorsSent++;
    originate(in.sourceFor(p.source()), p.source(), IcmpErrors.about(type, code, p, raw));
  }

  private void originate(Ipv4Address src, Ipv4Address dst, IcmpPacket icmp) {
    Ipv4Packet out = Ipv4Packet.of(IpProtocol.ICMP, src, dst, 0, HostStack.DEFAULT_TTL, nextId++ & 0xFFFF,
        false, IcmpCodec.encode(icmp));
    RoutingTable.NextHop hop = routes.resolve(dst);
    if (hop != null) {
      hop.iface().send(hop.nextHop(), Ipv4Codec.encode(out));
    }
  }

  @Override
  public String toString() {
    return "router " + name + " " + interfaces;
  }
}
