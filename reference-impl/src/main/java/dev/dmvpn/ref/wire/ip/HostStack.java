package dev.dmvpn.ref.wire.ip;

import dev.dmvpn.ref.bytes.Ipv4Address;
import dev.dmvpn.ref.l2l3.IpProtocol;
import dev.dmvpn.ref.l2l3.Ipv4Codec;
import dev.dmvpn.ref.l2l3.Ipv4Packet;
import dev.dmvpn.ref.l2l3.UdpCodec;
import dev.dmvpn.ref.l2l3.UdpDatagram;
import dev.dmvpn.ref.time.Scheduler;
import dev.dmvpn.ref.wire.Port;
import java.util.function.Consumer;

/**
 * A minimal IPv4 host on one {@link Port}: its addresses, ARP (answering, resolving with cache, pending queue
 * and retries), a connected route per address plus an optional default gateway, sending packets, and handing
 * received packets for its addresses (or broadcast) to a callback. It does not forward, reassemble or answer
 * ICMP: a node built on it does that. Not thread-safe: call it on the scheduler's thread.
 */
public final class HostStack {
  /** IOS's default TTL for packets it originates. */
  public static final int DEFAULT_TTL = 255;

  private final Ipv4Interface iface;
  private final RoutingTable routes = new RoutingTable();
  private Consumer<Ipv4Packet> receiver = p -> {};
  private int nextId = 1;
  private long delivered;
  private long notForUs;
  private long unroutable;

  public HostStack(Port port, InterfaceAddress address, Scheduler scheduler, ArpSettings settings) {
    this.iface = new Ipv4Interface(port.name(), port, scheduler, settings);
    iface.onIpv4(this::receive);
    addAddress(address);
  }

  public HostStack(Port port, InterfaceAddress address, Scheduler scheduler) {
    this(port, address, scheduler, ArpSettings.defaults());
  }

  /** Adds a secondary address and its connected route. */
  public void addAddress(InterfaceAddress address) {
    iface.addAddress(address);
    routes.add(Route.connected(address.subnet(), iface));
  }

  /** Sets the default route ({@code ip route 0.0.0.0 0.0.0.0 gateway}). */
  public void setDefaultGateway(Ipv4Address gateway) {
    routes.routes().stream().filter(r -> r.prefix().length() == 0).forEach(routes::remove);
    routes.add(Route.via(Ipv4Prefix.DEFAULT, gateway));
  }

  public RoutingTable routes() {
    return routes;
  }

  /** Receives every packet for one of this host's addresses, a broadcast address or a multicast group. */
  public void onReceive(Consumer<Ipv4Packet> receiver) {
    this.receiver = receiver;
  }

  public Ipv4Address address() {
    return iface.primaryAddress();
  }

  public Ipv4Interface iface() {
    return iface;
  }

  /** A fresh IPv4 Identification (per host, incrementing). */
  public int nextIdentification() {
    int id = nextId;
    nextId = (nextId + 1) & 0xFFFF;
    return id;
  }

  /** Encodes and sends {@code packet} (length and checksum recomputed); false when there is no route. */
  public boolean send(Ipv4Packet packet) {
    return sendRaw(packet.destination(), Ipv4Codec.encode(packet));
  }

  /** Sends an already encoded packet to {@code destination}; false when there is no route. */
  public boolean sendRaw(Ipv4Address destination, byte[] ipv4Packet) {
    RoutingTable.NextHop hop = iface.isBroadcast(destination)
        ? new RoutingTable.NextHop(iface, destination) : routes.resolve(destination);
    if (hop == null) {
      unroutable++;
      return false;
    }
    hop.iface().send(hop.nextHop(), ipv4Packet);
    return true;
  }

  /** Sends a UDP datagram from this host's address towards {@code destination}, TTL 255, DF clear. */
  public boolean sendUdp(int sourcePort, Ipv4Address destination, int destinationPort, byte[] payload) {
    Ipv4Address src = iface.sourceFor(destination);
    byte[] udp = UdpCodec.encode(UdpDatagram.of(sourcePort, destinationPort, payload), src, destination);
    return send(Ipv4Packet.of(IpProtocol.UDP, src, destination, 0, DEFAULT_TTL, nextIdentification(), false,
        udp));
  }

  private void receive(Ipv4Interface in, Ipv4Packet packet, byte[] raw) {
    Ipv4Address dst = packet.destination();
    if (in.owns(dst) || in.isBroadcast(dst) || (dst.bits() >>> 28) == 0xE) {
      delivered++;
      receiver.accept(packet);
    } else {
      notForUs++;
    }
  }

  /** Packets handed to the receiver. */
  public long delivered() {
    return delivered;
  }

  /** IPv4 packets for other addresses (a host does not forward). */
  public long notForUs() {
    return notForUs;
  }

  /** Packets not sent for want of a route. */
  public long unroutable() {
    return unroutable;
  }

  @Override
  public String toString() {
    return "host " + iface;
  }
}
