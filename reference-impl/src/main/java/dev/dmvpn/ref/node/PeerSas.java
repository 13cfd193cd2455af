package dev.dmvpn.ref.node;

import dev.dmvpn.ref.bytes.Ipv4Address;
import dev.dmvpn.ref.ike.ChildSa;
import dev.dmvpn.ref.ipsec.EspSa;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** Tunnel protection's state for one NBMA peer: SA pairs, the current outbound SA, what waits for it. */
final class PeerSas {
  /** A GRE packet held until the SAs exist. */
  record Held(byte[] gre, int tos) {}

  /** An inbound SA and the peer it belongs to (ESP is accepted only from that address). */
  record Inbound(Ipv4Address peer, EspSa sa, ChildSa child) {}

  final Ipv4Address nbma;
  final List<ChildSa> children = new ArrayList<>();
  final Deque<Held> queue = new ArrayDeque<>();
  final List<Runnable> waiters = new ArrayList<>();
  EspSa outbound;
  ChildSa outboundChild;
  long connectStartedNanos = -1;

  PeerSas(Ipv4Address nbma) {
    this.nbma = nbma;
  }

  /** The SAs are up: held packets go first (in order), then the gate's callbacks run. */
  void release(TunnelProtection protection, Ipv4Address peer) {
    while (!queue.isEmpty() && outbound != null) {
      protection.flushHeld(this, peer, queue.poll());
    }
    List<Runnable> run = new ArrayList<>(waiters);
    waiters.clear();
    for (Runnable r : run) {
      r.run();
    }
  }
}
