package dev.dmvpn.ref.ike;

import dev.dmvpn.ref.bytes.Ipv4Address;
import dev.dmvpn.ref.crypto.RandomSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The ISAKMP SAs of one IKE peer, keyed by initiator cookie (strongSwan's IKE SA manager, without its locking:
 * everything runs on the scheduler's thread). Hands out fresh cookies that are never 0 and never collide with an
 * SA in the table.
 */
final class IkeSaTable {
  private final Map<Long, IkeSa> byInitiatorCookie = new HashMap<>();
  private final RandomSource random;

  IkeSaTable(RandomSource random) {
    this.random = random;
  }

  /** The SA with this initiator cookie, or {@code null}. */
  IkeSa get(long initiatorCookie) {
    return byInitiatorCookie.get(initiatorCookie);
  }

  void add(IkeSa sa) {
    IkeSa old = byInitiatorCookie.putIfAbsent(sa.initiatorCookie(), sa);
    if (old != null && old != sa) {
      throw new IllegalStateException("initiator cookie " + Long.toHexString(sa.initiatorCookie())
          + " is already in use by the SA with " + old.peerAddress());
    }
  }

  /** Removes {@code sa} (only that instance: a newer SA that reuses its cookie stays). */
  void remove(IkeSa sa) {
    byInitiatorCookie.remove(sa.initiatorCookie(), sa);
  }

  /** A snapshot of the SAs (connecting or established). */
  List<IkeSa> all() {
    return List.copyOf(byInitiatorCookie.values());
  }

  /**
   * The SA {@link IkeManager#connect} should use towards {@code peer}: an established one, else one we are
   * initiating; {@code null} when a new Main Mode is needed (a responder SA still connecting does not count).
   */
  IkeSa usableFor(Ipv4Address peer) {
    for (IkeSa sa : byInitiatorCookie.values()) {
      if (sa.peerAddress().equals(peer)
          && (sa.state() == IkeSa.State.ESTABLISHED || sa.isInitiator())) {
        return sa;
      }
    }
    return null;
  }

  /** A random cookie, not 0 and not an initiator cookie in the table. */
  long newCookie() {
    long c;
    do {
      byte[] b = random.bytes(8);
      c = 0;
      for (byte x : b) {
        c = (c << 8) | (x & 0xFF);
      }
    } while (c == 0 || byInitiatorCookie.containsKey(c));
    return c;
  }
}
