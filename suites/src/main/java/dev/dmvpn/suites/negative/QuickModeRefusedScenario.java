package dev.dmvpn.suites.negative;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

import dev.dmvpn.drivers.parse.PingResult;
import dev.dmvpn.harness.scenario.ScenarioException;
import dev.dmvpn.harness.sequence.FrameView;
import dev.dmvpn.harness.sequence.FrameViews;
import dev.dmvpn.ref.capture.DecodedFrame;
import dev.dmvpn.ref.isakmp.ExchangeType;
import dev.dmvpn.ref.isakmp.IsakmpPayload;
import dev.dmvpn.ref.isakmp.NotifyPayload;
import dev.dmvpn.ref.isakmp.NotifyType;
import dev.dmvpn.ref.isakmp.ProposalPayload;
import dev.dmvpn.ref.isakmp.SaPayload;
import dev.dmvpn.ref.isakmp.TransformPayload;
import dev.dmvpn.topology.DmvpnMember;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.testng.annotations.Test;

/**
 * The Phase 2 cases (transform-set mismatch, IPsec mode mismatch) with sv9-4 initiating towards the hub. IOS:
 * Main Mode completes (the ISAKMP SA is QM_IDLE on both sides); the hub refuses sv9-4's Quick Mode ("phase 2 SA
 * policy not acceptable!", "Sending NOTIFY PROPOSAL_NOT_CHOSEN protocol 3" in an Informational under the ISAKMP
 * SA [S7]); no IPsec SA, no ESP, so the registration never leaves and the hub never learns sv9-4.
 *
 * <p>The absence is bounded by sv9-4's clock: observed until it is {@value #SPAN_SECONDS} s past the push, in
 * which sv9-4's registration retransmissions (1, 2, 4, ... 64 s) start Quick Mode again and again (the engine:
 * at most every 10 s); every poll checks that the hub holds no entry for sv9-4 and that neither side has an
 * IPsec SA with the other.
 */
@Test(groups = {"virtual-rack", "real-rack", "negative"})
public abstract class QuickModeRefusedScenario extends NegativeScenario {
  static final long SPAN_SECONDS = 70;

  /** Checks the changed spoke's offer (its decrypted QM1 transforms) shows the changed line. */
  protected abstract void checkOffer(List<TransformPayload> offered);

  /** The hub's {@code debug crypto isakmp}, kept in the run directory ({@code debugs/}) and checked below. */
  @Override
  protected List<String> debugsOn(DmvpnMember m) {
    return m.equals(cast.hub()) ? List.of("debug crypto isakmp") : List.of();
  }

  @Test
  public void noIpsecSaEverComesUpBetweenSv94AndTheHub() throws Exception {
    awaitControlRegistered();
    Observation.watch(cast.changed().device() + "'s clock " + SPAN_SECONDS + " s past the push",
        realTimeFor(Duration.ofSeconds(SPAN_SECONDS)), clockPast(cast.changed(), Duration.ofSeconds(SPAN_SECONDS)),
        List.of(hubNeverRegistersTheChangedSpoke(), neverIpsecSa(cast.changed(), cast.hub()),
            neverIpsecSa(cast.hub(), cast.changed())));
  }

  /** Main Mode does not involve the transform set: Phase 1 is up on both sides. */
  @Test(dependsOnMethods = "noIpsecSaEverComesUpBetweenSv94AndTheHub")
  public void phase1IsUpOnBothSides() throws ScenarioException {
    awaitIsakmpState(cast.changed(), cast.hub(), "QM_IDLE");
    awaitIsakmpState(cast.hub(), cast.changed(), "QM_IDLE");
  }

  /**
   * The hub's debug shows Phase 1 with sv9-4 complete ("SA has been authenticated with", as the seed prints it).
   * IOS then prints the refusal ("phase 2 SA policy not acceptable!", "Sending NOTIFY PROPOSAL_NOT_CHOSEN protocol
   * 3" [S7]); the virtual rack's debug does not model it (it prints "atts are acceptable." for every QM1), so the
   * refusal is checked on the wire, not here.
   */
  @Test(dependsOnMethods = "phase1IsUpOnBothSides")
  public void theHubsDebugAuthenticatesSv94() {
    String sv94 = NegativeCast.nbma(cast.changed());
    assertTrue(debugMessages(cast.hub()).stream().anyMatch(l -> l.contains("SA has been authenticated with " + sv94)),
        "the hub's debug crypto isakmp: SA has been authenticated with " + sv94);
  }

  @Test(dependsOnMethods = "noIpsecSaEverComesUpBetweenSv94AndTheHub")
  public void thePingToTheHubFails() throws Exception {
    PingResult p = pingHubFrom(cast.changed());
    assertEquals(p.received(), 0, "ping " + NegativeCast.tunnel(cast.hub()) + " from sv9-4: " + p);
    assertFalse(hasIpsecSa(cast.changed(), cast.hub()), "sv9-4 IPsec SAs with the hub");
    assertTrue(hasIpsecSa(cast.control(), cast.hub()), "control: sv9-3 has IPsec SAs with the hub");
  }

  /** Main Mode 1-6 once, Quick Mode 1 from sv9-4 never answered by a QM2, no ESP between them. */
  @Test(dependsOnMethods = {"thePingToTheHubFails", "phase1IsUpOnBothSides"})
  public void mainModeCompletesAndQuickModeStopsAtMessage1() throws ScenarioException {
    List<DecodedFrame> frames = hubSide().frames();
    List<FrameView> views = FrameViews.of(frames);
    String sv94 = NegativeCast.nbma(cast.changed());
    String hub = NegativeCast.nbma(cast.hub());
    // a duplicate MM5 gets the cached MM6 again (a retransmission, same bytes): Phase 1 still completes once
    assertEquals(views.stream().filter(v -> hub.equals(v.source()) && sv94.equals(v.destination())
        && Long.valueOf(6).equals(v.get("isakmp.mmMessage"))
        && !Boolean.TRUE.equals(v.get("isakmp.retransmission"))).count(), 1L, "MM6 (retransmissions aside): Phase 1"
        + " completes once");
    assertTrue(count(views, sv94, hub, "isakmp.qmMessage", 1) >= 1, "QM1 from sv9-4");
    assertEquals(count(views, hub, sv94, "isakmp.qmMessage", 2), 0, "no QM2 from the hub");
    assertEquals(frames.stream().filter(f -> between(f, cast.changed(), cast.hub()) && f.esp() != null).count(), 0L,
        "no ESP between sv9-4 and the hub");
  }

  /** The refusal: an encrypted Informational carrying NO-PROPOSAL-CHOSEN for protocol 3 (ESP), and the offer. */
  @Test(dependsOnMethods = "mainModeCompletesAndQuickModeStopsAtMessage1")
  public void theHubAnswersNoProposalChosenToTheOffer() throws ScenarioException {
    List<DecodedFrame> frames = hubSideOpened();
    List<NotifyPayload> notifies = new ArrayList<>();
    List<TransformPayload> offered = new ArrayList<>();
    for (DecodedFrame f : frames) {
      if (f.isakmp() == null || f.isakmpDecrypted() == null) {
        continue;
      }
      ExchangeType x = f.isakmp().header().exchangeType();
      if (from(f, cast.hub(), cast.changed()) && x.equals(ExchangeType.INFORMATIONAL)) {
        f.isakmpDecrypted().stream().filter(p -> p instanceof NotifyPayload).map(p -> (NotifyPayload) p)
            .forEach(notifies::add);
      }
      if (from(f, cast.changed(), cast.hub()) && x.equals(ExchangeType.QUICK_MODE)) {
        for (IsakmpPayload p : f.isakmpDecrypted()) {
          if (p instanceof SaPayload sa) {
            sa.proposals().forEach(prop -> offered.addAll(prop.transforms()));
          }
        }
      }
    }
    assertFalse(notifies.isEmpty(), "an encrypted Informational from the hub to sv9-4");
    for (NotifyPayload n : notifies) {
      assertEquals(n.notifyType(), NotifyType.NO_PROPOSAL_CHOSEN, "notify type");
      assertEquals(n.protocolId(), ProposalPayload.PROTO_IPSEC_ESP, "protocol 3 (ESP)");
    }
    assertFalse(offered.isEmpty(), "sv9-4's QM1 offers");
    checkOffer(offered);
  }

  private static long count(List<FrameView> views, String src, String dst, String field, long n) {
    return views.stream().filter(v -> src.equals(v.source()) && dst.equals(v.destination())
        && Long.valueOf(n).equals(v.get(field))).count();
  }
}
