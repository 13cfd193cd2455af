package dev.dmvpn.drivers.parse;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertNull;
import static org.testng.Assert.assertTrue;
import static org.testng.Assert.expectThrows;

import java.util.List;
import org.testng.annotations.Test;

/**
 * {@code show ip eigrp topology}. No real output of it is in {@code ../shared}; the inputs are Cisco's examples as
 * found with the search tool: the 12.3-era {@code IP-EIGRP Topology Table for AS(100)/ID(10.0.0.1)} example (quoted by
 * courseiva.com "show ip eigrp topology"), the 15.x {@code EIGRP-IPv4} example with Summary and Connected paths
 * (quoted by networkplayroom.com "Cisco Command Christmas Calendar #21", from Cisco's command reference), and the
 * 12.3 layout of the brief with the document's AS 90 and Tunnel0 (values of the seed: 2.2.2.0/24 via the hub).
 */
public class ShowIpEigrpTopologyParserTest {
  @Test
  public void ios123LayoutWithConsoleNoise() {
    String out = "sv9-4#show ip eigrp topology\r\n"
        + "IP-EIGRP Topology Table for AS(90)/ID(192.168.1.3)\r\n\r\n"
        + "Codes: P - Passive, A - Active, U - Update, Q - Query, R - Reply,\r\n"
        + "       r - reply Status, s - sia Status \r\n\r\n"
        + "P 2.2.2.0/24, 1 successors, FD is 297246976\r\n"
        + "         via 192.168.1.2 (297246976/28160), Tunnel0\r\n"
        + "*Mar  1 02:25:37.159: %LINEPROTO-5-UPDOWN: Line protocol on Interface Tunnel0, changed state to up\r\n"
        + "P 192.168.1.0/24, 1 successors, FD is 297244416\r\n"
        + "         via Connected, Tunnel0\r\n"
        + "P 3.3.3.0/24, 1 successors, FD is 28160\r\n"
        + "         via Connected, FastEthernet0/1\r\nsv9-4#";
    List<EigrpTopology> t = ShowIpEigrpTopologyParser.parse(out);
    assertEquals(t.size(), 1);
    assertEquals(t.get(0).asNumber(), 90);
    assertEquals(t.get(0).routerId(), "192.168.1.3");
    EigrpTopologyEntry spoke = t.get(0).entries().get(0);
    assertEquals(spoke.prefix(), "2.2.2.0/24");
    assertEquals(spoke.feasibleDistance(), Long.valueOf(297246976L));
    assertEquals(spoke.paths(), List.of(new EigrpPath("192.168.1.2", 297246976L, 28160L, "Tunnel0")));
    assertEquals(t.get(0).entries().get(1).paths(), List.of(new EigrpPath("Connected", null, null, "Tunnel0")));
    assertEquals(t.get(0).entries().size(), 3);
  }

  @Test
  public void ciscoExampleWithFeasibleSuccessor() {
    String out = "IP-EIGRP Topology Table for AS(100)/ID(10.0.0.1)\n\n"
        + "Codes: P - Passive, A - Active, U - Update, Q - Query, R - Reply,\n"
        + "       r - reply Status, s - sia Status\n\n"
        + "P 192.168.1.0/24, 1 successors, FD is 28160\n"
        + "        via 10.0.0.2 (28160/2816), GigabitEthernet0/0\n"
        + "        via 10.0.0.3 (30720/2816), GigabitEthernet0/1\n"
        + "P 10.0.0.0/8, 1 successors, FD is 28160\n"
        + "        via 10.0.0.2 (28160/2816), GigabitEthernet0/0\n"
        + "P 172.16.0.0/16, 1 successors, FD is 30720\n"
        + "        via 10.0.0.3 (30720/2816), GigabitEthernet0/1\n";
    EigrpTopology t = ShowIpEigrpTopologyParser.parse(out).get(0);
    assertEquals(t.asNumber(), 100);
    assertEquals(t.entries().get(0).paths().size(), 2);
    assertEquals(t.entries().get(0).paths().get(1), new EigrpPath("10.0.0.3", 30720L, 2816L, "GigabitEthernet0/1"));
    assertEquals(t.entries().get(2).prefix(), "172.16.0.0/16");
  }

  @Test
  public void ios15LayoutWithSummaryAndTwoSuccessors() {
    String out = "EIGRP-IPv4 Topology Table for AS(1)/ID(10.0.0.1)\n"
        + "Codes: P - Passive, A - Active, U - Update, Q - Query, R - Reply,\n"
        + "       r - Reply status, s - sia status\n"
        + "P 192.168.2.0/24, 1 successors, FD is 131153920\n"
        + "        via 10.1.1.2 (131153920/163840), Ethernet0/0\n"
        + "        via 10.3.3.3 (137625600/6635520), Ethernet0/1\n"
        + "P 192.168.1.0/24, 2 successors, FD is 137625600\n"
        + "        via 10.4.4.4 (137625600/6635520), Ethernet0/2\n"
        + "        via 10.3.3.3 (137625600/6635520), Ethernet0/1\n"
        + "P 10.0.0.0/8, 1 successors, FD is 281600\n"
        + "        via Summary (281600/0), Null0\n"
        + "A 10.9.0.0/16, 0 successors, FD is Inaccessible\n";
    EigrpTopology t = ShowIpEigrpTopologyParser.parse(out).get(0);
    assertEquals(t.entries().get(1).successors(), 2);
    assertEquals(t.entries().get(2).paths().get(0), new EigrpPath("Summary", 281600L, 0L, "Null0"));
    assertEquals(t.entries().get(3).state(), "A");
    assertNull(t.entries().get(3).feasibleDistance());
    assertTrue(t.entries().get(3).paths().isEmpty());
  }

  @Test
  public void otherOutputsAreRefused() {
    ParseException neighbors = expectThrows(ParseException.class, () -> ShowIpEigrpTopologyParser.parse(
        "IP-EIGRP neighbors for process 90\nH   Address   Interface   Hold Uptime   SRTT   RTO  Q  Seq Type\n"));
    assertEquals(neighbors.lineNumber(), 1);
    expectThrows(ParseException.class, () -> ShowIpEigrpTopologyParser.parse(
        "        via 10.0.0.2 (28160/2816), GigabitEthernet0/0\n"));
    expectThrows(ParseException.class, () -> ShowIpEigrpTopologyParser.parse(
        "IP-EIGRP Topology Table for AS(90)/ID(1.1.1.1)\nP 2.2.2.0/24, 1 successors, FD is\n"));
  }
}
