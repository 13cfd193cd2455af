package dev.dmvpn.ref.ike;

import dev.dmvpn.ref.isakmp.ExchangeType;
import dev.dmvpn.ref.time.Scheduler;

/**
 * The runtime of one exchange (one message ID) of an ISAKMP SA: its task, the last message received and sent
 * (for duplicate detection: a retransmitted request gets the cached response), and the retransmission timer.
 */
final class Exchange {
  final int messageId;
  final ExchangeType type;
  final Task task;
  byte[] lastReceived;
  byte[] lastSent;
  String lastSentName;
  Scheduler.Timer retransmitTimer;
  int retransmits;
  boolean complete;
  /** True when {@link #lastSent} answers {@link #lastReceived} (so a duplicate of it gets lastSent again). */
  boolean answered;

  Exchange(int messageId, ExchangeType type, Task task) {
    this.messageId = messageId;
    this.type = type;
    this.task = task;
  }

  void cancelRetransmit() {
    if (retransmitTimer != null) {
      retransmitTimer.cancel();
      retransmitTimer = null;
    }
  }
}
