package dev.dmvpn.ref.node;

import dev.dmvpn.ref.bytes.Ipv4Address;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Tunnel protection's connection state for one NBMA peer: what waits for its SAs and when IKE was last started.
 * The SAs themselves live in the shared {@link dev.dmvpn.ref.ipsec.IpsecSaDatabase}.
 */
final class PeerConnection {
  /** A GRE packet held until the SAs exist. */
  record Held(byte[] gre, int tos) {}

  final Ipv4Address nbma;
  final Deque<Held> queue = new ArrayDeque<>();
  final List<Runnable> waiters = new ArrayList<>();
  long connectStartedNanos = -1;

  PeerConnection(Ipv4Address nbma) {
    this.nbma = nbma;
  }

  /** The SAs are up: held packets go first (in order), then the gate's callbacks run. */
  void release(TunnelProtection protection) {
    while (!queue.isEmpty() && protection.isReady(nbma)) {
      Held h = queue.poll();
      protection.send(nbma, h.gre(), h.tos());
    }
    List<Runnable> run = new ArrayList<>(waiters);
    waiters.clear();
    for (Runnable r : run) {
      r.run();
    }
  }
}
