package dev.dmvpn.drivers.parse;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertNull;
import static org.testng.Assert.expectThrows;

import java.util.List;
import org.testng.annotations.Test;

/** {@code show ip route}: real 15.x outputs (multi-path, groups, VRF) and the 12.3 classful layout. */
public class ShowIpRouteParserTest {

  @Test
  public void readsGroupsAndMultiplePaths() {
    // ../shared/fixtures/ios-outputs/show_ip_route/genieparser-ios_4.txt
    RoutingTable t = ShowIpRouteParser.parse(SharedOutputs.output("show_ip_route/genieparser-ios_4.txt"));
    assertNull(t.gatewayOfLastResort()); // line 13: not set
    assertEquals(t.routes().size(), 10); // lines 16, 18, 21, 24-28, 31, 34
    // lines 15-16: a maskless subnet under "10.1.0.0/32 is subnetted"
    assertEquals(t.routes().get(0), new Route("C", "10.4.1.1", 32, null, null,
        List.of(new RouteNextHop(null, null, "Loopback0"))));
    // lines 18-19: a static with two paths, no age
    assertEquals(t.routes().get(1), new Route("S", "10.16.2.2", 32, 1, 0L, List.of(
        new RouteNextHop("10.186.2.2", null, "GigabitEthernet0/1"), new RouteNextHop("10.1.2.2", null, "GigabitEthernet0/0"))));
    // lines 21-22: directly connected twice
    assertEquals(t.routes().get(2).nextHops().size(), 2);
    // line 24 under a variably subnetted group: its own /24
    assertEquals(t.routes().get(3).prefixLength(), 24);
    // lines 28-29
    assertEquals(t.routes().get(7), new Route("O", "10.2.3.0", 24, 110, 2L, List.of(
        new RouteNextHop("10.186.2.2", "06:46:59", "GigabitEthernet0/1"),
        new RouteNextHop("10.1.2.2", "06:46:59", "GigabitEthernet0/0"))));
    // line 31: a two-part code
    assertEquals(t.routes().get(8).code(), "i L1");
    assertEquals(t.routes().get(8).protocol(), "i");
    // line 34: BGP, age but no interface
    assertEquals(t.routes().get(9), new Route("B", "10.16.32.32", 32, 200, 0L,
        List.of(new RouteNextHop("10.66.12.12", "1d00h", null))));
  }

  @Test
  public void readsACandidateDefaultAndVrf() {
    // genieparser-ios_2.txt: "Gateway of last resort is 10.12.7.37 to network 0.0.0.0", then
    // "i*L1  0.0.0.0/0 [115/100] via 10.12.7.37, 3w6d, Vlan101" and a second path
    RoutingTable t = ShowIpRouteParser.parse(SharedOutputs.output("show_ip_route/genieparser-ios_2.txt"));
    assertEquals(t.gatewayOfLastResort(), "10.12.7.37");
    Route def = t.routes().get(0);
    assertEquals(def.code(), "i*L1");
    assertEquals(def.prefixLength(), 0);
    assertEquals(def.nextHops().get(1), new RouteNextHop("10.12.7.33", "3w6d", "Vlan100"));
    // genieparser-ios_5.txt: "Routing Table: VRF1", 10.0.0.0/24 is subnetted, "O 10.0.0.0 [110/1] via ..."
    RoutingTable vrf = ShowIpRouteParser.parse(SharedOutputs.output("show_ip_route/genieparser-ios_5.txt"));
    assertEquals(vrf.vrf(), "VRF1");
    assertEquals(vrf.routes().get(0), new Route("O", "10.0.0.0", 24, 110, 1L,
        List.of(new RouteNextHop("10.81.1.2", "01:02:20", "GigabitEthernet0/0/2.100"))));
  }

  /** ios-12.3-formats.md "show ip route": the 12.3 codes block and a classful group on the document's spoke. */
  @Test
  public void reads123Layout() {
    String output = "sv9-4#show ip route\n"
        + "Codes: C - connected, S - static, R - RIP, M - mobile, B - BGP\n"
        + "       D - EIGRP, EX - EIGRP external, O - OSPF, IA - OSPF inter area\n"
        + "       * - candidate default, U - per-user static route, o - ODR\n"
        + "       P - periodic downloaded static route\n\n"
        + "Gateway of last resort is 209.168.202.158 to network 0.0.0.0\n\n"
        + "     2.0.0.0/24 is subnetted, 1 subnets\n"
        + "D       2.2.2.0 [90/297372416] via 192.168.1.2, 00:02:11, Tunnel0\n"
        + "C    192.168.1.0/24 is directly connected, Tunnel0\n"
        + "C    209.168.202.128/27 is directly connected, FastEthernet0/0\n"
        + "S*   0.0.0.0/0 [1/0] via 209.168.202.158\n"
        + "sv9-4#";
    RoutingTable t = ShowIpRouteParser.parse(output);
    assertEquals(t.gatewayOfLastResort(), "209.168.202.158");
    assertEquals(t.routes().get(0), new Route("D", "2.2.2.0", 24, 90, 297372416L,
        List.of(new RouteNextHop("192.168.1.2", "00:02:11", "Tunnel0"))));
    assertEquals(t.routes().get(3), new Route("S*", "0.0.0.0", 0, 1, 0L,
        List.of(new RouteNextHop("209.168.202.158", null, null))));
  }

  @Test
  public void garbageTruncatedAndOtherCommandsAreRefused() {
    ParseException e = expectThrows(ParseException.class, () -> ShowIpRouteParser.parse(
        "Gateway of last resort is not set\nD       2.2.2.0 [90/297372416] via 192.16"));
    assertEquals(e.command(), "show ip route");
    assertEquals(e.lineNumber(), 2);
    e = expectThrows(ParseException.class, () -> ShowIpRouteParser.parse(
        SharedOutputs.output("show_ip_eigrp_neighbors/genieparser-ios_3.txt")));
    assertEquals(e.lineNumber(), 3);
    expectThrows(ParseException.class, () -> ShowIpRouteParser.parse("hello world"));
  }
}
