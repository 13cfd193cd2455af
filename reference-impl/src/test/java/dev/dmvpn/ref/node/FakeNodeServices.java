package dev.dmvpn.ref.node;

import dev.dmvpn.ref.bytes.Ipv4Address;
import dev.dmvpn.ref.crypto.RandomSource;
import dev.dmvpn.ref.l2l3.IpProtocol;
import dev.dmvpn.ref.l2l3.Ipv4Packet;
import dev.dmvpn.ref.l2l3.UdpCodec;
import dev.dmvpn.ref.l2l3.UdpDatagram;
import dev.dmvpn.ref.time.SimulatedScheduler;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * A node for one part under test: real counters, event log and routing table, a simulated clock, and an IP layer
 * that only records what the part originates or delivers up, then hands originated packets to {@link #wire}.
 */
class FakeNodeServices implements NodeServices {
  /** A packet the part asked the node to originate. */
  record Sent(IpProtocol protocol, Ipv4Address source, Ipv4Address destination, int tos, byte[] payload) {}

  /** A packet the part delivered up to the node's IP layer. */
  record Delivered(NodeInterface in, Ipv4Packet packet) {}

  final SimulatedScheduler clock;
  final NodeCounters counters = new NodeCounters();
  final NodeEventLog events;
  final NodeRoutingTable routes = new NodeRoutingTable();
  final List<String> drops = new ArrayList<>();
  final List<Sent> sent = new ArrayList<>();
  final List<Delivered> delivered = new ArrayList<>();
  private final RandomSource random;
  private int nextIdentification = 1;
  /** Where originated packets go (nowhere unless the test wires two parts together). */
  Consumer<Sent> wire = s -> {};

  FakeNodeServices(String name, SimulatedScheduler clock, long seed) {
    this.clock = clock;
    this.events = new NodeEventLog(name, clock);
    this.random = RandomSource.of(new SplittableRandom(seed));
  }

  @Override
  public void drop(String reason, String detail) {
    drops.add(reason);
    counters.drop(reason);
  }

  @Override
  public SimulatedScheduler scheduler() {
    return clock;
  }

  @Override
  public RandomSource random() {
    return random;
  }

  @Override
  public int nextIdentification() {
    return nextIdentification++;
  }

  @Override
  public NodeCounters counters() {
    return counters;
  }

  @Override
  public NodeEventLog events() {
    return events;
  }

  @Override
  public boolean originate(IpProtocol protocol, Ipv4Address source, Ipv4Address destination, int tos,
      byte[] payload) {
    Sent s = new Sent(protocol, source, destination, tos, payload);
    sent.add(s);
    wire.accept(s);
    return true;
  }

  @Override
  public void originateUdp(Ipv4Address source, int sourcePort, Ipv4Address destination, int destinationPort,
      byte[] payload) {
    originate(IpProtocol.UDP, source, destination, 0,
        UdpCodec.encode(UdpDatagram.of(sourcePort, destinationPort, payload), source, destination));
  }

  @Override
  public NodeRoutingTable routes() {
    return routes;
  }

  @Override
  public void receive(NodeInterface in, Ipv4Packet p, byte[] raw) {
    delivered.add(new Delivered(in, p));
  }

  List<Sent> sent(IpProtocol protocol) {
    return sent.stream().filter(s -> s.protocol().value() == protocol.value()).toList();
  }
}
