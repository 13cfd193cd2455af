package dev.dmvpn.suites.timers;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

import dev.dmvpn.drivers.ios.PingOutcome;
import dev.dmvpn.drivers.parse.IsakmpSa;
import dev.dmvpn.drivers.parse.NhrpEntry;
import dev.dmvpn.drivers.parse.ShowCryptoIpsecSaParser;
import dev.dmvpn.drivers.parse.ShowCryptoIsakmpSaParser;
import dev.dmvpn.drivers.parse.ShowIpNhrpParser;
import dev.dmvpn.harness.scenario.Scenario;
import dev.dmvpn.harness.scenario.ScenarioException;
import dev.dmvpn.harness.scenario.ScenarioSettings;
import dev.dmvpn.harness.scenario.suite.SuiteParameters;
import dev.dmvpn.ref.capture.DecodedFrame;
import dev.dmvpn.ref.isakmp.DeletePayload;
import dev.dmvpn.ref.isakmp.ExchangeType;
import dev.dmvpn.ref.isakmp.ProposalPayload;
import dev.dmvpn.suites.common.Cast;
import dev.dmvpn.suites.common.Converge;
import dev.dmvpn.suites.common.RackClock;
import dev.dmvpn.suites.common.Wire;
import dev.dmvpn.topology.DmvpnMember;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.testng.ITestContext;
import org.testng.annotations.AfterClass;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

/**
 * Idle spoke-to-spoke teardown: sv9-4's resolved entry for sv9-3's LAN lives for the holdtime of sv9-3's reply;
 * with no traffic between the spokes it expires, and the spokes delete their IPsec and ISAKMP SAs with each other
 * (ISAKMP Informational with Delete payloads) while keeping the hub's; the next ping resolves and builds them
 * again. A short {@code ip nhrp holdtime 60} on every member ({@link ShortHoldtime}, a configuration edit a real
 * rack takes too) keeps the idle wait to a minute of router time. What IOS 12.3 does with the SAs when the entry
 * expires is not confirmed by a source here (ARCHITECTURE.md, "How the node fails", timer rows): the suite holds
 * the reference node's behaviour (the teardown, {@code IdleTeardown}), so a lab run checks it against IOS. The
 * SAs' own 120 s lifetime cannot be what removes them: the entry expires first, the Deletes are on the wire before
 * the 90 s rekey would have started.
 */
@Test(groups = "virtual-rack")
public class IdleSpokeToSpokeTeardownSuite {
  private Scenario scenario;
  private Cast cast;
  private Converge converge;
  private RackClock clock;
  private long shortcutUpNanos;
  private long expireSeconds;
  private long goneNanos;
  private long rebuiltFromNanos;
  private Wire wire;

  @BeforeClass(alwaysRun = true)
  public void bringUpTheDocumentsRackWithAShortHoldtime(ITestContext ctx) throws ScenarioException {
    ScenarioSettings settings = ShortHoldtime.apply(SuiteParameters.settings(ctx, "timers-idle-teardown"));
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
  public void aPingBuildsTheShortcutWithTheConfiguredHoldtime() throws Exception {
    converge.hubRegistersBothSpokes(clock.limit(Duration.ofSeconds(60)));
    converge.eigrpThroughTheHub(clock.limit(Duration.ofSeconds(240)));
    PingOutcome p = converge.pingUntilSpokeToSpoke(clock.limit(Duration.ofSeconds(60)));
    shortcutUpNanos = Wire.nowNanos(scenario);
    assertEquals(p.result().received(), p.result().sent(), "spoke to spoke: " + p.result());
    NhrpEntry e = shortcut(scenario.device(cast.initiator().device()).show("show ip nhrp", ShowIpNhrpParser::parse));
    expireSeconds = Converge.seconds(e.expire());
    assertTrue(expireSeconds > 0 && expireSeconds <= ShortHoldtime.HOLDTIME.toSeconds(),
        "the shortcut lives for sv9-3's 60 s holdtime: " + e);
  }

  /** No ping after that: the entry leaves sv9-4's {@code show ip nhrp} once its holdtime is up, not before. */
  @Test(dependsOnMethods = "aPingBuildsTheShortcutWithTheConfiguredHoldtime")
  public void theIdleShortcutExpiresAfterItsHoldtime() throws Exception {
    scenario.awaitShow(cast.initiator().device(), "show ip nhrp", ShowIpNhrpParser::parse,
        list -> list.stream().noneMatch(this::isShortcut), clock.limit(ShortHoldtime.HOLDTIME));
    goneNanos = Wire.nowNanos(scenario);
    double lived = RackClock.seconds(shortcutUpNanos, goneNanos);
    assertTrue(lived >= expireSeconds - 3, "the entry left after " + String.format("%.1f", lived)
        + " s of router time, its expiry said " + expireSeconds + " s");
    List<NhrpEntry> hub = scenario.device(cast.hub().device()).show("show ip nhrp", ShowIpNhrpParser::parse);
    for (DmvpnMember spoke : cast.spokes()) {
      assertTrue(Converge.registered(hub, spoke).isPresent(), "the hub keeps " + spoke.device() + ": " + hub);
    }
  }

  /** Both spokes drop their ISAKMP and IPsec SAs with each other and keep the ones with the hub. */
  @Test(dependsOnMethods = "theIdleShortcutExpiresAfterItsHoldtime")
  public void theSpokesDeleteTheirSasWithEachOtherAndKeepTheHubs() throws Exception {
    for (DmvpnMember spoke : cast.spokes()) {
      DmvpnMember other = spoke == cast.initiator() ? cast.responder() : cast.initiator();
      List<IsakmpSa> sas = scenario.awaitShow(spoke.device(), "show crypto isakmp sa", ShowCryptoIsakmpSaParser::parse,
          list -> list.stream().noneMatch(converge::spokeToSpoke), clock.limit(Duration.ofSeconds(10)));
      assertTrue(sas.stream().anyMatch(sa -> converge.withHub(sa, spoke) && sa.state().equals("QM_IDLE")),
          spoke.device() + " keeps its ISAKMP SA with the hub: " + sas);
      var ipsec = scenario.device(spoke.device()).show("show crypto ipsec sa", ShowCryptoIpsecSaParser::parse);
      assertTrue(Converge.flowWith(ipsec, Cast.ip(other)).map(f -> f.sas().isEmpty()).orElse(true),
          spoke.device() + ": no IPsec SA with " + other.device() + " left: " + ipsec);
      assertTrue(Converge.flowWith(ipsec, Cast.ip(cast.hub())).map(f -> !f.sas().isEmpty()).orElse(false),
          spoke.device() + " keeps its IPsec SAs with the hub: " + ipsec);
    }
  }

  @Test(dependsOnMethods = "theSpokesDeleteTheirSasWithEachOtherAndKeepTheHubs")
  public void theNextPingResolvesAndBuildsTheSasAgain() throws Exception {
    rebuiltFromNanos = Wire.nowNanos(scenario);
    PingOutcome p = converge.pingUntilSpokeToSpoke(clock.limit(Duration.ofSeconds(60)));
    assertEquals(p.result().received(), p.result().sent(), "spoke to spoke again: " + p.result());
  }

  /**
   * The wire between the spokes after the shortcut came up: an ISAKMP Informational with a Delete of the ESP SAs
   * (SPI size 4) and one of the ISAKMP SA, both before the 90 s rekey of the first SAs could start; then a new Main
   * Mode between the spokes after the second ping.
   */
  @Test(dependsOnMethods = "theNextPingResolvesAndBuildsTheSasAgain")
  public void theWireCarriesTheDeletesThenANewMainMode() throws ScenarioException {
    wire = Wire.stop(scenario);
    List<DecodedFrame> spokes = wire.at(cast.initiator());
    Predicate<DecodedFrame> info = Wire.isakmp(ExchangeType.INFORMATIONAL)
        .and(Wire.between(cast.initiator(), cast.responder())).and(Wire.after(shortcutUpNanos));
    List<DecodedFrame> informational = Wire.where(spokes, info);
    assertFalse(informational.isEmpty(), "an ISAKMP Informational between the spokes after the shortcut");
    if (wire.decrypted()) {
      List<DecodedFrame> espDeletes = Wire.where(spokes, info.and(delete(ProposalPayload.PROTO_IPSEC_ESP)));
      List<DecodedFrame> isakmpDeletes = Wire.where(spokes, info.and(delete(ProposalPayload.PROTO_ISAKMP)));
      assertFalse(espDeletes.isEmpty(), "a Delete of the spokes' ESP SAs (decrypted)");
      assertFalse(isakmpDeletes.isEmpty(), "a Delete of the spokes' ISAKMP SA (decrypted)");
      double at = RackClock.seconds(shortcutUpNanos, Wire.time(espDeletes.get(0)));
      assertTrue(at < 90, "the Delete comes " + String.format("%.1f", at) + " s after the shortcut, before a 90 s"
          + " rekey (so the entry's expiry removed the SAs, not their lifetime)");
    }
    long deletes = Wire.time(informational.get(0));
    assertTrue(Wire.where(spokes, Wire.isakmp(ExchangeType.MAIN_MODE).and(Wire.between(cast.initiator(),
        cast.responder())).and(Wire.after(Math.max(deletes, rebuiltFromNanos)))).size() >= 6,
        "a new Main Mode (6 messages) between the spokes after the Deletes and the second ping");
  }

  private static Predicate<DecodedFrame> delete(int protocolId) {
    return f -> f.isakmpDecrypted() != null && f.isakmpDecrypted().stream()
        .anyMatch(p -> p instanceof DeletePayload d && d.protocolId() == protocolId
            && (protocolId != ProposalPayload.PROTO_IPSEC_ESP || d.spiSize() == 4));
  }

  private boolean isShortcut(NhrpEntry e) {
    return Cast.ip(cast.responder()).equals(e.nbma());
  }

  private NhrpEntry shortcut(List<NhrpEntry> entries) {
    return entries.stream().filter(this::isShortcut).findFirst()
        .orElseThrow(() -> new AssertionError("sv9-4 has no entry with sv9-3's NBMA address: " + entries));
  }
}
