package dev.dmvpn.ref.ike;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertNull;
import static org.testng.Assert.assertSame;
import static org.testng.Assert.assertTrue;

import dev.dmvpn.ref.bytes.Ipv4Address;
import dev.dmvpn.ref.isakmp.ExchangeType;
import dev.dmvpn.ref.isakmp.IsakmpPayload;
import dev.dmvpn.ref.isakmp.NoncePayload;
import dev.dmvpn.ref.time.SimulatedScheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.testng.annotations.BeforeMethod;
import org.testng.annotations.Test;

/**
 * The task manager alone, with a scripted task: what goes on the wire when (back-off 2, 4, 8 s), when it gives up,
 * duplicates answered from the cache, finished exchanges kept 60 s, message IDs. The exchanges' meaning is not
 * involved (that is {@link MainModeQuickModeTest}'s).
 */
public class TaskManagerTest {
  static final Ipv4Address PEER = Ipv4Address.parse("209.168.202.130");

  /** A task that sends one plain message "X1" and then waits; retransmitting or not. */
  static final class WaitingTask implements Task {
    final boolean retransmits;

    WaitingTask(boolean retransmits) {
      this.retransmits = retransmits;
    }

    @Override
    public Status build(List<IsakmpPayload> out) {
      out.add(new NoncePayload(new byte[] {1, 2, 3, 4}));
      return Status.NEED_MORE;
    }

    @Override
    public Status process(InboundMessage in) {
      return Status.SUCCESS;
    }

    @Override
    public boolean encryptsNext() {
      return false;
    }

    @Override
    public String nextMessageName() {
      return "X1";
    }

    @Override
    public Failure failure() {
      return null;
    }

    @Override
    public boolean retransmits() {
      return retransmits;
    }
  }

  private SimulatedScheduler scheduler;
  private List<Long> sentAt;
  private List<String> timeouts;
  private TaskManager tasks;
  private IkeSa sa;

  @BeforeMethod
  public void setUp() {
    scheduler = new SimulatedScheduler();
    sentAt = new ArrayList<>();
    timeouts = new ArrayList<>();
    IkeConfig config = IkeConfig.document(Ipv4Address.parse("209.168.202.131"));
    config = new IkeConfig(config.localAddress(), config.policies(), config.keys(), config.profile(),
        config.natTraversalVids(), Duration.ofSeconds(2), 3);
    IkeTransport wire = (peer, port, bytes) -> sentAt.add(scheduler.nanoTime());
    tasks = new TaskManager(config, scheduler,
        IkeSaTableTest.scripted(0L, 0x1234L, 0x1234L, 0x5678L), new NatTraversal(wire, scheduler,
            NatTraversalSettings.defaults()), (s, ex, reason) -> timeouts.add(reason));
    sa = new IkeSa(true, 0x11, 0x22, config.localAddress(), PEER, IkeConfig.IKE_PORT);
  }

  private Exchange exchange(boolean retransmits) {
    Exchange ex = new Exchange(0, ExchangeType.MAIN_MODE, new WaitingTask(retransmits));
    sa.exchanges.put(0, ex);
    return ex;
  }

  private static long s(long seconds) {
    return Duration.ofSeconds(seconds).toNanos();
  }

  @Test
  public void anUnansweredRequestIsRetransmittedWithDoublingBackoffThenGivenUp() {
    Exchange ex = exchange(true);
    assertEquals(tasks.send(sa, ex), Task.Status.NEED_MORE);
    scheduler.advance(Duration.ofSeconds(60));
    assertEquals(sentAt, List.of(0L, s(2), s(6), s(14)), "sent, then after 2, 4 and 8 s (maxRetransmits 3)");
    assertEquals(timeouts, List.of("no response to X1 after 3 retransmissions"), "given up 16 s after the last");
    assertTrue(ex.complete);
  }

  @Test
  public void aTaskThatDoesNotRetransmitSendsOnce() {
    tasks.send(sa, exchange(false)); // Main Mode's responder
    scheduler.advance(Duration.ofSeconds(60));
    assertEquals(sentAt, List.of(0L));
    assertEquals(timeouts, List.of());
  }

  @Test
  public void anAnswerStopsTheRetransmissions() {
    Exchange ex = exchange(true);
    tasks.send(sa, ex);
    scheduler.advance(Duration.ofSeconds(3)); // one retransmission at 2 s
    tasks.received(ex, new byte[] {9});
    scheduler.advance(Duration.ofSeconds(60));
    assertEquals(sentAt, List.of(0L, s(2)));
    assertEquals(ex.retransmits, 0);
    assertNull(ex.retransmitTimer);
  }

  @Test
  public void aRepeatedRequestGetsTheCachedAnswerOnlyOnceAnswered() {
    Exchange ex = exchange(true);
    byte[] request = {7, 7};
    tasks.received(ex, request);
    assertTrue(tasks.isDuplicate(ex, new byte[] {7, 7}));
    assertFalse(tasks.isDuplicate(ex, new byte[] {7, 8}));
    tasks.answerDuplicate(sa, ex);
    assertEquals(sentAt, List.of(), "nothing answered yet: nothing to repeat");
    ex.answered = true;
    tasks.send(sa, ex); // our answer at 0 s, retransmitted at 2 s unless ...
    scheduler.advance(Duration.ofSeconds(1));
    tasks.answerDuplicate(sa, ex); // ... the peer repeats its request at 1 s: answered now, timer restarted
    byte[] cached = ex.lastSent;
    scheduler.advance(Duration.ofMillis(1500));
    assertEquals(sentAt, List.of(0L, s(1)), "no retransmission at 2 s: the timer restarted at 1 s");
    scheduler.advance(Duration.ofSeconds(1));
    assertEquals(sentAt, List.of(0L, s(1), s(3)));
    assertSame(ex.lastSent, cached, "the same bytes every time");
  }

  @Test
  public void aFinishedExchangeStaysSixtySecondsForDuplicates() {
    Exchange ex = exchange(true);
    tasks.send(sa, ex);
    tasks.finish(sa, ex);
    scheduler.advance(Duration.ofSeconds(59));
    assertSame(sa.exchanges.get(0), ex);
    assertEquals(sentAt, List.of(0L), "finishing stopped the retransmissions");
    scheduler.advance(Duration.ofSeconds(1));
    assertNull(sa.exchanges.get(0));
  }

  @Test
  public void aQuickModeIsQueuedOncePerSaUntilTaken() {
    IkeSa other = new IkeSa(true, 0x11, 0x22, sa.localAddress(), PEER, IkeConfig.IKE_PORT); // same cookies
    tasks.queueQuickMode(sa);
    tasks.queueQuickMode(sa); // connect() asked twice while Main Mode ran
    assertFalse(tasks.takeQueuedQuickMode(other), "queued per SA object, not per cookie");
    assertTrue(tasks.takeQueuedQuickMode(sa));
    assertFalse(tasks.takeQueuedQuickMode(sa), "one Quick Mode, taken once");
    tasks.queueQuickMode(sa);
    tasks.forget(sa); // the SA failed or was deleted
    assertFalse(tasks.takeQueuedQuickMode(sa));
  }

  @Test
  public void messageIdsAreNeverZeroNorInUse() {
    assertEquals(tasks.newMessageId(sa), 0x1234, "0 skipped");
    sa.exchanges.put(0x1234, exchange(true));
    assertEquals(tasks.newMessageId(sa), 0x5678, "an ID in use skipped");
  }
}
