package dev.dmvpn.ref.node;

import dev.dmvpn.ref.bytes.Ipv4Address;
import dev.dmvpn.ref.crypto.RandomSource;
import dev.dmvpn.ref.l2l3.IpProtocol;
import dev.dmvpn.ref.l2l3.Ipv4Packet;
import dev.dmvpn.ref.time.Scheduler;

/**
 * What a tunnel and its protection need of their node, and nothing more: the scheduler and randomness, the IP
 * identification counter, counters and the event log, drops, and the node's IP layer (originate, route, deliver
 * up). {@link DmvpnNode} hands its parts this instead of itself, so each part can be tested alone with a fake.
 */
interface NodeServices extends DropSink {
  /** The node's scheduler (exceptions escaping a task become internal-error events). */
  Scheduler scheduler();

  RandomSource random();

  /** The next IPv4 Identification of a packet this node originates. */
  int nextIdentification();

  NodeCounters counters();

  NodeEventLog events();

  /** Sends a packet this node originates (TTL 255, routed); false when it could not leave (already a drop). */
  boolean originate(IpProtocol protocol, Ipv4Address source, Ipv4Address destination, int tos, byte[] payload);

  /** Sends an IKE datagram from {@code source:sourcePort} with the image's ISAKMP TOS. */
  void originateUdp(Ipv4Address source, int sourcePort, Ipv4Address destination, int destinationPort,
      byte[] payload);

  /** The node's routing table (a tunnel resolves where its NHRP packets go). */
  NodeRoutingTable routes();

  /** Hands a packet that arrived on {@code in} (decapsulated from a tunnel) to the node's IP layer. */
  void receive(NodeInterface in, Ipv4Packet p, byte[] raw);
}
