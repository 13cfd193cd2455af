package dev.dmvpn.ref.node.scenario;

import static dev.dmvpn.ref.node.scenario.NegativeLab.HUB;
import static dev.dmvpn.ref.node.scenario.NegativeLab.SV93;
import static dev.dmvpn.ref.node.scenario.NegativeLab.SV94;
import static dev.dmvpn.ref.node.scenario.NegativeLab.from;
import static dev.dmvpn.ref.node.scenario.NegativeLab.nhrp;
import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

import dev.dmvpn.ref.capture.DecodedFrame;
import dev.dmvpn.ref.nhrp.NhrpPacketType;
import dev.dmvpn.ref.nhrp.engine.NhrpEventType;
import dev.dmvpn.ref.node.NodeEventKind;
import dev.dmvpn.ref.node.Pinger;
import java.time.Duration;
import java.util.List;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

/**
 * Mismatched {@code tunnel key}: sv9-4 with {@code tunnel key 1}, the hub and sv9-3 with the document's {@code
 * tunnel key 0}. The key is not part of IPsec: the first GRE packet starts IKE and the SAs come up. Inside ESP the
 * hub finds GRE with key 1, which matches no tunnel of its own (a receiver picks the tunnel by the key before it
 * decapsulates), and drops it before NHRP sees it: no Registration Reply, no NHRP error, nothing counted by NHRP;
 * sv9-4 retries with its back-off. With the document's key the same checks see none of it.
 */
public class NegativeTunnelKeyTest {
  static final Duration RUN = Duration.ofSeconds(200);

  @DataProvider
  public Object[][] keys() {
    return new Object[][] {
      {RouterChange.tunnelKey("sv9-4", 1L), true},
      {RouterChange.tunnelKey("sv9-4", null), true},
      {RouterChange.none(), false}
    };
  }

  @Test(dataProvider = "keys")
  public void greWithAnotherKeyIsDroppedByTheHubAndNoReplyComes(RouterChange change, boolean mismatched) {
    NegativeLab lab = new NegativeLab(change, 17);
    lab.pass(RUN);
    Pinger ping = lab.pingHubFromSv94();
    Long sv94Key = NegativeLab.tunnel(lab.routers.sv94()).config().key();
    var hubNhrp = NegativeLab.tunnel(lab.routers.hub()).nhrp();

    assertTrue(NegativeLab.ipsecUp(lab.routers.sv94(), HUB) && NegativeLab.ipsecUp(lab.routers.hub(), SV94),
        "IPsec SAs between sv9-4 and the hub: the key is GRE's, not IPsec's");
    assertEquals(NegativeLab.registered(lab.routers.sv94()), !mismatched, "sv9-4 registered");
    assertEquals(lab.hubKnows(DocumentRouters.SV9_4_TUNNEL), !mismatched, "hub's entry for 192.168.1.3");
    assertTrue(NegativeLab.registered(lab.routers.sv93()) && lab.hubKnows(DocumentRouters.SV9_3_TUNNEL));
    assertEquals(ping.answered(), mismatched ? 0 : 5, "ping 192.168.1.1 from sv9-4: " + ping.marks());

    long dropped = lab.routers.hub().counters().drops("gre: key mismatch");
    assertEquals(dropped > 0, mismatched, "hub: GRE dropped for its key (" + dropped + ")");
    assertEquals(NegativeLab.events(lab.routers.hub(), NodeEventKind.DROP, "key " + sv94Key + " from " + SV94)
        .isEmpty(), !mismatched, "hub drop events name the key and the sender");
    assertEquals(hubNhrp.events().events(NhrpEventType.REGISTRATION_RECEIVED).stream()
        .anyMatch(e -> SV94.equals(e.nbma())), !mismatched, "the hub's NHRP saw sv9-4's registration");
    assertEquals(hubNhrp.counters().dropped(), 0, "NHRP itself dropped nothing: GRE did");

    // wire: sv9-4's GRE inside ESP carries its own key; nothing NHRP comes back to it
    List<DecodedFrame> requests = lab.hubFrames().stream()
        .filter(from(SV94, HUB).and(nhrp(NhrpPacketType.REGISTRATION_REQUEST))).toList();
    assertFalse(requests.isEmpty());
    for (DecodedFrame f : requests) {
      assertEquals(f.gre().key(), sv94Key, "GRE key of sv9-4's registration");
    }
    assertEquals(lab.count(from(HUB, SV94).and(f -> f.nhrp() != null)) == 0, mismatched,
        "NHRP from the hub to sv9-4");
    for (DecodedFrame f : lab.hubFrames().stream().filter(from(HUB, SV93).and(f -> f.gre() != null)).toList()) {
      assertEquals(f.gre().key(), Long.valueOf(0), "the hub keeps the document's key 0 (K bit set)");
    }
  }
}
