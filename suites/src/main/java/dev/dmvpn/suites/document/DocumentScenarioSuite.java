package dev.dmvpn.suites.document;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

import dev.dmvpn.drivers.ios.DebugCaptureResult;
import dev.dmvpn.drivers.parse.EigrpNeighbor;
import dev.dmvpn.drivers.parse.IpsecFlow;
import dev.dmvpn.drivers.parse.IpsecInterface;
import dev.dmvpn.drivers.parse.IpsecSpi;
import dev.dmvpn.drivers.parse.IsakmpSa;
import dev.dmvpn.drivers.parse.NhrpEntry;
import dev.dmvpn.drivers.parse.PingParser;
import dev.dmvpn.drivers.parse.PingResult;
import dev.dmvpn.drivers.parse.Route;
import dev.dmvpn.drivers.parse.RoutingTable;
import dev.dmvpn.drivers.parse.ShowCryptoIpsecSaParser;
import dev.dmvpn.drivers.parse.ShowCryptoIsakmpSaParser;
import dev.dmvpn.drivers.parse.ShowIpEigrpNeighborsParser;
import dev.dmvpn.drivers.parse.ShowIpNhrpParser;
import dev.dmvpn.drivers.parse.ShowIpRouteParser;
import dev.dmvpn.harness.correlate.Correlation;
import dev.dmvpn.harness.correlate.Correlator;
import dev.dmvpn.harness.correlate.DebugRules;
import dev.dmvpn.harness.correlate.DeviceDebug;
import dev.dmvpn.harness.correlate.PairedLine;
import dev.dmvpn.harness.correlate.WireFrame;
import dev.dmvpn.harness.scenario.DecodedCapture;
import dev.dmvpn.harness.scenario.Scenario;
import dev.dmvpn.harness.scenario.ScenarioException;
import dev.dmvpn.harness.scenario.ScenarioSettings;
import dev.dmvpn.harness.scenario.suite.SuiteParameters;
import dev.dmvpn.harness.sequence.MismatchReport;
import dev.dmvpn.harness.sequence.SequenceChecker;
import dev.dmvpn.harness.sequence.SequenceDiagram;
import dev.dmvpn.harness.sequence.SequenceLoader;
import dev.dmvpn.harness.sequence.SequenceResult;
import dev.dmvpn.ref.capture.DecodedFrame;
import dev.dmvpn.reports.Reports;
import dev.dmvpn.reports.TestReport;
import dev.dmvpn.topology.DmvpnMember;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * while NHRP resolves sv9-3 and the spokes build a direct IPsec SA, then the wire checked against the harness's
 * shipped expected sequences (addresses from the testbed; diagram and mismatch report attached to the report) and
 * the routers' {@code debug nhrp} / {@code debug crypto isakmp} / {@code debug crypto ipsec} lines correlated with
 * the frames. Device state is awaited on parsed {@code show} outputs (Awaitility), never slept for.
 */
@Test(groups = "virtual-rack")
public class DocumentScenarioSuite {
  private static final String TUNNEL_IF = "Tu0";
  /** The document's debugs (its "NHRP Debugs" and "ISAKMP and IPsec Negotiation Debugs"), on every router. */
  static final List<String> DEBUGS = List.of("debug nhrp", "debug crypto isakmp", "debug crypto ipsec");

  private ScenarioSettings settings;
  private Scenario scenario;
  private DocumentRoles roles;
  private List<DecodedCapture> wire;
  private Map<String, DebugCaptureResult> debugEvents;
  private ScenarioException debugFailure;
  private Correlation correlation;
  /** sv9-4's flows with sv9-3 in {@code show crypto ipsec sa}, read right after the spoke-to-spoke ping. */
  private List<IpsecFlow> spiShown = List.of();

  @BeforeClass(alwaysRun = true)
  public void bringUpTheDocumentsRack(ITestContext ctx) throws ScenarioException {
    settings = SuiteParameters.settings(ctx, "document");
    scenario = Scenario.start(settings, SuiteParameters.listeners(ctx));
    roles = DocumentRoles.of(scenario.rack().testbed());
    // bringUp's phases, with the debugs started before the push so the registrations are in them
    scenario.connect();
    scenario.checkKnownState();
    scenario.startDebugs(DEBUGS);
    scenario.startCaptures();
    scenario.pushConfigs();
    scenario.verifyRunningConfigs();
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
    List<IpsecInterface> sa = scenario.device(sv94).show(ShowCryptoIpsecSaParser.COMMAND,
        ShowCryptoIpsecSaParser::parse);
    spiShown = sa.stream().flatMap(i -> i.flows().stream())
        .filter(f -> roles.ip(roles.responder()).equals(f.peer())).toList();
    assertEquals(second.received(), 5, "the second ping, spoke to spoke: " + second);
  }

  @Test(dependsOnMethods = "pingFromSv94IsResolvedThroughTheHubOntoADirectIpsecSa")
  public void eachSpokeSendsARegistrationRequestAndTheHubRepliesInsideEsp() throws Exception {
    requireNhrpVisible();
    expect("registration.yaml", capture(roles.hub()), Map.of("hub", roles.ip(roles.hub()),
        "hub_tunnel", roles.hub().tunnelAddress().toString(),
        "spokes", roles.ip(roles.responder()) + "," + roles.ip(roles.initiator())));
  }

  /**
   * sv9-4's request as the responder's side sees it: forwarded by the hub (hop count 254, the hub in the Forward
   * Transit record), then sv9-3's reply to the same request ID.
   */
  @Test(dependsOnMethods = "pingFromSv94IsResolvedThroughTheHubOntoADirectIpsecSa")
  public void theHubForwardsSv94sResolutionRequestToSv93() throws Exception {
    requireNhrpVisible();
    expect("resolution-via-hub.yaml", capture(roles.responder()), Map.of("hub", roles.ip(roles.hub()),
        "hub_tunnel", roles.hub().tunnelAddress().toString(), "requester", roles.ip(roles.initiator()),
        "requester_tunnel", roles.initiator().tunnelAddress().toString(), "responder", roles.ip(roles.responder()),
        "target", roles.responderLan().address().toString()));
  }

  /** sv9-3 initiates: it must reach sv9-4 to answer sv9-4's resolution (the document's ISAKMP debug). */
  @Test(dependsOnMethods = "pingFromSv94IsResolvedThroughTheHubOntoADirectIpsecSa")
  public void theSpokesRunMainModeAndQuickModeWithEachOther() throws Exception {
    expect("isakmp-main-quick.yaml", capture(roles.initiator()), Map.of("initiator", roles.ip(roles.responder()),
        "responder", roles.ip(roles.initiator())));
  }

  /** The SPIs are those {@code show crypto ipsec sa} printed on sv9-4 right after the spoke-to-spoke ping. */
  @Test(dependsOnMethods = "pingFromSv94IsResolvedThroughTheHubOntoADirectIpsecSa")
  public void espFlowsBothWaysBetweenTheSpokes() throws Exception {
    List<DecodedFrame> spokes = capture(roles.initiator());
    assertFalse(spiShown.isEmpty(), "show crypto ipsec sa on sv9-4 lists no SA with " + roles.ip(roles.responder()));
    IpsecFlow flow = spiShown.get(0);
    List<IpsecSpi> outbound = flow.outbound().stream().filter(sa -> sa.protocol().equals("esp")).toList();
    List<IpsecSpi> inbound = flow.inbound().stream().filter(sa -> sa.protocol().equals("esp")).toList();
    assertFalse(outbound.isEmpty() || inbound.isEmpty(), "sv9-4's SAs with sv9-3: " + flow);
    long out = flow.currentOutboundSpi() != 0 ? flow.currentOutboundSpi() : outbound.get(outbound.size() - 1).spi();
    // several inbound SAs are listed while a rekeyed pair overlaps the old one: the check passes with any of them
    AssertionError last = null;
    for (IpsecSpi in : inbound) {
      try {
        expect("esp-both-ways.yaml", spokes, Map.of("peer_a", roles.ip(roles.initiator()),
            "peer_b", roles.ip(roles.responder()), "spi_a_to_b", spi(out), "spi_b_to_a", spi(in.spi())));
        last = null;
        break;
      } catch (AssertionError e) {
        last = e;
      }
    }
    if (last != null) {
      throw last;
    }
    if (wire.stream().anyMatch(DecodedCapture::decrypted)) {
      assertFalse(spokes.stream().anyMatch(f -> f.esp() != null && f.espDecryption() != null
          && f.espDecryption().startsWith("dropped")), "every ESP packet opens with the exported keys");
    }
  }

  /**
   * The routers' debugs next to the wire: every {@code NHRP: Send ...} line of each spoke about a packet that
   * reached the wire pairs with its frame (sv9-4's resolution requests all do); the only sends allowed to stay
   * unpaired are registration requests that found no IPsec SA yet (IOS drops the packet that starts IKE). The
   * table is attached to the report.
   */
  @Test(dependsOnMethods = "pingFromSv94IsResolvedThroughTheHubOntoADirectIpsecSa")
  public void theSpokesNhrpSendLinesPairWithFramesOnTheCapture() throws Exception {
    requireNhrpVisible();
    Correlation c = correlation();
    for (DmvpnMember spoke : List.of(roles.responder(), roles.initiator())) {
      List<PairedLine> sends = c.saying(spoke.device(), "Send ").stream()
          .filter(l -> l.rule().filter("nhrp-send"::equals).isPresent()).toList();
      assertFalse(sends.isEmpty(), spoke.device() + " printed no NHRP send line:\n" + c.summary());
      assertTrue(sends.stream().anyMatch(l -> l.paired() && l.event().message().contains("Registration Request")),
          spoke.device() + ": no Registration Request line paired with a frame\n" + c.table());
      List<PairedLine> wrong = sends.stream().filter(l -> !l.paired()
          && !l.event().message().contains("Registration Request")).toList();
      assertTrue(wrong.isEmpty(), spoke.device() + ": NHRP sends without their frame: " + wrong.stream()
          .map(PairedLine::text).toList() + "\n" + c.table());
    }
    List<PairedLine> resolution = c.saying(roles.initiator().device(), "Send Resolution Request");
    assertFalse(resolution.isEmpty(), "sv9-4 printed no 'NHRP: Send Resolution Request'");
    assertTrue(resolution.stream().allMatch(PairedLine::paired), c.table());
    assertTrue(resolution.stream().allMatch(l -> l.frame().orElseThrow().view().get("nhrp.op")
        .equals("resolution-request")), "paired with a resolution request: " + resolution);
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

  /** Checks a shipped expected sequence; the diagram is attached, and the mismatch report on failure. */
  private void expect(String file, List<DecodedFrame> frames, Map<String, String> vars) throws Exception {
    SequenceResult r = SequenceChecker.check(frames, SequenceLoader.shipped(file), vars);
    String name = file.replace(".yaml", "");
    TestReport report = Reports.current();
    report.attach(name + " sequence diagram", "image/svg+xml", name + ".svg",
        SequenceDiagram.svg(r).getBytes(StandardCharsets.UTF_8));
    if (!r.matched()) {
      String text = MismatchReport.text(r);
      report.attachText(name + " mismatch report", text);
      throw new AssertionError(file + " does not match the capture:\n" + text);
    }
  }

  private static String spi(long spi) {
    return String.format("0x%08x", spi);
  }

  /** NHRP travels inside ESP: without the rack's SA keys (a real router keeps them) it cannot be seen. */
  private void requireNhrpVisible() throws ScenarioException {
    capture(roles.hub());
    if (!wire.get(0).decrypted()) {
      throw new SkipException("NHRP travels inside ESP and this rack's SA keys are unknown (a real router keeps"
          + " them): the NHRP frame checks need the virtual rack");
    }
  }

  /**
   * The default window, and a lag of 100 ms of real time in router time: on the virtual rack one scheduler thread
   * prints the debugs and moves the packets at x{@code timeScale}, so a burst of debug output delays the frames
   * by a scaled stall (seen: a registration request on the wire 0.9 router-seconds after its line at x10 on the
   * shared 2-core machine); a real rack (scale 1) keeps the defaults.
   */
  private Correlator correlator() {
    double scale = scenario.rack() instanceof dev.dmvpn.harness.scenario.rack.VirtualRack
        ? settings.timeScale() : 1;
    Duration lag = Duration.ofMillis(Math.max(Correlator.DEFAULT_LAG.toMillis(), (long) (100 * scale)));
    return new Correlator(DebugRules.ios123(), Correlator.DEFAULT_WINDOW, lag);
  }

  /** The debug lines of the three routers next to the frames of each one's segment (computed once). */
  private Correlation correlation() throws ScenarioException, java.io.IOException {
    if (correlation == null) {
      capture(roles.hub());
      if (debugFailure != null) {
        throw debugFailure;
      }
      List<DeviceDebug> devices = new ArrayList<>();
      Map<String, List<WireFrame>> frames = new LinkedHashMap<>();
      for (DmvpnMember m : List.of(roles.hub(), roles.responder(), roles.initiator())) {
        devices.add(new DeviceDebug(m.device(), Set.of(roles.ip(m)), debugEvents.get(m.device()).events()));
        frames.put(m.device(), WireFrame.of(capturePoint(m), capture(m)));
      }
      correlation = correlator().correlate(devices, frames);
      Reports.current().attachText("debug lines and frames", correlation.table());
      Files.writeString(scenario.runDir().resolve("correlation.txt"), correlation.table(),
          StandardCharsets.UTF_8);
    }
    return correlation;
  }

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
      try {
        debugEvents = scenario.stopDebugs(Duration.ofMillis(500));
      } catch (ScenarioException e) {
        debugFailure = e; // only the correlation needs the debugs: the frame checks go on
      }
      wire = scenario.stopCaptures();
    }
    String point = capturePoint(member);
    return wire.stream().filter(c -> c.name().equals(point)).findFirst().orElseThrow().frames();
  }

  private String capturePoint(DmvpnMember member) {
    return scenario.rack().testbed().captures().values().stream()
        .filter(c -> scenario.rack().testbed().device(c.device())
            .map(d -> d.interfaces().get(c.interfaceName()))
            .flatMap(i -> i.ipv4()).map(a -> a.contains(member.nbmaAddress())).orElse(false))
        .map(c -> c.name()).findFirst()
        .orElseThrow(() -> new AssertionError("no capture point on " + member.device() + "'s segment"));
  }
}
