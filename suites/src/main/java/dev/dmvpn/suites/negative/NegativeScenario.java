package dev.dmvpn.suites.negative;

import dev.dmvpn.drivers.channel.SecretMasker;
import dev.dmvpn.drivers.ios.DebugCapture;
import dev.dmvpn.drivers.ios.DebugCaptureResult;
import dev.dmvpn.drivers.parse.DebugEvent;
import dev.dmvpn.drivers.parse.IpsecFlow;
import dev.dmvpn.drivers.parse.IpsecInterface;
import dev.dmvpn.drivers.parse.IsakmpSa;
import dev.dmvpn.drivers.parse.NhrpEntry;
import dev.dmvpn.drivers.parse.PingParser;
import dev.dmvpn.drivers.parse.PingResult;
import dev.dmvpn.drivers.parse.ShowCryptoIpsecSaParser;
import dev.dmvpn.drivers.parse.ShowCryptoIsakmpSaParser;
import dev.dmvpn.drivers.parse.ShowIpNhrpParser;
import dev.dmvpn.harness.scenario.ConfigEdit;
import dev.dmvpn.harness.scenario.DecodedCapture;
import dev.dmvpn.harness.scenario.Scenario;
import dev.dmvpn.harness.scenario.ScenarioException;
import dev.dmvpn.harness.scenario.ScenarioSettings;
import dev.dmvpn.harness.scenario.suite.SuiteParameters;
import dev.dmvpn.ref.capture.DecodedFrame;
import dev.dmvpn.topology.DmvpnMember;
import dev.dmvpn.topology.ShippedTestbeds;
import dev.dmvpn.topology.Testbed;
import dev.dmvpn.topology.load.LoadResult;
import dev.dmvpn.topology.load.TestbedLoader;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.testng.ITestContext;
import org.testng.SkipException;
import org.testng.annotations.AfterClass;
import org.testng.annotations.BeforeClass;

/**
 * The document's scenario with one line of the changed spoke's (sv9-4's) configuration different, as the
 * engine's negative tests run it ("How the node fails, case by case" in ARCHITECTURE.md): one rack bring-up per
 * class, the generated configurations pushed through the drivers with the case's {@link ConfigEdit}, then the
 * subclass's checks on parsed {@code show} output and on the decoded capture of the hub's segment.
 *
 * <p>Suite parameter (or system property) {@value #WITHOUT_CHANGE}{@code =true} runs the case without its
 * change, i.e. the document's configurations: the evidence that each negative suite can fail (it must, then).
 */
public abstract class NegativeScenario {
  /** Run the case without its configuration change (the flip-back control). */
  public static final String WITHOUT_CHANGE = "dmvpn.negative.withoutChange";

  protected Scenario scenario;
  protected NegativeCast cast;
  /** Router time on the changed spoke right after the configurations were pushed: when its attempts start. */
  protected LocalDateTime pushedAt;
  private ScenarioSettings settings;
  private final Map<String, DebugCapture> debugs = new LinkedHashMap<>();
  private List<DecodedCapture> wire;

  /** The run directory's name and the name {@code run --suite} takes. */
  protected abstract String caseName();

  /** The one line that differs on {@code cast.changed()}'s configuration. */
  protected abstract ConfigEdit change(NegativeCast cast) throws ScenarioException;

  @BeforeClass(alwaysRun = true)
  public void bringUpWithOneLineChanged(ITestContext ctx) throws ScenarioException {
    ScenarioSettings s = SuiteParameters.settings(ctx, caseName());
    cast = NegativeCast.of(testbed(s));
    if (!withoutChange(ctx)) {
      s = s.withConfigEdit(change(cast));
    }
    settings = s;
    scenario = Scenario.start(s, SuiteParameters.listeners(ctx));
    // Scenario.bringUp's phases, with the case's debugs started before the push
    scenario.connect();
    scenario.checkKnownState();
    startDebugs();
    scenario.startCaptures();
    scenario.pushConfigs();
    scenario.verifyRunningConfigs();
    pushedAt = clock(cast.changed());
  }

  @AfterClass(alwaysRun = true)
  public void tearDown() throws Exception {
    try {
      stopDebugs();
    } finally {
      if (scenario != null) {
        scenario.close();
      }
    }
  }

  // ---- debugs

  /** The {@code debug ...} commands to run on {@code m} from before the push (none by default). */
  protected List<String> debugsOn(DmvpnMember m) {
    return List.of();
  }

  private void startDebugs() throws ScenarioException {
    for (DmvpnMember m : cast.dmvpn().members()) {
      List<String> d = debugsOn(m);
      if (!d.isEmpty()) {
        try {
          debugs.put(m.device(), DebugCapture.start(scenario.device(m.device()).session(), d, true));
        } catch (java.io.IOException e) {
          throw new ScenarioException(m.device() + ": " + d + ": " + e.getMessage(), e);
        }
      }
    }
  }

  /** {@code m}'s debug messages collected so far (lines arrive while commands run on its session). */
  protected List<String> debugMessages(DmvpnMember m) {
    DebugCapture c = debugs.get(m.device());
    if (c == null) {
      throw new IllegalStateException("no debugs on " + m.device());
    }
    return c.events().stream().map(DebugEvent::message).toList();
  }

  /** Stops the debugs and writes each device's lines to {@code debugs/<device>.log} in the run directory (masked). */
  private void stopDebugs() throws java.io.IOException {
    if (debugs.isEmpty()) {
      return;
    }
    java.nio.file.Path dir = java.nio.file.Files.createDirectories(scenario.runDir().resolve("debugs"));
    for (var e : debugs.entrySet()) {
      DebugCaptureResult r = e.getValue().stop();
      StringBuilder b = new StringBuilder();
      r.events().forEach(ev -> b.append(SecretMasker.mask(ev.message())).append('\n'));
      java.nio.file.Files.writeString(dir.resolve(e.getKey() + ".log"), b.toString());
    }
    debugs.clear();
  }

  private static boolean withoutChange(ITestContext ctx) {
    String p = ctx.getSuite().getXmlSuite().getAllParameters().get(WITHOUT_CHANGE);
    return Boolean.parseBoolean(p != null ? p : System.getProperty(WITHOUT_CHANGE, "false"));
  }

  private static Testbed testbed(ScenarioSettings s) throws ScenarioException {
    if (s.testbedFile().isEmpty()) {
      return ShippedTestbeds.documentRack();
    }
    LoadResult r = TestbedLoader.loadAndValidate(s.testbedFile().get());
    if (!r.ok()) {
      throw new ScenarioException("testbed " + s.testbedFile().get() + " has problems:\n" + r.report());
    }
    return r.testbed().orElseThrow();
  }

  // ---- time

  /**
   * Real time to allow for {@code routerTime} to pass on the rack (scaled on a virtual rack), with room for a
   * loaded machine; never less than the settings' await timeout.
   */
  protected Duration realTimeFor(Duration routerTime) {
    double scale = settings.rack() == ScenarioSettings.RackKind.VIRTUAL ? settings.timeScale() : 1;
    Duration real = Duration.ofMillis((long) (routerTime.toMillis() / scale) * 3).plusSeconds(30);
    return real.compareTo(settings.awaitTimeout()) > 0 ? real : settings.awaitTimeout();
  }

  protected LocalDateTime clock(DmvpnMember m) throws ScenarioException {
    try {
      return scenario.device(m.device()).show("show clock", RouterClock::parse);
    } catch (java.io.IOException e) {
      throw new ScenarioException(m.device() + ": show clock: " + e.getMessage(), e);
    }
  }

  /** The end point "{@code m}'s clock is {@code span} past the push". */
  protected Observation.EndPoint clockPast(DmvpnMember m, Duration span) {
    return () -> !clock(m).isBefore(pushedAt.plus(span));
  }

  /** The end point "{@code m} has sent at least {@code n} registration packets" ({@code show ip nhrp traffic}). */
  protected Observation.EndPoint registrationsSent(DmvpnMember m, long n) {
    return () -> nhrpTraffic(m).registerSent() >= n;
  }

  protected NhrpTraffic nhrpTraffic(DmvpnMember m) throws java.io.IOException {
    return scenario.device(m.device()).show("show ip nhrp traffic", NhrpTraffic::parse);
  }

  // ---- parsed state

  protected List<NhrpEntry> nhrp(DmvpnMember m) throws java.io.IOException {
    return scenario.device(m.device()).show("show ip nhrp", ShowIpNhrpParser::parse);
  }

  /** {@code owner}'s NHRP entry for {@code spoke}'s tunnel address, if it has one. */
  protected Optional<NhrpEntry> entryFor(DmvpnMember owner, DmvpnMember spoke) throws java.io.IOException {
    return nhrp(owner).stream().filter(e -> e.network().equals(NegativeCast.tunnel(spoke))).findFirst();
  }

  /** Forbidden: the hub holds an NHRP entry for the changed spoke (its registration was accepted). */
  protected Observation.Probe hubNeverRegistersTheChangedSpoke() {
    return () -> entryFor(cast.hub(), cast.changed())
        .map(e -> cast.hub().device() + " registered " + cast.changed().device() + ": " + e);
  }

  /** Waits until the hub has registered the control spoke: the rack works, the failure is the changed line's. */
  protected NhrpEntry awaitControlRegistered() throws ScenarioException {
    String tunnel = NegativeCast.tunnel(cast.control());
    String nbma = NegativeCast.nbma(cast.control());
    return scenario.awaitShow(cast.hub().device(), "show ip nhrp", ShowIpNhrpParser::parse,
        l -> l.stream().anyMatch(e -> e.network().equals(tunnel) && nbma.equals(e.nbma())))
        .stream().filter(e -> e.network().equals(tunnel)).findFirst().orElseThrow();
  }

  protected List<IsakmpSa> isakmp(DmvpnMember m) throws java.io.IOException {
    return scenario.device(m.device()).show("show crypto isakmp sa", ShowCryptoIsakmpSaParser::parse);
  }

  /** {@code m}'s ISAKMP SAs with {@code peer}, either direction. */
  protected List<IsakmpSa> isakmpWith(DmvpnMember m, DmvpnMember peer) throws java.io.IOException {
    String a = NegativeCast.nbma(m);
    String b = NegativeCast.nbma(peer);
    return isakmp(m).stream().filter(sa -> sa.dst().equals(a) && sa.src().equals(b)
        || sa.dst().equals(b) && sa.src().equals(a)).toList();
  }

  /** Waits until {@code m} lists an ISAKMP SA with {@code peer} in {@code state}. */
  protected IsakmpSa awaitIsakmpState(DmvpnMember m, DmvpnMember peer, String state) throws ScenarioException {
    String a = NegativeCast.nbma(m);
    String b = NegativeCast.nbma(peer);
    return scenario.awaitShow(m.device(), "show crypto isakmp sa", ShowCryptoIsakmpSaParser::parse,
        l -> l.stream().anyMatch(sa -> pair(sa, a, b) && sa.state().equals(state)))
        .stream().filter(sa -> pair(sa, a, b) && sa.state().equals(state)).findFirst().orElseThrow();
  }

  private static boolean pair(IsakmpSa sa, String a, String b) {
    return sa.dst().equals(a) && sa.src().equals(b) || sa.dst().equals(b) && sa.src().equals(a);
  }

  /** Forbidden: {@code m} has an established ISAKMP SA with {@code peer} ({@code QM_IDLE}). */
  protected Observation.Probe neverQmIdle(DmvpnMember m, DmvpnMember peer) {
    return () -> isakmpWith(m, peer).stream().filter(sa -> sa.state().equals("QM_IDLE")).findFirst()
        .map(sa -> m.device() + " has an established ISAKMP SA with " + peer.device() + ": " + sa);
  }

  /**
   * Not a forbidden state but a record: every {@code show crypto isakmp sa} state {@code m} prints for its SA
   * with {@code peer} during an observation goes into {@code seen} (in first-seen order).
   */
  protected Observation.Probe recordIsakmpStates(DmvpnMember m, DmvpnMember peer, java.util.Set<String> seen) {
    return () -> {
      isakmpWith(m, peer).forEach(sa -> seen.add(sa.state()));
      return Optional.empty();
    };
  }

  /** {@code m}'s {@code show crypto ipsec sa} flows whose current peer is {@code peer}. */
  protected List<IpsecFlow> ipsecFlows(DmvpnMember m, DmvpnMember peer) throws java.io.IOException {
    String p = NegativeCast.nbma(peer);
    return scenario.device(m.device()).show("show crypto ipsec sa", ShowCryptoIpsecSaParser::parse).stream()
        .map(IpsecInterface::flows).flatMap(List::stream).filter(f -> p.equals(f.peer())).toList();
  }

  /**
   * Whether {@code m} holds an IPsec SA with {@code peer}: a flow with SAs listed or a current outbound SPI. IOS
   * may list a tunnel-protection flow for a peer with empty SA lists and SPI 0; that is no SA.
   */
  protected boolean hasIpsecSa(DmvpnMember m, DmvpnMember peer) throws java.io.IOException {
    return ipsecFlows(m, peer).stream().anyMatch(f -> !f.sas().isEmpty() || f.currentOutboundSpi() != 0);
  }

  /** Forbidden: {@code m} has an IPsec SA with {@code peer}. */
  protected Observation.Probe neverIpsecSa(DmvpnMember m, DmvpnMember peer) {
    return () -> hasIpsecSa(m, peer) ? Optional.of(m.device() + " has IPsec SAs with " + peer.device() + ": "
        + ipsecFlows(m, peer)) : Optional.empty();
  }

  /** {@code ping <hub's tunnel address>} on {@code m} (five echoes, IOS defaults). */
  protected PingResult pingHubFrom(DmvpnMember m) throws ScenarioException {
    return scenario.trigger(m.device(), "ping " + NegativeCast.tunnel(cast.hub()), PingParser::parse);
  }

  // ---- wire

  /** The decoded capture of the hub's segment (stops the captures the first time). */
  protected DecodedCapture hubSide() throws ScenarioException {
    if (wire == null) {
      wire = scenario.stopCaptures();
    }
    var tb = scenario.rack().testbed();
    String point = tb.captures().values().stream()
        .filter(c -> tb.device(c.device()).map(d -> d.interfaces().get(c.interfaceName()))
            .flatMap(i -> i.ipv4()).map(a -> a.contains(cast.hub().nbmaAddress())).orElse(false))
        .map(c -> c.name()).findFirst()
        .orElseThrow(() -> new SkipException("no capture point on " + cast.hub().device() + "'s segment"));
    return wire.stream().filter(c -> c.name().equals(point)).findFirst().orElseThrow();
  }

  /** The hub segment's frames, for checks that need inside ESP or encrypted ISAKMP: skipped without keys. */
  protected List<DecodedFrame> hubSideOpened() throws ScenarioException {
    DecodedCapture c = hubSide();
    if (!c.decrypted()) {
      throw new SkipException("this rack exported no keys (a real router keeps them): what travels inside ESP"
          + " and encrypted ISAKMP cannot be opened");
    }
    return c.frames();
  }

  static boolean from(DecodedFrame f, DmvpnMember src, DmvpnMember dst) {
    return f.ipv4() != null && f.ipv4().source().equals(src.nbmaAddress())
        && f.ipv4().destination().equals(dst.nbmaAddress());
  }

  static boolean between(DecodedFrame f, DmvpnMember a, DmvpnMember b) {
    return from(f, a, b) || from(f, b, a);
  }
}
