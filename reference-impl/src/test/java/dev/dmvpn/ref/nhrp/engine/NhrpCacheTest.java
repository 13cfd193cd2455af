package dev.dmvpn.ref.nhrp.engine;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertNull;
import static org.testng.Assert.assertSame;
import static org.testng.Assert.assertTrue;

import dev.dmvpn.ref.bytes.Ipv4Address;
import dev.dmvpn.ref.time.SimulatedScheduler;
import java.time.Duration;
import java.util.List;
import org.testng.annotations.Test;

public class NhrpCacheTest {
  private static final Ipv4Address NBMA_A = Ipv4Address.parse("209.168.202.131");
  private static final Ipv4Address NBMA_B = Ipv4Address.parse("209.168.202.140");
  private static final Ipv4Address NH = Ipv4Address.parse("192.168.1.2");

  private final SimulatedScheduler clock = new SimulatedScheduler();

  private NhrpCache cache(ConnectionGate gate, NhrpEventLog log) {
    return new NhrpCache(clock, gate, log);
  }

  @Test
  public void longestPrefixWins() {
    NhrpCache c = cache(ConnectionGate.ALWAYS_READY, new NhrpEventLog(clock));
    c.put(NhrpPrefix.parse("2.2.0.0/16"), NhrpCacheType.CACHED, new NhrpBinding(NBMA_B, NH), 60, false);
    c.put(NhrpPrefix.parse("2.2.2.0/24"), NhrpCacheType.CACHED, new NhrpBinding(NBMA_A, NH), 60, false);
    assertEquals(c.lookup(Ipv4Address.parse("2.2.2.2")).prefix(), NhrpPrefix.parse("2.2.2.0/24"));
    assertEquals(c.nbmaFor(Ipv4Address.parse("2.2.9.9")), NBMA_B);
    assertNull(c.lookup(Ipv4Address.parse("3.3.3.3")));
  }

  @Test
  public void learnedEntriesNeverReplaceMoreAuthoritativeOnes() {
    NhrpCache c = cache(ConnectionGate.ALWAYS_READY, new NhrpEventLog(clock));
    NhrpPrefix p = NhrpPrefix.host(NH);
    NhrpCacheEntry s = c.put(p, NhrpCacheType.STATIC, new NhrpBinding(NBMA_A, NH), 0, false);
    assertSame(c.put(p, NhrpCacheType.DYNAMIC, new NhrpBinding(NBMA_B, NH), 60, false), s);
    assertEquals(c.get(p).nbma(), NBMA_A);
    clock.advance(Duration.ofDays(1));
    assertEquals(c.get(p).type(), NhrpCacheType.STATIC, "static never expires");
    assertTrue(NhrpCacheType.DYNAMIC.outranks(NhrpCacheType.CACHED));
    assertFalse(NhrpCacheType.INCOMPLETE.outranks(NhrpCacheType.CACHED));
  }

  @Test
  public void pendingBindingIsCommittedWhenTheGateOpens() {
    ManualGate gate = new ManualGate(NBMA_A);
    NhrpEventLog log = new NhrpEventLog(clock);
    NhrpCache c = cache(gate, log);
    NhrpPrefix p = NhrpPrefix.parse("2.2.2.0/24");
    NhrpCacheEntry e = c.put(p, NhrpCacheType.CACHED, new NhrpBinding(NBMA_A, NH), 60, false);
    assertEquals(e.nbma(), NBMA_A, "ready peer: committed at once");
    c.put(p, NhrpCacheType.CACHED, new NhrpBinding(NBMA_B, NH), 60, false);
    assertEquals(e.nbma(), NBMA_A, "current kept while the new peer is not ready");
    assertEquals(e.pending().nbma(), NBMA_B);
    assertEquals(gate.requested, List.of(NBMA_B));
    gate.open(NBMA_B);
    assertEquals(e.nbma(), NBMA_B);
    assertNull(e.pending());
    assertEquals(log.events(NhrpEventType.CACHE_UPDATED).get(0).nbma(), NBMA_B);
  }

  @Test
  public void lateGateCallbackForAPurgedEntryIsIgnored() {
    ManualGate gate = new ManualGate();
    NhrpCache c = cache(gate, new NhrpEventLog(clock));
    NhrpPrefix p = NhrpPrefix.host(NH);
    c.put(p, NhrpCacheType.CACHED, new NhrpBinding(NBMA_A, NH), 60, false);
    assertTrue(c.purge(p));
    assertFalse(c.purge(p));
    gate.open(NBMA_A);
    assertNull(c.get(p));
  }

  @Test
  public void refreshPushesTheExpiryBack() {
    NhrpEventLog log = new NhrpEventLog(clock);
    NhrpCache c = cache(ConnectionGate.ALWAYS_READY, log);
    NhrpPrefix p = NhrpPrefix.host(NH);
    c.put(p, NhrpCacheType.DYNAMIC, new NhrpBinding(NBMA_A, NH), 60, true);
    clock.advance(Duration.ofSeconds(50));
    c.put(p, NhrpCacheType.DYNAMIC, new NhrpBinding(NBMA_A, NH), 60, true);
    clock.advance(Duration.ofSeconds(59));
    assertEquals(c.size(), 1);
    clock.advance(Duration.ofSeconds(1));
    assertEquals(c.size(), 0);
    assertEquals(log.count(NhrpEventType.CACHE_ADDED), 1);
    assertEquals(log.count(NhrpEventType.CACHE_EXPIRED), 1);
    assertEquals(log.events(NhrpEventType.CACHE_EXPIRED).get(0).at(), clock.now());
  }
}
