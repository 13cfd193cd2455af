package dev.dmvpn.ref.ike;

import dev.dmvpn.ref.bytes.Ipv4Address;

/**
 * Where an {@link IkeManager} sends raw IKE datagrams (a UDP socket, a pcap4j adapter, an in-memory wire).
 *
 * <p>The manager always calls {@link #sendFrom}. Its default forwards to {@link #send}, which is enough while
 * everything runs on port 500 (no NAT, no forced encapsulation). A transport that may meet NAT traversal must
 * implement {@link #sendFrom} and send from {@code localPort}: after floating that is 4500, the payload then
 * begins with the non-ESP marker, and NAT-keepalives (one 0xFF byte) go out the same way.
 */
@FunctionalInterface
public interface IkeTransport {
  /** Sends one ISAKMP message (the UDP payload) from our IKE port 500 to {@code peer:port}. */
  void send(Ipv4Address peer, int port, byte[] message);

  /**
   * Sends one UDP payload, exactly as it goes on the wire, from our UDP port {@code localPort} (500 or 4500) to
   * {@code peer:peerPort}. On 4500 it is either the 4-byte zero non-ESP marker followed by an ISAKMP message or a
   * one-byte NAT-keepalive 0xFF (RFC 3948 section 2).
   */
  default void sendFrom(int localPort, Ipv4Address peer, int peerPort, byte[] udpPayload) {
    send(peer, peerPort, udpPayload);
  }
}
