package dev.dmvpn.ref.ike;

import dev.dmvpn.ref.bytes.Ipv4Address;

/** Where an {@link IkeManager} sends raw ISAKMP messages (a UDP socket, a pcap4j adapter, an in-memory wire). */
@FunctionalInterface
public interface IkeTransport {
  /** Sends one ISAKMP message (the UDP payload) from our IKE port to {@code peer:port}. */
  void send(Ipv4Address peer, int port, byte[] message);
}
