package dev.dmvpn.suites.negative;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

import dev.dmvpn.drivers.parse.PingResult;
import dev.dmvpn.harness.scenario.ConfigEdit;
import dev.dmvpn.harness.scenario.ScenarioException;
import dev.dmvpn.harness.sequence.FrameView;
import dev.dmvpn.harness.sequence.FrameViews;
import dev.dmvpn.harness.sequence.MismatchReport;
import dev.dmvpn.harness.sequence.SequenceChecker;
import dev.dmvpn.harness.sequence.SequenceFileException;
import dev.dmvpn.harness.sequence.SequenceLoader;
import dev.dmvpn.harness.sequence.SequenceResult;
import dev.dmvpn.ref.capture.DecodedFrame;
import dev.dmvpn.ref.isakmp.ExchangeType;
import dev.dmvpn.topology.DmvpnMember;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.testng.annotations.Test;

/**
 * Wrong pre-shared key on sv9-4 ({@code crypto isakmp key <the run's key>x address 0.0.0.0 0.0.0.0}, so it
 * differs from the hub's whatever the key). IOS 12.3: Main Mode 1-4 complete (nothing in them depends on the
 * key); the hub cannot decrypt MM5, logs {@code %CRYPTO-4-IKMP_BAD_MESSAGE} and answers nothing; sv9-4 keeps
 * "retransmitting phase 1 MM_KEY_EXCH..." and {@code show crypto isakmp sa} shows MM_KEY_EXCH; no MM6, no Quick
 * Mode, no IPsec SA, so sv9-4's registration never reaches the hub ([S1], [S2] of ARCHITECTURE.md's "How the node
 * fails"). sv9-3, with the document's key, is the control.
 *
 * <p>The absence is bounded by sv9-4's clock: observed until it is 130 s past the push, beyond the engine's whole
 * MM5 schedule (MM5 and five retransmissions after 2, 4, 8, 16, 32 s, given up at 126 s); every poll checks that
 * the hub has no entry for sv9-4 and that neither side has an established ISAKMP SA with the other.
 */
@Test(groups = {"virtual-rack", "real-rack", "negative"})
public class WrongPreSharedKeySuite extends NegativeScenario {
  static final Duration SCHEDULE = Duration.ofSeconds(130);

  private final Set<String> sv94States = new LinkedHashSet<>();
  private final Set<String> hubStates = new LinkedHashSet<>();

  @Override
  protected String caseName() {
    return "wrong-psk";
  }

  @Override
  protected ConfigEdit change(NegativeCast cast) {
    // the run's key with one character more: different from the hub's whatever it is, and never written here
    return ConfigEdit.of(cast.changed().device(), "^(crypto isakmp key )(\\S+)( address .*)$", "$1$2x$3");
  }

  @Override
  protected List<String> debugsOn(DmvpnMember m) {
    return m.equals(cast.changed()) ? List.of("debug crypto isakmp") : List.of();
  }

  @Test
  public void mainModeNeverCompletesBetweenSv94AndTheHubWhileSv93Registers() throws Exception {
    awaitControlRegistered();
    int polls = Observation.watch(cast.changed().device() + "'s clock " + SCHEDULE.toSeconds() + " s past the push",
        realTimeFor(SCHEDULE), clockPast(cast.changed(), SCHEDULE),
        List.of(hubNeverRegistersTheChangedSpoke(), neverQmIdle(cast.changed(), cast.hub()),
            neverQmIdle(cast.hub(), cast.changed()), recordIsakmpStates(cast.changed(), cast.hub(), sv94States),
            recordIsakmpStates(cast.hub(), cast.changed(), hubStates)));
    assertTrue(polls > 1, "observed more than once");
  }

  /**
   * What IOS prints for an SA whose MM5 is not answered: MM_KEY_EXCH on both sides (the key exchange is done,
   * the authentication is not), the state Cisco's troubleshooting material names as the sign of a key
   * mismatch [S2]. Read from the states every poll of the observation saw, so no further wait.
   */
  @Test(dependsOnMethods = "mainModeNeverCompletesBetweenSv94AndTheHubWhileSv93Registers")
  public void showCryptoIsakmpSaIsMmKeyExchOnBothSides() {
    String seen = "states seen during the observation: sv9-4's SA with the hub " + sv94States
        + ", the hub's SA with sv9-4 " + hubStates;
    assertTrue(sv94States.contains("MM_KEY_EXCH"), seen);
    assertTrue(hubStates.contains("MM_KEY_EXCH"), seen);
  }

  /**
   * sv9-4's {@code debug crypto isakmp}, in the seed's words (sv9-3's Main Mode as initiator, seed lines
   * 1027-1043): it reaches {@code IKE_I_MM5} and sends in state MM_KEY_EXCH, but never {@code IKE_I_MM6} nor
   * "SA has been authenticated with" the hub.
   */
  @Test(dependsOnMethods = "mainModeNeverCompletesBetweenSv94AndTheHubWhileSv93Registers")
  public void sv94sDebugReachesMm5AndNeverAuthenticatesTheHub() {
    List<String> debug = debugMessages(cast.changed());
    String hub = NegativeCast.nbma(cast.hub());
    assertTrue(debug.stream().anyMatch(l -> l.contains("New State = IKE_I_MM5")), "sv9-4 reaches IKE_I_MM5");
    assertTrue(debug.stream().anyMatch(l -> l.contains("sending packet to " + hub) && l.contains("(I) MM_KEY_EXCH")),
        "sv9-4 sends to the hub in MM_KEY_EXCH");
    assertTrue(debug.stream().noneMatch(l -> l.contains("New State = IKE_I_MM6")), "sv9-4 never reaches IKE_I_MM6");
    assertTrue(debug.stream().noneMatch(l -> l.contains("SA has been authenticated with " + hub)),
        "sv9-4 never authenticates the hub");
  }

  @Test(dependsOnMethods = "mainModeNeverCompletesBetweenSv94AndTheHubWhileSv93Registers")
  public void noIpsecSaAndThePingToTheHubFails() throws Exception {
    assertFalse(hasIpsecSa(cast.changed(), cast.hub()), "sv9-4 IPsec SAs with the hub: "
        + ipsecFlows(cast.changed(), cast.hub()));
    assertFalse(hasIpsecSa(cast.hub(), cast.changed()), "hub IPsec SAs with sv9-4");
    assertTrue(hasIpsecSa(cast.control(), cast.hub()), "control: sv9-3 has IPsec SAs with the hub");
    PingResult p = pingHubFrom(cast.changed());
    assertEquals(p.received(), 0, "ping " + NegativeCast.tunnel(cast.hub()) + " from sv9-4: " + p);
  }

  /** The shipped expectation: MM1-MM5 from sv9-4 to the hub, then no Quick Mode either way. */
  @Test(dependsOnMethods = "noIpsecSaAndThePingToTheHubFails")
  public void theWireCarriesMainMode1To5AndNoQuickMode() throws ScenarioException, SequenceFileException {
    List<DecodedFrame> frames = hubSide().frames();
    SequenceResult r = SequenceChecker.check(frames, SequenceLoader.shipped("wrong-psk.yaml"), Map.of(
        "initiator", NegativeCast.nbma(cast.changed()), "responder", NegativeCast.nbma(cast.hub())));
    assertTrue(r.matched(), MismatchReport.text(r));
  }

  /** MM5 retransmitted, never answered by MM6; nothing else flows between them, while sv9-3 sends ESP. */
  @Test(dependsOnMethods = "noIpsecSaAndThePingToTheHubFails")
  public void mm5IsRetransmittedAndNeverAnswered() throws ScenarioException {
    List<DecodedFrame> frames = hubSide().frames();
    List<FrameView> views = FrameViews.of(frames);
    String sv94 = NegativeCast.nbma(cast.changed());
    String hub = NegativeCast.nbma(cast.hub());
    long mm4 = count(views, hub, sv94, 4);
    long mm5 = count(views, sv94, hub, 5);
    long mm6 = count(views, hub, sv94, 6);
    assertTrue(mm4 >= 1, "MM4 from the hub: the key exchange passed");
    assertTrue(mm5 >= 2, "MM5 and at least one retransmission (\"retransmitting phase 1 MM_KEY_EXCH\"), got " + mm5);
    assertEquals(mm6, 0, "no MM6 from the hub");
    assertEquals(frames.stream().filter(f -> between(f, cast.changed(), cast.hub()) && f.isakmp() != null
        && !f.isakmp().header().exchangeType().equals(ExchangeType.MAIN_MODE)).count(), 0L,
        "no Quick Mode and no notify (in clear or encrypted) between sv9-4 and the hub");
    assertEquals(frames.stream().filter(f -> between(f, cast.changed(), cast.hub()) && f.esp() != null).count(), 0L,
        "no ESP between sv9-4 and the hub");
    assertTrue(frames.stream().anyMatch(f -> from(f, cast.control(), cast.hub()) && f.esp() != null),
        "control: ESP from sv9-3 to the hub");
  }

  private static long count(List<FrameView> views, String src, String dst, long mm) {
    return views.stream().filter(v -> src.equals(v.source()) && dst.equals(v.destination())
        && Long.valueOf(mm).equals(v.get("isakmp.mmMessage"))).count();
  }
}
