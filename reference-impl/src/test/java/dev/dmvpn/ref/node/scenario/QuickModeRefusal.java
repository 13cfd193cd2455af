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

import dev.dmvpn.ref.capture.DecodedFrame;
import dev.dmvpn.ref.isakmp.ExchangeType;
import dev.dmvpn.ref.isakmp.IsakmpPayload;
import dev.dmvpn.ref.isakmp.NotifyPayload;
import dev.dmvpn.ref.isakmp.NotifyType;
import dev.dmvpn.ref.isakmp.ProposalPayload;
import dev.dmvpn.ref.isakmp.SaPayload;
import dev.dmvpn.ref.isakmp.TransformPayload;
import dev.dmvpn.ref.node.NodeEventKind;
import dev.dmvpn.ref.node.Pinger;
import java.util.ArrayList;
import java.util.List;

/**
 * The checks shared by the Phase 2 negative cases (transform set, IPsec mode), with sv9-4 initiating towards
 * the hub: Main Mode completes, sv9-4's QM1 is refused by the hub with an encrypted Informational carrying
 * NO-PROPOSAL-CHOSEN for protocol 3 (ESP) (IOS: "phase 2 SA policy not acceptable!", "Sending NOTIFY
 * PROPOSAL_NOT_CHOSEN protocol 3"), no QM2, no IPsec SA, no ESP, no registration. {@code refused} false checks
 * the opposite on the same lab: the positive twin.
 */
final class QuickModeRefusal {
  private QuickModeRefusal() {}

  static void check(NegativeLab lab, boolean refused) {
    Pinger ping = lab.pingHubFromSv94();
    assertTrue(NegativeLab.isakmpUp(lab.routers.sv94(), HUB) && NegativeLab.isakmpUp(lab.routers.hub(), SV94),
        "Phase 1 up on both sides: Main Mode does not depend on the transform set");
    assertEquals(NegativeLab.ipsecUp(lab.routers.sv94(), HUB), !refused, "sv9-4 IPsec SAs to the hub");
    assertEquals(NegativeLab.ipsecUp(lab.routers.hub(), SV94), !refused, "hub IPsec SAs to sv9-4");
    assertEquals(NegativeLab.registered(lab.routers.sv94()), !refused, "sv9-4 registered");
    assertEquals(lab.hubKnows(DocumentRouters.SV9_4_TUNNEL), !refused, "hub's entry for 192.168.1.3");
    assertTrue(NegativeLab.registered(lab.routers.sv93()) && lab.hubKnows(DocumentRouters.SV9_3_TUNNEL),
        "control: sv9-3");
    assertEquals(ping.answered(), refused ? 0 : 5, "ping 192.168.1.1 from sv9-4: " + ping.marks());
    assertEquals(NegativeLab.events(lab.routers.hub(), NodeEventKind.IPSEC_PHASE2_FAILED,
        "no IPsec proposal chosen").isEmpty(), !refused, "hub: phase 2 SA policy not acceptable");
    assertEquals(NegativeLab.events(lab.routers.sv94(), NodeEventKind.IPSEC_PHASE2_FAILED,
        "peer rejected Quick Mode with NO-PROPOSAL-CHOSEN").isEmpty(), !refused, "sv9-4: refusal received");

    assertEquals(lab.count(from(HUB, SV94).and(mainMode(6))), 1, "MM6: Phase 1 completes once");
    long qm1 = lab.count(from(SV94, HUB).and(isakmp(ExchangeType.QUICK_MODE)));
    long qm2 = lab.count(from(HUB, SV94).and(isakmp(ExchangeType.QUICK_MODE)));
    assertTrue(qm1 >= 1, "QM1 (and QM3) from sv9-4");
    List<NotifyPayload> notifies = notifies(lab, from(HUB, SV94));
    if (refused) {
      assertEquals(qm2, 0, "no QM2");
      assertFalse(notifies.isEmpty(), "encrypted Informational from the hub");
      for (NotifyPayload n : notifies) {
        assertEquals(n.notifyType(), NotifyType.NO_PROPOSAL_CHOSEN);
        assertEquals(n.protocolId(), ProposalPayload.PROTO_IPSEC_ESP, "protocol 3");
      }
      assertEquals(notifies.size(), qm1, "one refusal per Quick Mode sv9-4 starts");
      assertEquals(lab.count(between(SV94, HUB).and(esp())), 0, "no ESP");
    } else {
      assertTrue(qm2 >= 1, "QM2 from the hub");
      assertEquals(qm1, 2 * qm2, "every QM1 answered by a QM2 and closed by a QM3 (rekeys every 90 s included)");
      assertTrue(notifies.isEmpty(), "no notify from the hub");
      assertTrue(lab.count(from(SV94, HUB).and(esp())) > 0, "ESP from sv9-4");
    }
    assertTrue(lab.count(from(SV93, HUB).and(esp())) > 0, "control: ESP from sv9-3");
  }

  /** The Notify payloads of the decrypted Informationals matching {@code direction}. */
  static List<NotifyPayload> notifies(NegativeLab lab, java.util.function.Predicate<DecodedFrame> direction) {
    List<NotifyPayload> out = new ArrayList<>();
    for (DecodedFrame f : lab.hubFrames()) {
      if (direction.and(isakmp(ExchangeType.INFORMATIONAL)).test(f)) {
        assertTrue(f.isakmp().encrypted(), "the refusal is protected by the ISAKMP SA");
        assertTrue(f.isakmpDecrypted() != null, "decrypted with the exported key, frame " + f.number());
        for (IsakmpPayload p : f.isakmpDecrypted()) {
          if (p instanceof NotifyPayload n) {
            out.add(n);
          }
        }
      }
    }
    return out;
  }

  /** Encapsulation modes offered in sv9-4's decrypted QM1s (IPsec DOI attribute 4). */
  static List<Long> offeredModes(NegativeLab lab) {
    List<Long> out = new ArrayList<>();
    for (DecodedFrame f : lab.hubFrames()) {
      if (from(SV94, HUB).and(isakmp(ExchangeType.QUICK_MODE)).test(f) && f.isakmpDecrypted() != null) {
        for (IsakmpPayload p : f.isakmpDecrypted()) {
          if (p instanceof SaPayload sa) {
            for (ProposalPayload prop : sa.proposals()) {
              for (TransformPayload t : prop.transforms()) {
                out.add(t.attribute(dev.dmvpn.ref.isakmp.IpsecAttributes.ENCAPSULATION_MODE).longValue());
              }
            }
          }
        }
      }
    }
    return out;
  }
}
