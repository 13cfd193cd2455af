package dev.dmvpn.ref.eigrp;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertNull;
import static org.testng.Assert.assertSame;
import static org.testng.Assert.assertTrue;

import dev.dmvpn.ref.bytes.Ipv4Address;
import dev.dmvpn.ref.wire.ip.Ipv4Prefix;
import java.util.List;
import org.testng.annotations.Test;

/**
 * The columnar topology table: a row's one reference holds the lone source itself in the common case (what keeps
 * a spoke's 1,000 hub-learnt rows small) and a spelt-out form otherwise, with the same answers either way; entries
 * are views on rows by key.
 */
public class TopologyColumnsTest {
  private static final NeighborId HUB = new NeighborId("Tunnel0", Ipv4Address.parse("10.0.0.1"));
  private static final NeighborId OTHER = new NeighborId("Tunnel0", Ipv4Address.parse("10.0.0.3"));
  private static final Ipv4Prefix LAN = Ipv4Prefix.parse("192.168.7.0/24");

  @Test
  public void aLoneReportThatIsTheSuccessorIsStoredAsTheSourceItself() {
    TopologyTable table = new TopologyTable();
    TopologyEntry e = table.getOrCreate(LAN);
    int row = table.find(LAN.network().bits(), LAN.length());
    assertNull(table.rest(row), "a new row holds nothing");
    TopologySource s = source(HUB, 10);
    e.putReport(s);
    e.setSuccessors(List.of(s));
    e.setLastMetric(s.total());
    assertSame(table.rest(row), s, "the common row is not compact");
    TopologySource connected = new TopologySource(null, "Fa0/0", null, null, 0, s.total(), 5, 0);
    e.setConnected(connected);
    assertTrue(table.rest(row) instanceof TopologyEntry.Spill, "a connected source must be spelt out");
    assertEquals(e.connected(), connected);
    assertEquals(e.successors(), List.of(s));
    assertEquals(e.lastMetric(), s.total());
    assertEquals(e.sources(), List.of(connected, s));
    e.setConnected(null);
    assertSame(table.rest(row), s, "the row did not go back to its compact form");
    e.putReport(source(OTHER, 12));
    assertEquals(e.reports().size(), 2);
    assertEquals(e.successor(), s, "a second report changed the successor");
    assertTrue(e.removeReport(OTHER));
    assertSame(table.rest(row), s);
  }

  @Test
  public void viewsOfOneKeyShareTheRowAndAGoneRowReadsAsNew() {
    TopologyTable table = new TopologyTable();
    TopologyEntry a = table.getOrCreate(LAN);
    table.getOrCreate(Ipv4Prefix.parse("10.1.0.0/16")); // moves LAN's row: the views must find it again
    a.setFeasibleDistance(0xFFFF_FFF0L);
    a.setInstalledAtNanos(42);
    TopologyEntry b = table.values().stream().filter(v -> v.prefix().equals(LAN)).findFirst().orElseThrow();
    assertEquals(b.feasibleDistance(), 0xFFFF_FFF0L);
    assertEquals(b.installedAtNanos(), 42L);
    table.remove(LAN);
    assertNull(table.get(LAN));
    assertEquals(a.feasibleDistance(), CompositeMetric.INFINITE);
    assertEquals(a.installedAtNanos(), TopologyEntry.NOT_INSTALLED);
    assertTrue(a.isEmpty());
    assertEquals(a.state(), DualState.PASSIVE);
    assertEquals(table.values().size(), 1);
  }

  @Test
  public void aDroppedEntryKeepsWhatItHeldAndLeavesTheTable() {
    TopologyTable table = new TopologyTable();
    TopologyEntry e = table.getOrCreate(LAN);
    TopologySource s = source(HUB, 10);
    e.putReport(s);
    e.setSuccessors(List.of(s));
    e.setLastMetric(s.total());
    e.setFeasibleDistance(2560);
    e.setSuccessors(List.of());
    e.detach();
    assertNull(table.get(LAN), "the dropped row is still in the table");
    assertEquals(table.values().size(), 0);
    assertEquals(e.lastMetric(), s.total(), "the reply to the query that emptied it needs the last metric");
    assertEquals(e.feasibleDistance(), 2560L);
    assertEquals(e.reports(), List.of(s));
    TopologyEntry again = table.getOrCreate(LAN);
    assertNull(again.lastMetric(), "a destination learnt again starts afresh");
  }

  private static TopologySource source(NeighborId n, long distance) {
    VectorMetric m = new VectorMetric(256 * distance, 0, 1500, 1, 255, 1);
    return new TopologySource(n, n.interfaceName(), n.address(), null, 0, m, 256 * distance, 256 * distance - 1);
  }
}
