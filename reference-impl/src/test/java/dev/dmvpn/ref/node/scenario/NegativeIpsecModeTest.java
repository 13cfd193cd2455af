package dev.dmvpn.ref.node.scenario;

import static dev.dmvpn.ref.node.scenario.NegativeLab.HUB;
import static dev.dmvpn.ref.node.scenario.NegativeLab.SV94;
import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

import dev.dmvpn.ref.ipsec.EspMode;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

/**
 * IPsec mode mismatch, as ARCHITECTURE.md's "IPsec: mode" table says IOS fails: {@code mode transport} on sv9-4
 * (the Quick Mode initiator towards the hub) offers transport (encaps 2), which the hub's tunnel-mode set
 * refuses: NO-PROPOSAL-CHOSEN, Phase 1 up, no IPsec SA ({@link QuickModeRefusal}). The other way round ({@code
 * mode transport} on the hub, the responder) nothing fails: the hub's transport set accepts the spokes' tunnel
 * offer and the SAs run in tunnel mode. So the mismatch only breaks when the transport side initiates.
 */
public class NegativeIpsecModeTest {
  static final Duration RUN = Duration.ofSeconds(200);

  @DataProvider
  public Object[][] modes() {
    return new Object[][] {
      {RouterChange.mode("sv9-4", EspMode.TRANSPORT), true, 2L},
      {RouterChange.none(), false, 1L}
    };
  }

  @Test(dataProvider = "modes")
  public void aTransportOfferToATunnelOnlyHubIsRefused(RouterChange change, boolean refused, long offered) {
    NegativeLab lab = new NegativeLab(change, 23);
    lab.pass(RUN);
    QuickModeRefusal.check(lab, refused);
    assertEquals(List.copyOf(new HashSet<>(QuickModeRefusal.offeredModes(lab))), List.of(offered),
        "encapsulation mode in sv9-4's QM1");
  }

  @Test
  public void aTransportHubAcceptsTheSpokesTunnelOffersAndRunsTunnelMode() {
    NegativeLab lab = new NegativeLab(RouterChange.mode("sv9-2", EspMode.TRANSPORT), 23);
    lab.pass(RUN);
    QuickModeRefusal.check(lab, false);
    var hubSa = NegativeLab.tunnel(lab.routers.hub()).protection().dataPlane().sad().outbound(SV94);
    var spokeSa = NegativeLab.tunnel(lab.routers.sv94()).protection().dataPlane().sad().outbound(HUB);
    assertEquals(hubSa.mode(), EspMode.TUNNEL, "the hub's SA to sv9-4");
    assertEquals(spokeSa.mode(), EspMode.TUNNEL, "sv9-4's SA to the hub");
    assertTrue(QuickModeRefusal.offeredModes(lab).stream().allMatch(m -> m == 1L), "sv9-4 offers tunnel");
  }
}
