package dev.dmvpn.ref.eigrp;

import dev.dmvpn.ref.time.Scheduler;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The reliable packets owed to one neighbour, window 1 as IOS runs it: the head is outstanding until the
 * neighbour acknowledges its sequence number; it is retransmitted by unicast every RTO, and after
 * {@link #RETRY_LIMIT} retransmissions the neighbour is given up ("retry limit exceeded"). SRTT is smoothed from
 * packets acknowledged without retransmission (0.8 old + 0.2 new); RTO = 6 x SRTT within 200..5000 ms, the
 * range {@code show ip eigrp neighbors} shows on IOS.
 */
final class ReliableQueue {
  static final int RETRY_LIMIT = 16;
  /** Packets an ArrayDeque holds without growing. */
  private static final int SMALL = 16;
  static final Duration MIN_RTO = Duration.ofMillis(200);
  static final Duration MAX_RTO = Duration.ofMillis(5000);

  /** How the queue reaches the wire and reports a neighbour that stopped acknowledging. */
  interface Sender {
    void unicast(EigrpPacket p);

    void gaveUp();
  }

  private final Scheduler scheduler;
  private final Sender sender;
  /** Replaced by a small one once emptied after it grew: an ArrayDeque never gives its array back. */
  private Deque<EigrpPacket> packets = new ArrayDeque<>();
  /** The most packets queued since the deque was last replaced. */
  private int highWater;
  private boolean headSent;
  private boolean headRetransmitted;
  private long headSentNanos;
  private int retries;
  private Scheduler.Timer timer;
  private long srttMillis;

  ReliableQueue(Scheduler scheduler, Sender sender) {
    this.scheduler = scheduler;
    this.sender = sender;
  }

  boolean isEmpty() {
    return packets.isEmpty();
  }

  int size() {
    return packets.size();
  }

  /** Queues {@code p} (its sequence number set); sends it now when nothing is outstanding. */
  void enqueue(EigrpPacket p) {
    packets.addLast(p);
    highWater = Math.max(highWater, packets.size());
    if (packets.size() == 1) {
      sendHead(false);
    }
  }

  /** Queues {@code p} as already sent (by multicast) just now; only when nothing is outstanding. */
  void enqueueSent(EigrpPacket p) {
    if (!packets.isEmpty()) {
      throw new IllegalStateException("a multicast copy can only be the head of an empty queue");
    }
    packets.addLast(p);
    markSent(false);
  }

  /** Handles the acknowledgment number of any packet from the neighbour; true when it acked the head. */
  boolean acknowledged(long ack) {
    EigrpPacket head = packets.peekFirst();
    if (ack == 0 || head == null || !headSent || head.sequence() != ack) {
      return false;
    }
    packets.removeFirst();
    cancelTimer();
    trimIfEmpty();
    if (!headRetransmitted) {
      long rtt = Math.max(0, (scheduler.clock().nanoTime() - headSentNanos) / 1_000_000);
      srttMillis = srttMillis == 0 ? Math.max(1, rtt) : (srttMillis * 8 + rtt * 2) / 10;
    }
    if (!packets.isEmpty()) {
      sendHead(false);
    }
    return true;
  }

  long srttMillis() {
    return srttMillis;
  }

  Duration rto() {
    long ms = Math.max(MIN_RTO.toMillis(), Math.min(MAX_RTO.toMillis(), 6 * srttMillis));
    return Duration.ofMillis(ms);
  }

  /** The sequence number of the outstanding packet, or 0. */
  long outstandingSequence() {
    return packets.isEmpty() || !headSent ? 0 : packets.peekFirst().sequence();
  }

  void clear() {
    cancelTimer();
    packets.clear();
    trimIfEmpty();
  }

  /**
   * Gives back the array a burst grew (a hub queues an update for each spoke LAN while 1,000 spokes start:
   * hundreds of packets a neighbour, then none once acknowledged).
   */
  private void trimIfEmpty() {
    if (packets.isEmpty() && highWater > SMALL) {
      packets = new ArrayDeque<>();
      highWater = 0;
    }
  }

  private void sendHead(boolean retransmission) {
    sender.unicast(packets.peekFirst());
    markSent(retransmission);
  }

  private void markSent(boolean retransmission) {
    headSent = true;
    headRetransmitted = retransmission;
    if (!retransmission) {
      retries = 0;
      headSentNanos = scheduler.clock().nanoTime();
    }
    cancelTimer();
    timer = scheduler.schedule(rto(), this::timeout);
  }

  private void timeout() {
    timer = null;
    if (packets.isEmpty()) {
      return;
    }
    if (++retries > RETRY_LIMIT) {
      clear();
      sender.gaveUp();
      return;
    }
    sendHead(true);
  }

  private void cancelTimer() {
    if (timer != null) {
      timer.cancel();
      timer = null;
    }
  }
}
