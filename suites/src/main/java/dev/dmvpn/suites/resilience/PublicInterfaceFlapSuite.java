package dev.dmvpn.suites.resilience;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

import dev.dmvpn.drivers.ios.CommandFailedException;
import dev.dmvpn.drivers.ios.ConfigureResult;
import dev.dmvpn.drivers.ios.PingOutcome;
import dev.dmvpn.drivers.parse.ParseException;
import dev.dmvpn.drivers.parse.ShowCryptoIsakmpSaParser;
import dev.dmvpn.harness.scenario.ConfigEdit;
import dev.dmvpn.harness.scenario.Scenario;
import dev.dmvpn.harness.scenario.ScenarioException;
import dev.dmvpn.harness.scenario.ScenarioSettings;
import dev.dmvpn.harness.scenario.suite.SuiteParameters;
import dev.dmvpn.ref.capture.DecodedFrame;
import dev.dmvpn.ref.nhrp.NhrpPacketType;
import dev.dmvpn.suites.common.Cast;
import dev.dmvpn.suites.common.Converge;
import dev.dmvpn.suites.common.RackClock;
import dev.dmvpn.suites.common.MemberEdits;
import dev.dmvpn.suites.common.Wire;
import dev.dmvpn.suites.timers.ShortHoldtime;
import dev.dmvpn.topology.DmvpnMember;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.testng.ITestContext;
import org.testng.annotations.AfterClass;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

/**
 * A spoke's public interface flaps: with the spokes registered and a spoke-to-spoke SA up, sv9-4's tunnel source
 * ({@code FastEthernet0/0} in the document) is shut down and brought back through the driver's configuration
 * mode. While it is down sv9-4 reaches nothing over the tunnel; after {@code no shutdown} its tunnel to the hub
 * comes back (ISAKMP QM_IDLE with the hub), it registers again (a Registration Request after the flap, answered),
 * EIGRP comes back and the spoke-to-spoke ping works again. The emulated router takes a shut tunnel source as a
 * node off the wire that comes back with fresh IKE state; a real 12.3 router may keep its SAs across the flap, so
 * the checks are on outcomes (registered, QM_IDLE, pings), not on a new Main Mode. sv9-3 keeps its shortcut and
 * SAs with the sv9-4 from before the flap, which no longer answers on them: with the document's timers (7200 s
 * holdtime, 86400 s phase 1) the ping after the flap stayed at 0/5 for the whole wait. Every member gets {@code ip
 * nhrp holdtime 60} ({@link ShortHoldtime}) and {@code lifetime 60} in its ISAKMP policy, configuration edits a lab
 * takes too, so the stale state ages out within a CI run.
 */
@Test(groups = "virtual-rack")
public class PublicInterfaceFlapSuite {
  private Scenario scenario;
  private Cast cast;
  private Converge converge;
  private RackClock clock;
  private long upAgainNanos;

  @BeforeClass(alwaysRun = true)
  public void bringUpTheDocumentsRack(ITestContext ctx) throws ScenarioException {
    ScenarioSettings settings = SuiteParameters.settings(ctx, "resilience-interface-flap");
    settings = MemberEdits.forEveryMember(settings, device -> ConfigEdit.of(device, "^crypto isakmp policy \\d+$",
        "$0\n lifetime 60"));
    settings = ShortHoldtime.apply(settings);
    clock = RackClock.of(settings);
    scenario = Scenario.start(settings, SuiteParameters.listeners(ctx));
    cast = Cast.of(scenario.rack().testbed());
    converge = new Converge(scenario, cast);
    scenario.bringUp();
  }

  @AfterClass(alwaysRun = true)
  public void tearDown() throws ScenarioException {
    if (scenario != null) {
      scenario.close();
    }
  }

  @Test
  public void beforeTheFlapSv94ReachesSv93SpokeToSpoke() throws Exception {
    converge.hubRegistersBothSpokes(clock.limit(Duration.ofSeconds(60)));
    converge.eigrpThroughTheHub(clock.limit(Duration.ofSeconds(240)));
    PingOutcome p = converge.pingUntilSpokeToSpoke(clock.limit(Duration.ofSeconds(60)));
    assertEquals(p.result().received(), p.result().sent(), p.result().toString());
  }

  /** {@code shutdown} on the tunnel source: the ping to sv9-3's LAN fails (no echo, or no route at all). */
  @Test(dependsOnMethods = "beforeTheFlapSv94ReachesSv93SpokeToSpoke")
  public void withItsPublicInterfaceShutSv94ReachesNothingOverTheTunnel() throws Exception {
    configureSource("shutdown");
    int received;
    try {
      received = converge.ping().result().received();
    } catch (CommandFailedException | ParseException e) {
      // no route at all ("% Unrecognized host or address, or protocol not running."): the answer must say so
      assertTrue(e.getMessage().contains("Unrecognized host"), "ping refused for another reason: " + e.getMessage());
      received = 0;
    }
    assertEquals(received, 0, "no echo with the tunnel source shut down");
  }

  @Test(dependsOnMethods = "withItsPublicInterfaceShutSv94ReachesNothingOverTheTunnel")
  public void afterNoShutdownTheTunnelToTheHubAndTheRegistrationComeBack() throws Exception {
    upAgainNanos = Wire.nowNanos(scenario);
    configureSource("no shutdown");
    DmvpnMember sv94 = cast.initiator();
    scenario.awaitShow(sv94.device(), "show crypto isakmp sa", ShowCryptoIsakmpSaParser::parse,
        list -> list.stream().anyMatch(sa -> converge.withHub(sa, sv94) && sa.state().equals("QM_IDLE")),
        clock.limit(Duration.ofSeconds(60)));
    converge.hubRegistersBothSpokes(clock.limit(Duration.ofSeconds(60)));
    converge.eigrpThroughTheHub(clock.limit(Duration.ofSeconds(240)));
  }

  @Test(dependsOnMethods = "afterNoShutdownTheTunnelToTheHubAndTheRegistrationComeBack")
  public void spokeToSpokeWorksAgain() throws Exception {
    PingOutcome p = converge.pingUntilSpokeToSpoke(clock.limit(Duration.ofSeconds(60)));
    assertEquals(p.result().received(), p.result().sent(), "spoke to spoke after the flap: " + p.result());
  }

  /** On the hub's segment: sv9-4's Registration Request after {@code no shutdown}, and the hub's reply to it. */
  @Test(dependsOnMethods = "afterNoShutdownTheTunnelToTheHubAndTheRegistrationComeBack")
  public void theWireShowsSv94RegisteringAgainAfterTheFlap() throws ScenarioException {
    Wire wire = Wire.stop(scenario);
    wire.requireKeys("sv9-4's registration after the flap");
    List<DecodedFrame> hubSide = wire.at(cast.hub());
    DecodedFrame request = hubSide.stream().filter(Wire.after(upAgainNanos)
            .and(Wire.from(cast.initiator(), cast.hub())).and(Wire.nhrp(NhrpPacketType.REGISTRATION_REQUEST)))
        .findFirst().orElseThrow(() -> new AssertionError("no Registration Request from sv9-4 after the flap"));
    long id = request.nhrp().mandatoryPart().requestId();
    assertTrue(hubSide.stream().anyMatch(Wire.from(cast.hub(), cast.initiator())
            .and(Wire.nhrp(NhrpPacketType.REGISTRATION_REPLY)).and(f -> f.nhrp().mandatoryPart().requestId() == id)),
        "the hub answers sv9-4's request " + id);
  }

  private void configureSource(String line) throws IOException, ScenarioException {
    String source = scenario.rack().testbed().dmvpn().orElseThrow().tunnel().source();
    ConfigureResult r = scenario.device(cast.initiator().device()).session()
        .configure(List.of("interface " + source, " " + line));
    if (!r.ok()) {
      throw new ScenarioException(cast.initiator().device() + ": '" + line + "' on " + source + " refused: "
          + r.rejected().map(Object::toString).orElse("?"));
    }
  }
}
