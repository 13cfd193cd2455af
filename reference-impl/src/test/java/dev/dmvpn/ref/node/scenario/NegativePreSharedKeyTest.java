package dev.dmvpn.ref.node.scenario;

import static dev.dmvpn.ref.node.scenario.NegativeLab.HUB;
import static dev.dmvpn.ref.node.scenario.NegativeLab.SV93;
import static dev.dmvpn.ref.node.scenario.NegativeLab.SV94;
import static dev.dmvpn.ref.node.scenario.NegativeLab.between;
import static dev.dmvpn.ref.node.scenario.NegativeLab.esp;
import static dev.dmvpn.ref.node.scenario.NegativeLab.from;
import static dev.dmvpn.ref.node.scenario.NegativeLab.isakmp;
import static dev.dmvpn.ref.node.scenario.NegativeLab.mainMode;
import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

import dev.dmvpn.ref.isakmp.ExchangeType;
import dev.dmvpn.ref.node.NodeEventKind;
import dev.dmvpn.ref.node.Pinger;
import java.time.Duration;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

/**
 * Wrong pre-shared key on sv9-4 ({@code crypto isakmp key cisco124 address 0.0.0.0 0.0.0.0}), everything else as
 * the document. IOS: Main Mode 1-4 pass (nothing in them depends on the key), MM5 from the initiator does not
 * decrypt at the responder, which logs "%CRYPTO-4-IKMP_BAD_MESSAGE: IKE message from X failed its sanity check
 * or is malformed" and answers nothing; the initiator retransmits MM5 ("retransmitting phase 1 MM_KEY_EXCH...")
 * until it gives up; no MM6, no Quick Mode, no IPsec SA, so the registration never reaches the hub. sv9-3 (right
 * key) is the control. The same test with the document's key must see none of that.
 */
public class NegativePreSharedKeyTest {
  /** Time for the first attempt to run out: MM5 + 5 retransmissions after 2, 4, 8, 16, 32 s, given up at 126 s. */
  static final Duration RUN = Duration.ofSeconds(200);

  @DataProvider
  public Object[][] keys() {
    return new Object[][] {
      {RouterChange.preSharedKey("sv9-4", "cisco124"), true},
      {RouterChange.none(), false}
    };
  }

  @Test(dataProvider = "keys")
  public void mm5IsDroppedAsBadMessageAndRetransmittedUntilPhase1IsGivenUp(RouterChange change, boolean wrong) {
    NegativeLab lab = new NegativeLab(change, 7);
    lab.pass(RUN);
    Pinger ping = lab.pingHubFromSv94();

    // state
    assertEquals(NegativeLab.registered(lab.routers.sv94()), !wrong, "sv9-4 registered with the hub");
    assertTrue(NegativeLab.registered(lab.routers.sv93()), "sv9-3 (the document's key) registered");
    assertEquals(lab.hubKnows(DocumentRouters.SV9_4_TUNNEL), !wrong, "hub's NHRP entry for 192.168.1.3");
    assertTrue(lab.hubKnows(DocumentRouters.SV9_3_TUNNEL), "hub's NHRP entry for 192.168.1.2");
    assertEquals(NegativeLab.isakmpUp(lab.routers.sv94(), HUB), !wrong, "sv9-4 ISAKMP SA with the hub");
    assertEquals(NegativeLab.isakmpUp(lab.routers.hub(), SV94), !wrong, "hub ISAKMP SA with sv9-4");
    assertEquals(NegativeLab.ipsecUp(lab.routers.sv94(), HUB), !wrong, "sv9-4 IPsec SAs to the hub");
    assertEquals(NegativeLab.ipsecUp(lab.routers.hub(), SV94), !wrong, "hub IPsec SAs to sv9-4");
    assertEquals(ping.answered(), wrong ? 0 : 5, "ping 192.168.1.1 from sv9-4: " + ping.marks());
    // show crypto isakmp sa: a later attempt is under way, both sides stuck after the key exchange
    String expected = wrong ? "MM_KEY_EXCH" : "QM_IDLE";
    assertEquals(isakmpStates(lab.routers.sv94(), HUB), java.util.List.of(expected), "sv9-4's SA with the hub");
    assertEquals(isakmpStates(lab.routers.hub(), SV94), java.util.List.of(expected), "the hub's SA with sv9-4");

    // events: the hub's IKMP_BAD_MESSAGE per MM5 copy, sv9-4 gives Phase 1 up after the retransmissions
    int bad = NegativeLab.events(lab.routers.hub(), NodeEventKind.IKE_BAD_MESSAGE, SV94.toString()).size();
    assertEquals(bad > 0, wrong, "hub: %CRYPTO-4-IKMP_BAD_MESSAGE from 209.168.202.130 (" + bad + ")");
    assertEquals(lab.routers.hub().tunnel(DocumentRouters.TUNNEL).protection().ike().badMessages(), bad);
    assertEquals(NegativeLab.events(lab.routers.sv94(), NodeEventKind.IKE_PHASE1_FAILED,
        "no response to MM5 after 5 retransmissions").isEmpty(), !wrong, "sv9-4: Phase 1 given up on MM5");
    assertTrue(NegativeLab.events(lab.routers.hub(), NodeEventKind.IKE_BAD_MESSAGE, SV93.toString()).isEmpty());

    // wire, hub segment: MM1-MM4 both ways, then only MM5 copies from sv9-4
    assertTrue(lab.count(from(SV94, HUB).and(mainMode(3))) >= 1, "MM3 from sv9-4");
    assertTrue(lab.count(from(HUB, SV94).and(mainMode(4))) >= 1, "MM4 from the hub: the key exchange passed");
    long mm5 = lab.count(from(SV94, HUB).and(mainMode(5)));
    long mm6 = lab.count(from(HUB, SV94).and(mainMode(6)));
    if (wrong) {
      assertTrue(mm5 >= 6, "MM5 and 5 retransmissions in the first attempt, got " + mm5);
      assertEquals(mm6, 0, "no MM6");
      assertEquals(lab.count(between(SV94, HUB).and(isakmp(ExchangeType.QUICK_MODE))), 0, "no Quick Mode");
      assertEquals(lab.count(between(SV94, HUB).and(isakmp(ExchangeType.INFORMATIONAL))), 0,
          "no notify either way, in clear or encrypted");
      assertEquals(lab.count(between(SV94, HUB).and(esp())), 0, "no ESP");
    } else {
      assertEquals(mm5, 1, "one MM5, answered");
      assertEquals(mm6, 1, "MM6");
      assertEquals(lab.count(from(SV94, HUB).and(isakmp(ExchangeType.QUICK_MODE))) >= 2, true, "QM1 and QM3");
      assertTrue(lab.count(from(SV94, HUB).and(esp())) > 0, "ESP from sv9-4");
    }
    // the control spoke completes Main and Quick Mode and sends ESP either way
    assertEquals(lab.count(from(HUB, SV93).and(mainMode(6))), 1, "MM6 to sv9-3");
    assertTrue(lab.count(from(SV93, HUB).and(esp())) > 0, "ESP from sv9-3");
    assertFalse(lab.hubFrames().isEmpty());
  }

  /** What {@code show crypto isakmp sa} would print as state for each ISAKMP SA of {@code n} with {@code peer}. */
  static java.util.List<String> isakmpStates(dev.dmvpn.ref.node.DmvpnNode n, dev.dmvpn.ref.bytes.Ipv4Address peer) {
    var ike = NegativeLab.tunnel(n).protection().ike();
    return ike.ikeSas().stream().filter(sa -> sa.peerAddress().equals(peer)).map(ike::iosState).toList();
  }
}
