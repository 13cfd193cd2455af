package dev.dmvpn.ref.node.scenario;

import static dev.dmvpn.ref.node.scenario.NegativeLab.HUB;
import static dev.dmvpn.ref.node.scenario.NegativeLab.SV94;
import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

import dev.dmvpn.ref.capture.CapturedFrame;
import dev.dmvpn.ref.capture.DecodedFrame;
import dev.dmvpn.ref.nhrp.NhrpPacketType;
import dev.dmvpn.ref.node.Pinger;
import java.time.Duration;
import java.util.List;
import org.testng.annotations.Test;

/**
 * Mismatched {@code ip nhrp network-id} (sv9-4: 2, hub and sv9-3: 1). The network-id is local to a router: it
 * groups the router's own NHRP interfaces and no NHRP field carries it (FRR nhrpd documentation: "local only
 * parameter and is not sent to other NHRP nodes"; RFC 2332 has no such field; protocol-notes 2.7). So a mismatch
 * breaks nothing by itself: sv9-4 registers, the hub caches it, the ping works, and, with the same seed, the
 * hub's segment carries byte for byte the same frames as with the document's network-id. A change that did reach
 * the wire (the tunnel key, in {@link NegativeTunnelKeyTest}) makes the same comparison differ.
 */
public class NegativeNetworkIdTest {
  static final Duration RUN = Duration.ofSeconds(200);

  private static NegativeLab run(RouterChange change) {
    NegativeLab lab = new NegativeLab(change, 13);
    lab.pass(RUN);
    Pinger p = lab.pingHubFromSv94();
    assertEquals(p.answered(), 5, change + ": ping 192.168.1.1 from sv9-4: " + p.marks());
    return lab;
  }

  @Test
  public void aMismatchedNetworkIdChangesNothingOnTheWireOrInState() {
    NegativeLab mismatched = run(RouterChange.networkId("sv9-4", 2));
    NegativeLab document = run(RouterChange.none());
    assertEquals(NegativeLab.tunnel(mismatched.routers.sv94()).nhrp().config().networkId(), 2L);
    assertEquals(NegativeLab.tunnel(mismatched.routers.hub()).nhrp().config().networkId(), 1L);
    for (NegativeLab lab : List.of(mismatched, document)) {
      assertTrue(NegativeLab.registered(lab.routers.sv94()) && NegativeLab.registered(lab.routers.sv93()));
      assertTrue(lab.hubKnows(DocumentRouters.SV9_4_TUNNEL) && lab.hubKnows(DocumentRouters.SV9_3_TUNNEL));
      assertTrue(NegativeLab.ipsecUp(lab.routers.sv94(), HUB) && NegativeLab.ipsecUp(lab.routers.hub(), SV94));
      assertEquals(NegativeLab.tunnel(lab.routers.hub()).nhrp().counters().dropped(), 0, "hub dropped no NHRP");
    }
    assertTrue(mismatched.count(NegativeLab.from(HUB, SV94).and(NegativeLab.nhrp(
        NhrpPacketType.REGISTRATION_REPLY))) > 0, "the hub answers sv9-4's registration");
    List<DecodedFrame> a = mismatched.hubFrames();
    List<DecodedFrame> b = document.hubFrames();
    assertEquals(a.size(), b.size(), "frames on the hub's segment");
    for (int i = 0; i < a.size(); i++) {
      CapturedFrame fa = a.get(i).frame();
      CapturedFrame fb = b.get(i).frame();
      assertEquals(fa.timestampNanos(), fb.timestampNanos(), "frame " + (i + 1) + " time");
      assertEquals(fa.data(), fb.data(), "frame " + (i + 1) + " bytes");
    }
  }

  /** The comparison above can fail: the same seed with another tunnel key on sv9-4 gives other frames. */
  @Test
  public void theSameComparisonSeesAChangeThatReachesTheWire() {
    NegativeLab keyed = new NegativeLab(RouterChange.tunnelKey("sv9-4", 1L), 13);
    keyed.pass(RUN);
    keyed.pingHubFromSv94();
    NegativeLab document = run(RouterChange.none());
    List<DecodedFrame> a = keyed.hubFrames();
    List<DecodedFrame> b = document.hubFrames();
    boolean differ = a.size() != b.size();
    for (int i = 0; !differ && i < a.size(); i++) {
      differ = !java.util.Arrays.equals(a.get(i).frame().data(), b.get(i).frame().data());
    }
    assertTrue(differ, "a tunnel key on sv9-4 changes the hub's segment");
  }
}
