package dev.dmvpn.suites.negative;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

import dev.dmvpn.drivers.parse.NhrpEntry;
import dev.dmvpn.drivers.parse.PingResult;
import dev.dmvpn.drivers.parse.ShowIpNhrpParser;
import dev.dmvpn.drivers.parse.ShowIpRouteParser;
import dev.dmvpn.harness.scenario.ConfigEdit;
import dev.dmvpn.harness.scenario.ScenarioException;
import dev.dmvpn.ref.capture.DecodedFrame;
import dev.dmvpn.ref.nhrp.NhrpPacketType;
import dev.dmvpn.topology.DmvpnMember;
import dev.dmvpn.topology.Ipv4Cidr;
import java.util.List;
import org.testng.annotations.Test;

/**
 * Mismatched network-id: sv9-4 with {@code ip nhrp network-id N+1} against the hub's and sv9-3's N (the
 * document: 1). IOS: nothing fails; the network-id is local to the router (it groups the router's own NHRP
 * interfaces) and no NHRP field carries it [S5]. The suite asserts that the mismatch is in effect (both running
 * configurations) and that the document's scenario works regardless: both spokes registered, the ping to the
 * hub and the document's ping to sv9-3's LAN 5/5, sv9-4 resolving sv9-3 onto a direct SA, and the hub's
 * Registration Reply to sv9-4 on the wire. (Without the change its first check fails: it proves the mismatch.)
 */
@Test(groups = {"virtual-rack", "real-rack", "negative"})
public class MismatchedNetworkIdSuite extends NegativeScenario {

  @Override
  protected String caseName() {
    return "network-id-mismatch";
  }

  @Override
  protected ConfigEdit change(NegativeCast cast) {
    long id = cast.dmvpn().nhrp().networkId();
    return ConfigEdit.of(cast.changed().device(), "^ ip nhrp network-id " + id + "$",
        " ip nhrp network-id " + (id + 1));
  }

  @Test
  public void theNetworkIdsDifferInTheRunningConfigurations() throws Exception {
    long id = cast.dmvpn().nhrp().networkId();
    assertTrue(runningConfig(cast.changed()).contains("ip nhrp network-id " + (id + 1)),
        "sv9-4 runs network-id " + (id + 1));
    assertTrue(runningConfig(cast.hub()).contains("ip nhrp network-id " + id), "the hub runs network-id " + id);
    assertTrue(runningConfig(cast.control()).contains("ip nhrp network-id " + id), "sv9-3 runs network-id " + id);
  }

  @Test(dependsOnMethods = "theNetworkIdsDifferInTheRunningConfigurations")
  public void theHubRegistersBothSpokes() throws ScenarioException {
    List<NhrpEntry> entries = scenario.awaitShow(cast.hub().device(), "show ip nhrp", ShowIpNhrpParser::parse,
        l -> registered(l, cast.control()) && registered(l, cast.changed()));
    NhrpEntry sv94 = entries.stream().filter(e -> e.network().equals(NegativeCast.tunnel(cast.changed())))
        .findFirst().orElseThrow();
    assertEquals(sv94.type(), "dynamic", "sv9-4's registration on the hub: " + sv94);
    assertEquals(sv94.nbma(), NegativeCast.nbma(cast.changed()), sv94.toString());
  }

  @Test(dependsOnMethods = "theHubRegistersBothSpokes")
  public void sv94PingsTheHubAndSv93sLanOverADirectSa() throws Exception {
    awaitIsakmpState(cast.changed(), cast.hub(), "QM_IDLE");
    PingResult hub = pingHubFrom(cast.changed());
    assertEquals(hub.received(), 5, "ping the hub's tunnel address from sv9-4: " + hub);
    Ipv4Cidr lan = lan(cast.control());
    String subnet = lan.subnet().toString();
    scenario.awaitShow(cast.changed().device(), "show ip route", ShowIpRouteParser::parse,
        t -> t.routes().stream().anyMatch(r -> r.protocol().equals("D")
            && (r.network() + "/" + r.prefixLength()).equals(subnet)));
    PingResult lanPing = scenario.trigger(cast.changed().device(), "ping " + lan.address(),
        dev.dmvpn.drivers.parse.PingParser::parse);
    assertEquals(lanPing.received(), 5, "the document's ping " + lan.address() + " from sv9-4: " + lanPing);
    awaitIsakmpState(cast.changed(), cast.control(), "QM_IDLE");
  }

  @Test(dependsOnMethods = "sv94PingsTheHubAndSv93sLanOverADirectSa")
  public void theHubRepliesToSv94sRegistrationOnTheWire() throws ScenarioException {
    List<DecodedFrame> frames = hubSideOpened();
    assertTrue(frames.stream().anyMatch(f -> from(f, cast.hub(), cast.changed()) && f.esp() != null
        && f.nhrp() != null && f.nhrp().type().equals(NhrpPacketType.REGISTRATION_REPLY)),
        "the hub's Registration Reply to sv9-4 inside ESP");
  }

  private String runningConfig(DmvpnMember m) throws java.io.IOException {
    return scenario.device(m.device()).run("show running-config").output();
  }

  private static boolean registered(List<NhrpEntry> l, DmvpnMember spoke) {
    return l.stream().anyMatch(e -> e.network().equals(NegativeCast.tunnel(spoke))
        && NegativeCast.nbma(spoke).equals(e.nbma()));
  }

  private Ipv4Cidr lan(DmvpnMember m) {
    var d = scenario.rack().testbed().device(m.device()).orElseThrow();
    return d.interfaces().get(m.lanInterfaces().get(0)).ipv4().orElseThrow(() -> new IllegalArgumentException(
        m.device() + " " + m.lanInterfaces().get(0) + " has no address"));
  }
}
