package dev.dmvpn.ref.eigrp;

import dev.dmvpn.ref.time.Scheduler;

/**
 * One adjacency. PENDING from the first hello (or INIT update) until the neighbour acknowledges our INIT update;
 * UP afterwards (the full table is then sent to it). Holds what {@code show ip eigrp neighbors} prints: handle,
 * address, interface, hold time left, uptime, SRTT, RTO, queue count and the last sequence number received.
 */
final class EigrpNeighbor {
  enum State {
    /** Waiting for the neighbour to acknowledge our INIT update. */
    PENDING,
    /** Adjacent: updates, queries and replies flow. */
    UP
  }

  final NeighborId id;
  final EigrpInterface iface;
  final int handle;
  final ReliableQueue queue;
  final long createdNanos;
  State state = State.PENDING;
  long upNanos;
  int holdSeconds;
  long lastHeardNanos;
  Scheduler.Timer holdTimer;
  /** The last reliable sequence number accepted from the neighbour (0: none yet). */
  long lastSequence;
  boolean initReceived;
  /** Sequence number of the neighbour's INIT update we took (a copy of it is a retransmission). */
  long peerInitSequence;
  /** Our INIT update's sequence number: its acknowledgment brings the adjacency up. */
  long ourInitSequence;
  /** Conditional receive: the next multicast with the CR flag and this sequence is for us. */
  boolean conditionalReceive;
  long conditionalSequence;
  SoftwareVersionTlv version;

  EigrpNeighbor(NeighborId id, EigrpInterface iface, int handle, Scheduler scheduler, ReliableQueue.Sender sender) {
    this.id = id;
    this.iface = iface;
    this.handle = handle;
    this.queue = new ReliableQueue(scheduler, sender);
    this.createdNanos = scheduler.clock().nanoTime();
    this.lastHeardNanos = createdNanos;
  }

  boolean isUp() {
    return state == State.UP;
  }

  void cancelTimers() {
    if (holdTimer != null) {
      holdTimer.cancel();
      holdTimer = null;
    }
    queue.clear();
  }

  @Override
  public String toString() {
    return id + " " + state;
  }
}
