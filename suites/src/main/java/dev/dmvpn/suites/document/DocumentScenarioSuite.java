package dev.dmvpn.suites.document;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

import dev.dmvpn.drivers.parse.EigrpNeighbor;
import dev.dmvpn.drivers.parse.IsakmpSa;
import dev.dmvpn.drivers.parse.NhrpEntry;
import dev.dmvpn.drivers.parse.PingParser;
import dev.dmvpn.drivers.parse.PingResult;
import dev.dmvpn.drivers.parse.Route;
import dev.dmvpn.drivers.parse.RoutingTable;
import dev.dmvpn.drivers.parse.ShowCryptoIsakmpSaParser;
import dev.dmvpn.drivers.parse.ShowIpEigrpNeighborsParser;
import dev.dmvpn.drivers.parse.ShowIpNhrpParser;
import dev.dmvpn.drivers.parse.ShowIpRouteParser;
import dev.dmvpn.harness.scenario.DecodedCapture;
import dev.dmvpn.harness.scenario.Scenario;
import dev.dmvpn.harness.scenario.ScenarioException;
import dev.dmvpn.harness.scenario.suite.SuiteParameters;
import dev.dmvpn.ref.capture.DecodedFrame;
import dev.dmvpn.ref.isakmp.ExchangeType;
import dev.dmvpn.ref.nhrp.NhrpPacketType;
import dev.dmvpn.topology.DmvpnMember;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.testng.ITestContext;
import org.testng.SkipException;
import org.testng.annotations.AfterClass;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

/**
 * The Cisco document's scenario end to end, through the drivers: the hub and both spokes configured from the
 * testbed, EIGRP over the tunnel, both spokes registered, {@code ping 2.2.2.2} on sv9-4 answered through the hub
 * while NHRP resolves sv9-3 and the spokes build a direct IPsec SA, then the wire checked frame by frame.
 * Device state is awaited on parsed {@code show} outputs (Awaitility), never slept for. The frame checks are
 * written here for now; they move to the harness's expected-sequence files when those exist.
 */
@Test(groups = "virtual-rack")
public class DocumentScenarioSuite {
  private static final String TUNNEL_IF = "Tu0";

  private Scenario scenario;
  private DocumentRoles roles;
  private List<DecodedCapture> wire;

  @BeforeClass(alwaysRun = true)
  public void bringUpTheDocumentsRack(ITestContext ctx) throws ScenarioException {
    scenario = Scenario.start(SuiteParameters.settings(ctx, "document"), SuiteParameters.listeners(ctx));
    roles = DocumentRoles.of(scenario.rack().testbed());
    scenario.bringUp();
  }

  @AfterClass(alwaysRun = true)
  public void tearDown() throws ScenarioException {
    if (scenario != null) {
      scenario.close();
    }
  }

  /** Tunnel0 hello is 60 s (NBMA below T1); the first one is dropped while IPsec comes up, the next one makes it. */
  @Test
  public void eachSpokeHasTheHubAsEigrpNeighbourOnTunnel0() throws ScenarioException {
    for (DmvpnMember spoke : List.of(roles.responder(), roles.initiator())) {
      List<EigrpNeighbor> n = scenario.awaitShow(spoke.device(), "show ip eigrp neighbors",
          ShowIpEigrpNeighborsParser::parse, list -> list.stream().anyMatch(hubOnTunnel()));
      EigrpNeighbor hub = n.stream().filter(hubOnTunnel()).findFirst().orElseThrow();
      assertEquals(hub.asNumber(), Integer.valueOf(90), spoke.device() + ": EIGRP process of the hub neighbour");
    }
  }

  @Test(dependsOnMethods = "eachSpokeHasTheHubAsEigrpNeighbourOnTunnel0")
  public void eachSpokeLearnsTheOtherSpokesLanByEigrpThroughTheHub() throws ScenarioException {
    assertEigrpRoute(roles.initiator(), roles.responderLan().subnet().toString());
    assertEigrpRoute(roles.responder(), roles.initiatorLan().subnet().toString());
  }

  @Test
  public void hubRegistersBothSpokes() throws ScenarioException {
    List<NhrpEntry> entries = scenario.awaitShow(roles.hub().device(), "show ip nhrp", ShowIpNhrpParser::parse,
        list -> registered(list, roles.responder()).isPresent() && registered(list, roles.initiator()).isPresent());
    for (DmvpnMember spoke : List.of(roles.responder(), roles.initiator())) {
      NhrpEntry e = registered(entries, spoke).orElseThrow();
      assertEquals(e.type(), "dynamic", spoke.device() + "'s registration on the hub: " + e);
      assertEquals(e.prefixLength(), 32, e.toString());
      assertTrue(e.flags().contains("registered"), spoke.device() + ": " + e);
    }
  }

  /**
   * The document's ping: first through the hub (its 5/5) while sv9-4 resolves 2.2.2.2 and the spokes build their
   * own SA; the second ping (the document's ISAKMP debug section pings again) goes spoke to spoke.
   */
  @Test(dependsOnMethods = {"eachSpokeLearnsTheOtherSpokesLanByEigrpThroughTheHub", "hubRegistersBothSpokes"})
  public void pingFromSv94IsResolvedThroughTheHubOntoADirectIpsecSa() throws Exception {
    String sv94 = roles.initiator().device();
    String target = roles.responderLan().address().toString();
    assertTrue(scenario.device(sv94).show("show crypto isakmp sa", ShowCryptoIsakmpSaParser::parse).stream()
        .noneMatch(this::spokeToSpoke), "no spoke-to-spoke SA before the ping (else the ping proves nothing)");

    PingResult first = scenario.trigger(sv94, "ping " + target, PingParser::parse);
    assertEquals(first.sent(), 5, first.toString());
    assertEquals(first.received(), 5, "the document's first ping is 5/5 through the hub: " + first);

    List<IsakmpSa> sas = scenario.awaitShow(sv94, "show crypto isakmp sa", ShowCryptoIsakmpSaParser::parse,
        list -> list.stream().anyMatch(sa -> spokeToSpoke(sa) && sa.state().equals("QM_IDLE")));
    assertTrue(sas.stream().anyMatch(sa -> sa.dst().equals(roles.ip(roles.hub()))), "the SA with the hub stays");
    List<NhrpEntry> nhrp = scenario.awaitShow(sv94, "show ip nhrp", ShowIpNhrpParser::parse,
        list -> list.stream().anyMatch(e -> roles.ip(roles.responder()).equals(e.nbma())));
    NhrpEntry resolved = nhrp.stream().filter(e -> roles.ip(roles.responder()).equals(e.nbma())).findFirst()
        .orElseThrow();
    assertEquals(resolved.via(), roles.responder().tunnelAddress().toString(), "resolved via sv9-3: " + resolved);

    PingResult second = scenario.trigger(sv94, "ping " + target, PingParser::parse);
    assertEquals(second.received(), 5, "the second ping, spoke to spoke: " + second);
  }

  @Test(dependsOnMethods = "pingFromSv94IsResolvedThroughTheHubOntoADirectIpsecSa")
  public void eachSpokeSendsARegistrationRequestAndTheHubRepliesInsideEsp() throws ScenarioException {
    List<DecodedFrame> hubSide = capture(roles.hub());
    for (DmvpnMember spoke : List.of(roles.responder(), roles.initiator())) {
      assertTrue(hubSide.stream().anyMatch(f -> nhrp(f, spoke, roles.hub(), NhrpPacketType.REGISTRATION_REQUEST)
              && f.esp() != null && f.nhrp().mandatoryPart().srcProtoIpv4().toString()
              .equals(spoke.tunnelAddress().toString())),
          spoke.device() + "'s Registration Request (inside ESP) on the hub's segment");
      assertTrue(hubSide.stream().anyMatch(f -> nhrp(f, roles.hub(), spoke, NhrpPacketType.REGISTRATION_REPLY)
          && f.esp() != null), "the hub's Registration Reply to " + spoke.device());
    }
  }

  @Test(dependsOnMethods = "pingFromSv94IsResolvedThroughTheHubOntoADirectIpsecSa")
  public void theHubForwardsSv94sResolutionRequestToSv93() throws ScenarioException {
    List<DecodedFrame> hubSide = capture(roles.hub());
    String target = roles.responderLan().address().toString();
    DecodedFrame request = hubSide.stream()
        .filter(f -> nhrp(f, roles.initiator(), roles.hub(), NhrpPacketType.RESOLUTION_REQUEST)
            && f.nhrp().mandatoryPart().dstProtoIpv4().toString().equals(target))
        .findFirst().orElseThrow(() -> new AssertionError("sv9-4's Resolution Request for " + target));
    DecodedFrame forwarded = hubSide.stream()
        .filter(f -> nhrp(f, roles.hub(), roles.responder(), NhrpPacketType.RESOLUTION_REQUEST)
            && f.nhrp().mandatoryPart().requestId() == request.nhrp().mandatoryPart().requestId())
        .findFirst().orElseThrow(() -> new AssertionError("the hub's forwarding of request ID "
            + request.nhrp().mandatoryPart().requestId() + " to sv9-3"));
    assertTrue(forwarded.number() > request.number(), "forwarded after it arrived");
    assertEquals(forwarded.nhrp().mandatoryPart().srcNbmaIpv4().toString(), roles.ip(roles.initiator()),
        "the forwarded request still names sv9-4's NBMA address as its source");
    assertEquals(forwarded.nhrp().header().hopCount(), request.nhrp().header().hopCount() - 1,
        "the hub decrements the hop count");
  }

  @Test(dependsOnMethods = "pingFromSv94IsResolvedThroughTheHubOntoADirectIpsecSa")
  public void theSpokesRunMainModeAndQuickModeWithEachOther() throws ScenarioException {
    List<DecodedFrame> spokes = capture(roles.initiator());
    long mm = spokes.stream().filter(f -> isakmpBetweenSpokes(f, ExchangeType.MAIN_MODE)).count();
    long qm = spokes.stream().filter(f -> isakmpBetweenSpokes(f, ExchangeType.QUICK_MODE)).count();
    assertTrue(mm >= 6, "Main Mode 1-6 between the spokes, found " + mm + " messages");
    assertTrue(qm >= 3, "Quick Mode 1-3 between the spokes, found " + qm + " messages");
    int firstMm = first(spokes, f -> isakmpBetweenSpokes(f, ExchangeType.MAIN_MODE));
    int firstQm = first(spokes, f -> isakmpBetweenSpokes(f, ExchangeType.QUICK_MODE));
    assertTrue(firstMm < firstQm, "Main Mode before Quick Mode");
  }

  @Test(dependsOnMethods = "pingFromSv94IsResolvedThroughTheHubOntoADirectIpsecSa")
  public void espFlowsBothWaysBetweenTheSpokes() throws ScenarioException {
    List<DecodedFrame> spokes = capture(roles.initiator());
    for (boolean forward : List.of(true, false)) {
      DmvpnMember from = forward ? roles.initiator() : roles.responder();
      DmvpnMember to = forward ? roles.responder() : roles.initiator();
      assertTrue(spokes.stream().anyMatch(f -> between(f, from, to) && f.esp() != null),
          "ESP from " + from.device() + " to " + to.device());
    }
    if (wire.stream().anyMatch(DecodedCapture::decrypted)) {
      assertFalse(spokes.stream().anyMatch(f -> f.esp() != null && f.espDecryption() != null
          && f.espDecryption().startsWith("dropped")), "every ESP packet opens with the exported keys");
    }
  }

  /**
   * An outside decoder agrees: tshark, given the exported key files, finds the same NHRP packets (frame, type,
   * request ID, hop count) in the hub's segment as our decoder. Group {@code interop}: needs Debian's tshark
   * (fails, not skips, without it); {@code demo} does not run it.
   */
  @Test(groups = "interop", dependsOnMethods = "pingFromSv94IsResolvedThroughTheHubOntoADirectIpsecSa")
  public void tsharkFindsTheSameNhrpPacketsWithTheExportedKeys() throws Exception {
    List<DecodedFrame> hubSide = capture(roles.hub());
    DecodedCapture c = wire.stream().filter(w -> w.frames() == hubSide).findFirst().orElseThrow();
    if (!c.decrypted()) {
      throw new SkipException("this rack exported no keys: NHRP inside ESP cannot be opened");
    }
    List<String> ours = hubSide.stream().filter(f -> f.nhrp() != null)
        .map(f -> f.number() + " " + f.nhrp().type().value() + " " + f.nhrp().mandatoryPart().requestId() + " "
            + f.nhrp().header().hopCount())
        .toList();
    List<String> theirs = TsharkFields.nhrp(c.pcap(), scenario.runDir().resolve("keys"));
    assertTrue(ours.size() >= 4, "registrations and resolutions on the hub's segment: " + ours);
    assertEquals(theirs, ours, "tshark (left) and our decoder (right) on " + c.pcap());
  }

  // ---- helpers

  private void assertEigrpRoute(DmvpnMember spoke, String network) throws ScenarioException {
    RoutingTable t = scenario.awaitShow(spoke.device(), "show ip route", ShowIpRouteParser::parse,
        table -> eigrpRoute(table, network).isPresent());
    Route r = eigrpRoute(t, network).orElseThrow();
    assertEquals(r.distance(), Integer.valueOf(90), r.toString());
    assertEquals(r.nextHops().get(0).address(), roles.hub().tunnelAddress().toString(),
        spoke.device() + " reaches " + network + " through the hub (next-hop-self): " + r);
    assertTrue(r.nextHops().get(0).iface().startsWith("Tunnel"), r.toString());
  }

  private static Optional<Route> eigrpRoute(RoutingTable t, String network) {
    return t.routes().stream()
        .filter(r -> r.protocol().equals("D") && (r.network() + "/" + r.prefixLength()).equals(network)).findFirst();
  }

  private Predicate<EigrpNeighbor> hubOnTunnel() {
    return n -> n.address().equals(roles.hub().tunnelAddress().toString()) && n.iface().equals(TUNNEL_IF);
  }

  private static Optional<NhrpEntry> registered(List<NhrpEntry> entries, DmvpnMember spoke) {
    return entries.stream().filter(e -> e.network().equals(spoke.tunnelAddress().toString())
        && spoke.nbmaAddress().toString().equals(e.nbma())).findFirst();
  }

  private boolean spokeToSpoke(IsakmpSa sa) {
    List<String> pair = List.of(roles.ip(roles.initiator()), roles.ip(roles.responder()));
    return pair.contains(sa.dst()) && pair.contains(sa.src()) && !sa.dst().equals(sa.src());
  }

  /** The decoded capture of the segment where {@code member}'s public address lives (stops captures once). */
  private List<DecodedFrame> capture(DmvpnMember member) throws ScenarioException {
    if (wire == null) {
      wire = scenario.stopCaptures();
    }
    String point = scenario.rack().testbed().captures().values().stream()
        .filter(c -> scenario.rack().testbed().device(c.device())
            .map(d -> d.interfaces().get(c.interfaceName()))
            .flatMap(i -> i.ipv4()).map(a -> a.contains(member.nbmaAddress())).orElse(false))
        .map(c -> c.name()).findFirst()
        .orElseThrow(() -> new AssertionError("no capture point on " + member.device() + "'s segment"));
    return wire.stream().filter(c -> c.name().equals(point)).findFirst().orElseThrow().frames();
  }

  private boolean nhrp(DecodedFrame f, DmvpnMember from, DmvpnMember to, NhrpPacketType type) {
    if (!wire.get(0).decrypted() && f.esp() != null) {
      throw new SkipException("NHRP travels inside ESP and this rack's SA keys are unknown (a real router keeps"
          + " them): the NHRP frame checks need the virtual rack");
    }
    return between(f, from, to) && f.nhrp() != null && f.nhrp().type().equals(type);
  }

  private boolean isakmpBetweenSpokes(DecodedFrame f, ExchangeType type) {
    return (between(f, roles.initiator(), roles.responder()) || between(f, roles.responder(), roles.initiator()))
        && f.isakmp() != null && f.isakmp().header().exchangeType().equals(type);
  }

  private static boolean between(DecodedFrame f, DmvpnMember from, DmvpnMember to) {
    return f.ipv4() != null && f.ipv4().source().toString().equals(from.nbmaAddress().toString())
        && f.ipv4().destination().toString().equals(to.nbmaAddress().toString());
  }

  private static int first(List<DecodedFrame> frames, Predicate<DecodedFrame> p) {
    for (int i = 0; i < frames.size(); i++) {
      if (p.test(frames.get(i))) {
        return i;
      }
    }
    return -1;
  }
}
