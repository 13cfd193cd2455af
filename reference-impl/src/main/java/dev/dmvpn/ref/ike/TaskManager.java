package dev.dmvpn.ref.ike;

import dev.dmvpn.ref.crypto.RandomSource;
import dev.dmvpn.ref.isakmp.IsakmpPayload;
import dev.dmvpn.ref.time.Scheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Runs the exchanges of one IKE peer's ISAKMP SAs the way strongSwan's IKEv1 task manager does: queues a Quick
 * Mode until its Phase 1 is up, sends what a task builds, retransmits a request with doubling back-off until it
 * is answered or given up, answers a retransmitted request from the cache instead of processing it twice, keeps a
 * finished exchange a while for such duplicates, and hands out message IDs. What an exchange's outcome means
 * (Phase 1 up, IPsec SAs, failures) is the {@link IkeManager}'s; when a request stays unanswered it is told
 * through {@link Timeouts}.
 */
final class TaskManager {
  /** How long a finished Quick Mode stays for duplicate answers (IOS: "purging node" about a minute later). */
  static final Duration KEEP_FINISHED = Duration.ofSeconds(60);
  /** Back-off doubling stops growing after this many retransmissions. */
  private static final int MAX_DOUBLINGS = 16;

  /** Told when an exchange got no answer after the last retransmission. */
  @FunctionalInterface
  interface Timeouts {
    void exchangeTimedOut(IkeSa sa, Exchange ex, String reason);
  }

  private final Duration firstRetransmit;
  private final int maxRetransmits;
  private final Scheduler scheduler;
  private final RandomSource random;
  private final NatTraversal wire;
  private final Timeouts timeouts;
  /** ISAKMP SAs with a Quick Mode waiting for their Phase 1 (strongSwan queues the task until Main Mode is done). */
  /** Observers of sent messages ({@link IkeManager#addTrace}); the list is the manager's. */
  List<IkeTrace> traces = List.of();
  private final Set<IkeSa> quickModeQueued = Collections.newSetFromMap(new IdentityHashMap<>());

  TaskManager(IkeConfig config, Scheduler scheduler, RandomSource random, NatTraversal wire, Timeouts timeouts) {
    this.firstRetransmit = config.firstRetransmit();
    this.maxRetransmits = config.maxRetransmits();
    this.scheduler = scheduler;
    this.random = random;
    this.wire = wire;
    this.timeouts = timeouts;
  }

  /**
   * Builds the task's next message and sends it; when the task now waits for an answer and retransmits its
   * requests ({@link Task#retransmits()}), the retransmission timer starts. Returns what the build left.
   */
  Task.Status send(IkeSa sa, Exchange ex) {
    List<IsakmpPayload> out = new ArrayList<>();
    String name = ex.task.nextMessageName();
    boolean encrypt = ex.task.encryptsNext();
    Task.Status status = ex.task.build(out);
    ex.lastSent = MessageFraming.encode(sa, ex.type, ex.messageId, out, encrypt);
    ex.lastSentName = name;
    wire.send(sa, ex.lastSent);
    for (IkeTrace t : traces) {
      t.sent(sa, ex.messageId, ex.type, List.copyOf(out));
    }
    if (status == Task.Status.NEED_MORE && ex.task.retransmits()) {
      armRetransmit(sa, ex);
    }
    return status;
  }

  /** Queues a Quick Mode to start once {@code sa}'s Phase 1 is up (one per SA, however often it is asked). */
  void queueQuickMode(IkeSa sa) {
    quickModeQueued.add(sa);
  }

  /** Whether a Quick Mode was queued for {@code sa}; it is taken off the queue. */
  boolean takeQueuedQuickMode(IkeSa sa) {
    return quickModeQueued.remove(sa);
  }

  /** Forgets what was queued for an SA that is gone. */
  void forget(IkeSa sa) {
    quickModeQueued.remove(sa);
  }

  /** True when {@code bytes} repeat the last message this exchange received (a retransmitted request). */
  boolean isDuplicate(Exchange ex, byte[] bytes) {
    return Arrays.equals(bytes, ex.lastReceived);
  }

  /** Sends the cached answer to a repeated request again; our own retransmission then waits a full interval. */
  void answerDuplicate(IkeSa sa, Exchange ex) {
    if (ex.answered && ex.lastSent != null) {
      wire.send(sa, ex.lastSent);
      if (ex.retransmitTimer != null) {
        ex.cancelRetransmit();
        armRetransmit(sa, ex);
      }
    }
  }

  /** A new message for {@code ex} arrived: it answers our last one, so retransmitting stops. */
  void received(Exchange ex, byte[] bytes) {
    ex.lastReceived = bytes;
    ex.answered = false;
    ex.cancelRetransmit();
    ex.retransmits = 0;
  }

  /** Keeps a finished exchange {@link #KEEP_FINISHED} for duplicate answers, then forgets it. */
  void finish(IkeSa sa, Exchange ex) {
    ex.cancelRetransmit();
    scheduler.schedule(KEEP_FINISHED, () -> {
      sa.exchanges.remove(ex.messageId, ex);
      if (sa.protection() != null) {
        sa.protection().forget(ex.messageId);
      }
      for (IkeTrace t : traces) {
        t.forgotten(sa, ex.messageId); // IOS: "purging node"
      }
    });
  }

  /** A random message ID, not 0 and not in use on {@code sa}. */
  int newMessageId(IkeSa sa) {
    int mid;
    do {
      mid = Phase2Proposals.spi(random.bytes(4));
    } while (mid == 0 || sa.exchanges.containsKey(mid));
    return mid;
  }

  private void armRetransmit(IkeSa sa, Exchange ex) {
    Duration delay = firstRetransmit.multipliedBy(1L << Math.min(ex.retransmits, MAX_DOUBLINGS));
    ex.retransmitTimer = scheduler.schedule(delay, () -> retransmit(sa, ex));
  }

  private void retransmit(IkeSa sa, Exchange ex) {
    ex.retransmitTimer = null;
    if (sa.state() == IkeSa.State.DEAD || ex.complete) {
      return;
    }
    if (ex.retransmits >= maxRetransmits) {
      ex.complete = true;
      timeouts.exchangeTimedOut(sa, ex,
          "no response to " + ex.lastSentName + " after " + ex.retransmits + " retransmissions");
      return;
    }
    ex.retransmits++;
    wire.send(sa, ex.lastSent);
    armRetransmit(sa, ex);
  }
}
