package dev.dmvpn.suites.resilience;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

import dev.dmvpn.drivers.ios.PingOutcome;
import dev.dmvpn.drivers.ios.Reload;
import dev.dmvpn.drivers.ios.ReloadOptions;
import dev.dmvpn.drivers.ios.ReloadResult;
import dev.dmvpn.drivers.parse.ShowRunningConfigParser;
import dev.dmvpn.harness.scenario.ConfigEdit;
import dev.dmvpn.harness.scenario.Scenario;
import dev.dmvpn.harness.scenario.ScenarioException;
import dev.dmvpn.harness.scenario.ScenarioSettings;
import dev.dmvpn.harness.scenario.suite.SuiteParameters;
import dev.dmvpn.ref.capture.DecodedFrame;
import dev.dmvpn.ref.nhrp.NhrpPacketType;
import dev.dmvpn.suites.common.Cast;
import dev.dmvpn.suites.common.Converge;
import dev.dmvpn.suites.common.MemberEdits;
import dev.dmvpn.suites.common.RackClock;
import dev.dmvpn.suites.common.Wire;
import dev.dmvpn.suites.timers.ShortHoldtime;
import dev.dmvpn.topology.Connection;
import dev.dmvpn.topology.DmvpnMember;
import java.time.Duration;
import java.util.List;
import org.testng.ITestContext;
import org.testng.SkipException;
import org.testng.annotations.AfterClass;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

/**
 * The hub reloads: with both spokes registered and EIGRP up, the drivers' {@link Reload} reloads the hub over its
 * console, saving the pushed configuration when IOS asks (so it boots with its DMVPN configuration, as a lab hub
 * does), and logs in again on the same line. The spokes register again, EIGRP comes back on Tunnel0, and the
 * first spoke-to-spoke ping after the reload is resolved through the rebooted hub onto a direct SA. A spoke does
 * not notice the hub's restart by itself: it registers again only at its next refresh (a third of the holdtime,
 * 2400 s with the document's default), and without DPD ({@code crypto isakmp keepalive}, which the document does
 * not configure) it keeps an ISAKMP SA with a hub that rebooted without deleting it until the phase 1 lifetime
 * (86400 s). Two configuration edits a lab takes too keep that within a CI run: {@code ip nhrp holdtime 60}
 * ({@link ShortHoldtime}: refresh every 20 s) and {@code lifetime 60} in every ISAKMP policy. Without them the
 * emulated spokes were seen to stay unregistered for 360 s of router time: their registrar waits for the 2400 s
 * refresh while EIGRP hellos keep their SAs with the hub busy (the hub drops its replies: no NHRP mapping).
 */
@Test(groups = "virtual-rack")
public class HubReloadSuite {
  /** What the spokes may take to be back: three of the document's 120 s SA lifetimes, in router time. */
  static final Duration RECOVERY = Duration.ofSeconds(360);
  /**
   * Phase 1 lifetime on every member (IOS's minimum; the document keeps the 86400 s default): a spoke's ISAKMP SA
   * with the old hub expires within a minute, and its next Quick Mode needs a new Main Mode with the rebooted hub.
   */
  static final Duration ISAKMP_LIFETIME = Duration.ofSeconds(60);

  private Scenario scenario;
  private Cast cast;
  private Converge converge;
  private RackClock clock;
  private long reloadedAtNanos;
  private ReloadResult reload;

  @BeforeClass(alwaysRun = true)
  public void bringUpTheDocumentsRack(ITestContext ctx) throws ScenarioException {
    ScenarioSettings settings = SuiteParameters.settings(ctx, "resilience-hub-reload");
    settings = MemberEdits.forEveryMember(settings, device -> ConfigEdit.of(device, "^crypto isakmp policy \\d+$",
        "$0\n lifetime " + ISAKMP_LIFETIME.toSeconds()));
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
  public void beforeTheReloadBothSpokesAreRegisteredAndRouteThroughTheHub() throws ScenarioException {
    converge.hubRegistersBothSpokes(clock.limit(Duration.ofSeconds(60)));
    converge.eigrpThroughTheHub(clock.limit(Duration.ofSeconds(240)));
  }

  /** {@code reload} on the hub's console: {@code Save?} answered yes, the boot awaited, logged in and enabled again. */
  @Test(dependsOnMethods = "beforeTheReloadBothSpokesAreRegisteredAndRouteThroughTheHub")
  public void theHubReloadsWithItsSavedConfiguration() throws Exception {
    String hub = cast.hub().device();
    boolean console = scenario.rack().testbed().device(hub).orElseThrow().connections().values().stream()
        .anyMatch(c -> c instanceof Connection.Console);
    if (!console) {
      throw new SkipException(hub + " has no console in the testbed: a reload over its VTY would need a new session"
          + " for the scenario, which keeps one per device");
    }
    ReloadOptions options = ReloadOptions.DEFAULT.withSave(true);
    reloadedAtNanos = Wire.nowNanos(scenario);
    reload = Reload.onConsole(scenario.device(hub).session(), options);
    assertTrue(reload.saveAsked(), "IOS asks to save the pushed configuration: " + reload.dialogText());
    assertEquals(reload.saveAnswer().orElse(""), "yes");
    var run = scenario.device(hub).show("show running-config", ShowRunningConfigParser::parse);
    assertTrue(run.sections().stream().anyMatch(s -> s.head().startsWith("interface " + tunnel())),
        "the hub booted with its DMVPN configuration (saved before the reload)");
  }

  @Test(dependsOnMethods = "theHubReloadsWithItsSavedConfiguration")
  public void bothSpokesRegisterAgain() throws ScenarioException {
    converge.hubRegistersBothSpokes(clock.limit(RECOVERY));
  }

  @Test(dependsOnMethods = "bothSpokesRegisterAgain")
  public void eigrpComesBackOnTheTunnel() throws ScenarioException {
    converge.eigrpThroughTheHub(clock.limit(RECOVERY));
  }

  /** The first resolution after the reload goes through the rebooted hub and ends on a direct SA. */
  @Test(dependsOnMethods = "eigrpComesBackOnTheTunnel")
  public void spokeToSpokeWorksAgainThroughAResolutionByTheRebootedHub() throws Exception {
    PingOutcome p = converge.pingUntilSpokeToSpoke(clock.limit(Duration.ofSeconds(60)));
    assertEquals(p.result().received(), p.result().sent(), "spoke to spoke after the hub's reload: " + p.result());
    Wire wire = Wire.stop(scenario);
    wire.requireKeys("registrations and resolution after the reload");
    List<DecodedFrame> hubSide = wire.at(cast.hub());
    for (DmvpnMember spoke : cast.spokes()) {
      assertTrue(hubSide.stream().anyMatch(Wire.after(reloadedAtNanos).and(Wire.from(cast.hub(), spoke))
              .and(Wire.nhrp(NhrpPacketType.REGISTRATION_REPLY))),
          "the rebooted hub answers a registration of " + spoke.device());
    }
    assertTrue(hubSide.stream().anyMatch(Wire.after(reloadedAtNanos).and(Wire.from(cast.hub(), cast.responder()))
            .and(Wire.nhrp(NhrpPacketType.RESOLUTION_REQUEST))),
        "the rebooted hub forwards sv9-4's Resolution Request to sv9-3");
  }

  private String tunnel() {
    return scenario.rack().testbed().dmvpn().orElseThrow().tunnel().interfaceName();
  }
}
