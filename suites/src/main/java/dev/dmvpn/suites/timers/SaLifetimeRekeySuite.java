package dev.dmvpn.suites.timers;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertNotEquals;
import static org.testng.Assert.assertTrue;

import dev.dmvpn.drivers.ios.PingOutcome;
import dev.dmvpn.drivers.parse.IpsecFlow;
import dev.dmvpn.drivers.parse.IpsecInterface;
import dev.dmvpn.drivers.parse.IpsecSpi;
import dev.dmvpn.drivers.parse.ShowCryptoIpsecSaParser;
import dev.dmvpn.harness.scenario.Scenario;
import dev.dmvpn.harness.scenario.ScenarioException;
import dev.dmvpn.harness.scenario.ScenarioSettings;
import dev.dmvpn.harness.scenario.suite.SuiteParameters;
import dev.dmvpn.ref.capture.DecodedFrame;
import dev.dmvpn.ref.isakmp.ExchangeType;
import dev.dmvpn.suites.common.Cast;
import dev.dmvpn.suites.common.Converge;
import dev.dmvpn.suites.common.RackClock;
import dev.dmvpn.suites.common.Wire;
import dev.dmvpn.topology.DmvpnMember;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.testng.ITestContext;
import org.testng.annotations.AfterClass;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

/**
 * The document's {@code set security-association lifetime seconds 120} rekeys the spoke-to-spoke SAs without
 * losing a packet: {@code ping 2.2.2.2} from sv9-4 is repeated, spoke to spoke, from before the rekey (a new Quick
 * Mode before the old SA's 120 s are up; the reference node starts it at 90 s, {@code ChildSaLifetimes}) until the
 * old SA is gone, and every echo is answered; {@code show crypto ipsec sa} reports new SPIs on both spokes; the wire
 * carries a second Quick Mode between the spokes and then ESP under the new SPIs. Nothing here is virtual-only: on
 * a real rack the document's own 120 s lifetime rekeys in real time (the waits scale with {@link RackClock}).
 */
@Test(groups = "virtual-rack")
public class SaLifetimeRekeySuite {
  /** The document's {@code set security-association lifetime seconds 120} (its IPsec profile). */
  static final Duration LIFETIME = Duration.ofSeconds(120);
  /**
   * Router time between two readings of {@code show crypto ipsec sa} while the pings run: read after every ping, a
   * virtual rack's run left 16 MB of the same output in its report.
   */
  static final Duration LOOK = Duration.ofSeconds(5);

  private Scenario scenario;
  private Cast cast;
  private Converge converge;
  private RackClock clock;
  private final List<PingOutcome> pings = new ArrayList<>();
  private long firstOutbound;
  private Set<Long> firstInbound;
  private List<IpsecInterface> initiatorAfter;
  private List<IpsecInterface> responderBefore;
  private List<IpsecInterface> responderAfter;
  private Wire wire;

  @BeforeClass(alwaysRun = true)
  public void bringUpTheDocumentsRack(ITestContext ctx) throws ScenarioException {
    ScenarioSettings settings = SuiteParameters.settings(ctx, "timers-rekey");
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
  public void sv94BuildsASpokeToSpokeSaWithSv93() throws Exception {
    converge.hubRegistersBothSpokes(clock.limit(Duration.ofSeconds(60)));
    converge.eigrpThroughTheHub(clock.limit(Duration.ofSeconds(240)));
    PingOutcome p = converge.pingUntilSpokeToSpoke(clock.limit(Duration.ofSeconds(60)));
    assertEquals(p.result().received(), p.result().sent(), "spoke to spoke: " + p.result());
  }

  /**
   * From the SA's first outbound SPI until a new one is current and the first one is gone from both spokes (the old
   * pair expired), {@code ping 2.2.2.2} runs back to back; every echo must come back.
   */
  @Test(dependsOnMethods = "sv94BuildsASpokeToSpokeSaWithSv93")
  public void everyPingSpokeToSpokeIsAnsweredAcrossTheRekey() throws Exception {
    String peer = Cast.ip(cast.responder());
    IpsecFlow before = flow(cast.initiator(), peer);
    firstOutbound = before.currentOutboundSpi();
    firstInbound = spis(before, true);
    responderBefore = ipsecSa(cast.responder());
    long deadline = System.nanoTime() + clock.limit(LIFETIME.plusSeconds(30)).toNanos();
    boolean rekeyed = false;
    boolean oldGone = false;
    long nextLook = 0;
    while (!(rekeyed && oldGone)) {
      if (System.nanoTime() >= deadline) { // the message reads the SAs: built only when it is needed
        throw new AssertionError("no rekey and expiry of SPI " + hex(firstOutbound) + " within "
            + clock.limit(LIFETIME.plusSeconds(30)).toSeconds() + " s; last flow: " + flow(cast.initiator(), peer));
      }
      PingOutcome p = converge.ping();
      pings.add(p);
      assertEquals(p.result().received(), p.result().sent(), "ping " + pings.size() + " across the rekey: "
          + p.result() + " (marks " + p.result().marks() + ")");
      if (System.nanoTime() < nextLook) {
        continue; // the pings go back to back; the SAs are read once per LOOK (each read is kept in the report)
      }
      nextLook = System.nanoTime() + clock.real(LOOK).toNanos();
      IpsecFlow now = flow(cast.initiator(), peer);
      rekeyed |= now.currentOutboundSpi() != firstOutbound;
      oldGone = rekeyed && now.sas().stream().noneMatch(s -> s.spi() == firstOutbound)
          && spis(flow(cast.responder(), Cast.ip(cast.initiator())), true).stream()
              .noneMatch(s -> s == firstOutbound);
    }
    initiatorAfter = ipsecSa(cast.initiator());
    responderAfter = ipsecSa(cast.responder());
    assertTrue(pings.size() >= 2, "pings before and after the rekey: " + pings.size());
  }

  /** Both spokes report new SPIs in {@code show crypto ipsec sa}, and they pair up (one's outbound, other's inbound). */
  @Test(dependsOnMethods = "everyPingSpokeToSpokeIsAnsweredAcrossTheRekey")
  public void showCryptoIpsecSaReportsNewSpisThatPairUp() {
    IpsecFlow i = Converge.flowWith(initiatorAfter, Cast.ip(cast.responder())).orElseThrow();
    IpsecFlow r = Converge.flowWith(responderAfter, Cast.ip(cast.initiator())).orElseThrow();
    IpsecFlow rBefore = Converge.flowWith(responderBefore, Cast.ip(cast.initiator())).orElseThrow();
    assertNotEquals(i.currentOutboundSpi(), firstOutbound, "sv9-4's current outbound SPI changed");
    assertNotEquals(r.currentOutboundSpi(), rBefore.currentOutboundSpi(), "sv9-3's current outbound SPI changed");
    assertTrue(spis(i, true).stream().noneMatch(firstInbound::contains), "sv9-4's first inbound SPIs are gone: "
        + spis(i, true) + " vs " + firstInbound);
    assertTrue(spis(r, true).contains(i.currentOutboundSpi()), "sv9-4's new outbound SPI "
        + hex(i.currentOutboundSpi()) + " is inbound on sv9-3: " + spis(r, true));
    assertTrue(spis(i, true).contains(r.currentOutboundSpi()), "sv9-3's new outbound SPI "
        + hex(r.currentOutboundSpi()) + " is inbound on sv9-4: " + spis(i, true));
    IpsecSpi current = i.sas().stream().filter(s -> !s.inbound() && s.spi() == i.currentOutboundSpi()).findFirst()
        .orElseThrow(() -> new AssertionError("sv9-4 lists its current outbound SA: " + i.sas()));
    assertTrue(current.remainingSeconds() != null && current.remainingSeconds() > 0
        && current.remainingSeconds() <= LIFETIME.toSeconds(), "the new SA runs on the 120 s lifetime: " + current);
  }

  /**
   * The wire between the spokes: a second Quick Mode (another message ID under the spokes' ISAKMP SA) after the
   * first, ESP under sv9-4's first outbound SPI before it and under the new one after it, and every ESP frame opens
   * with the exported keys.
   */
  @Test(dependsOnMethods = "showCryptoIpsecSaReportsNewSpisThatPairUp")
  public void theWireCarriesASecondQuickModeThenEspUnderTheNewSpi() throws ScenarioException {
    wire = Wire.stop(scenario);
    List<DecodedFrame> spokes = wire.at(cast.initiator());
    List<DecodedFrame> qm = Wire.where(spokes, Wire.isakmp(ExchangeType.QUICK_MODE)
        .and(Wire.between(cast.initiator(), cast.responder())));
    List<Integer> exchanges = qm.stream().map(f -> f.isakmp().header().messageId()).distinct().toList();
    assertTrue(exchanges.size() >= 2, "two Quick Modes between the spokes, found message IDs " + exchanges);
    for (int id : exchanges.subList(0, 2)) {
      assertTrue(qm.stream().filter(f -> f.isakmp().header().messageId() == id).count() >= 3,
          "Quick Mode " + Integer.toHexString(id) + " has its three messages");
    }
    int secondId = exchanges.get(1);
    long secondQm = qm.stream().filter(f -> f.isakmp().header().messageId() == secondId).mapToLong(Wire::time)
        .max().orElseThrow();
    long newOutbound = Converge.flowWith(initiatorAfter, Cast.ip(cast.responder())).orElseThrow()
        .currentOutboundSpi();
    List<DecodedFrame> out = Wire.where(spokes, Wire.esp().and(Wire.from(cast.initiator(), cast.responder())));
    assertTrue(out.stream().anyMatch(f -> f.esp().spiUnsigned() == firstOutbound && Wire.time(f) < secondQm),
        "ESP under the first SPI " + hex(firstOutbound) + " before the second Quick Mode");
    assertTrue(out.stream().anyMatch(f -> f.esp().spiUnsigned() == newOutbound && Wire.time(f) > secondQm),
        "ESP under the new SPI " + hex(newOutbound) + " after the second Quick Mode");
    Set<String> seen = out.stream().map(f -> hex(f.esp().spiUnsigned())).collect(Collectors.toCollection(
        LinkedHashSet::new));
    assertTrue(seen.size() >= 2, "sv9-4 -> sv9-3 ESP SPIs on the wire: " + seen);
    if (wire.decrypted()) {
      assertFalse(spokes.stream().anyMatch(f -> f.esp() != null && f.espDecryption() != null
          && f.espDecryption().startsWith("dropped")), "every ESP frame opens with the exported keys");
    }
  }

  /** The shortcut held across the rekey: no echo between the spokes' addresses crossed the hub's segment meanwhile. */
  @Test(dependsOnMethods = "theWireCarriesASecondQuickModeThenEspUnderTheNewSpi")
  public void noEchoFellBackToTheHubDuringTheRekey() {
    wire.requireKeys("echoes relayed by the hub");
    List<DecodedFrame> spokes = wire.at(cast.initiator());
    long firstDirect = Wire.where(spokes, Wire.esp().and(Wire.from(cast.initiator(), cast.responder()))).stream()
        .mapToLong(Wire::time).min().orElseThrow();
    List<DecodedFrame> relayed = Wire.where(wire.at(cast.hub()), Wire.after(firstDirect + 1_000_000_000L)
        .and(f -> f.icmp() != null && f.innerIpv4() != null));
    assertEquals(relayed.size(), 0, "ICMP through the hub after the shortcut came up: frames "
        + relayed.stream().map(DecodedFrame::number).toList());
  }

  private IpsecFlow flow(DmvpnMember on, String peer) throws IOException {
    return Converge.flowWith(ipsecSa(on), peer).orElseThrow(() -> new AssertionError(on.device()
        + ": show crypto ipsec sa has no flow with " + peer));
  }

  private List<IpsecInterface> ipsecSa(DmvpnMember on) throws IOException {
    return scenario.device(on.device()).show("show crypto ipsec sa", ShowCryptoIpsecSaParser::parse);
  }

  private static Set<Long> spis(IpsecFlow f, boolean inbound) {
    return f.sas().stream().filter(s -> s.inbound() == inbound && s.protocol().equals("esp")).map(IpsecSpi::spi)
        .collect(Collectors.toCollection(LinkedHashSet::new));
  }

  private static String hex(long spi) {
    return "0x" + Long.toHexString(spi).toUpperCase(java.util.Locale.ROOT);
  }
}
