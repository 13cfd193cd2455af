package dev.dmvpn.ref.nhrp.engine;

import dev.dmvpn.ref.nhrp.NhrpPacketType;

/** Packet counters per NHRP packet type (1-8; other types count as 0), like {@code show ip nhrp traffic}. */
public final class NhrpCounters {
  private final long[] sent = new long[9];
  private final long[] received = new long[9];
  private long authFailures;
  private long dropped;

  void countSent(NhrpPacketType t) {
    sent[slot(t)]++;
  }

  void countReceived(NhrpPacketType t) {
    received[slot(t)]++;
  }

  void countAuthFailure() {
    authFailures++;
  }

  void countDropped() {
    dropped++;
  }

  public long sent(NhrpPacketType t) {
    return sent[slot(t)];
  }

  public long received(NhrpPacketType t) {
    return received[slot(t)];
  }

  /** Packets dropped because the authentication extension was missing or wrong. */
  public long authFailures() {
    return authFailures;
  }

  /** Packets dropped for any reason, authentication failures included. */
  public long dropped() {
    return dropped;
  }

  private static int slot(NhrpPacketType t) {
    int v = t.value();
    return v >= 1 && v <= 8 ? v : 0;
  }
}
