package dev.dmvpn.ref.eigrp;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertNull;
import static org.testng.Assert.assertSame;
import static org.testng.Assert.assertTrue;

import dev.dmvpn.ref.bytes.Ipv4Address;
import dev.dmvpn.ref.wire.ip.Ipv4Prefix;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.testng.annotations.Test;

/**
 * The compact structures of the topology table checked against the JDK collections they replaced (the oracle):
 * the sorted array against a {@code TreeMap} with the old comparator (network as a signed int, then length), the
 * entry's reports against a {@code LinkedHashMap} (a neighbour's new report keeps its place), and the interner.
 */
public class TopologyTableTest {
  private static final Comparator<Ipv4Prefix> OLD_ORDER =
      Comparator.comparingInt((Ipv4Prefix p) -> p.network().bits()).thenComparingInt(Ipv4Prefix::length);

  @Test
  public void sortedArrayKeepsTheTreeMapsOrderThroughInsertsAndRemovals() {
    Random r = new Random(7868);
    TopologyTable table = new TopologyTable();
    TreeMap<Ipv4Prefix, Boolean> oracle = new TreeMap<>(OLD_ORDER);
    for (int i = 0; i < 3000; i++) {
      int len = r.nextInt(33);
      Ipv4Prefix p = new Ipv4Prefix(new Ipv4Address(r.nextInt() & Ipv4Prefix.mask(len)), len);
      if (r.nextInt(4) == 0 && !oracle.isEmpty()) {
        Ipv4Prefix gone = oracle.keySet().stream().skip(r.nextInt(oracle.size())).findFirst().orElseThrow();
        oracle.remove(gone);
        table.remove(gone);
        assertNull(table.get(gone), gone + " still found after removal");
      } else {
        oracle.put(p, true);
        TopologyEntry e = table.getOrCreate(p);
        assertSame(table.getOrCreate(p), e, "a second getOrCreate made a new entry for " + p);
      }
    }
    List<Ipv4Prefix> got = table.values().stream().map(TopologyEntry::prefix).toList();
    assertEquals(got, new ArrayList<>(oracle.keySet()));
    assertTrue(got.get(0).network().bits() < 0 || got.get(got.size() - 1).network().bits() >= 0,
        "signed order: 128.0.0.0 and above come first");
  }

  @Test
  public void reportsKeepFirstReportOrderLikeALinkedHashMap() {
    NeighborId a = new NeighborId("Tunnel0", Ipv4Address.parse("10.0.0.1"));
    NeighborId b = new NeighborId("Tunnel0", Ipv4Address.parse("10.0.0.2"));
    NeighborId c = new NeighborId("Fa0/0", Ipv4Address.parse("192.0.2.3"));
    TopologyEntry e = new TopologyEntry(Ipv4Prefix.parse("172.16.1.0/24"));
    Map<NeighborId, TopologySource> oracle = new LinkedHashMap<>();
    long[] distances = {5, 7, 3, 9, 4, 6};
    NeighborId[] who = {a, b, a, c, b, c};
    for (int i = 0; i < who.length; i++) {
      TopologySource s = source(who[i], distances[i]);
      e.putReport(s);
      oracle.put(who[i], s);
      assertEquals(e.reports(), new ArrayList<>(oracle.values()));
    }
    assertTrue(e.removeReport(a));
    oracle.remove(a);
    assertFalse(e.removeReport(a), "a second removal found a report");
    assertEquals(e.reports(), new ArrayList<>(oracle.values()));
    assertEquals(e.report(c).distance(), 256L * 6, "c's second report replaced its first");
    assertTrue(e.removeReport(b));
    assertTrue(e.removeReport(c));
    assertFalse(e.hasReports());
    assertTrue(e.isEmpty());
  }

  @Test
  public void feasibleDistanceHoldsTheFull32BitRange() {
    TopologyEntry e = new TopologyEntry(Ipv4Prefix.parse("10.0.0.0/8"));
    assertEquals(e.feasibleDistance(), CompositeMetric.INFINITE, "a new entry is inaccessible");
    e.setFeasibleDistance(0xFFFF_FFFEL);
    assertEquals(e.feasibleDistance(), 0xFFFF_FFFEL);
    e.setFeasibleDistance(28_160);
    assertEquals(e.feasibleDistance(), 28_160L);
  }

  @Test
  public void internerSharesEqualValuesAndStartsOverWhenFull() {
    Interner<VectorMetric> in = new Interner<>(2);
    VectorMetric fe = InterfaceMetrics.FAST_ETHERNET.connected();
    VectorMetric first = in.intern(fe);
    assertSame(in.intern(InterfaceMetrics.FAST_ETHERNET.connected()), first);
    in.intern(InterfaceMetrics.TUNNEL.connected());
    in.intern(InterfaceMetrics.LOOPBACK.connected()); // full: starts over
    VectorMetric again = InterfaceMetrics.FAST_ETHERNET.connected();
    assertSame(in.intern(again), again, "the full interner forgot its old values");
  }

  private static TopologySource source(NeighborId n, long distance) {
    VectorMetric m = new VectorMetric(256 * distance, 0, 1500, 1, 255, 1);
    return new TopologySource(n, n.interfaceName(), n.address(), null, 0, m, 256 * distance, 256 * distance - 1);
  }
}
