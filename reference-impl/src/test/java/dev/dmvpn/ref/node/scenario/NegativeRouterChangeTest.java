package dev.dmvpn.ref.node.scenario;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

import dev.dmvpn.ref.ike.TransformSet;
import dev.dmvpn.ref.ipsec.EspEncryption;
import dev.dmvpn.ref.ipsec.EspIntegrity;
import dev.dmvpn.ref.ipsec.EspMode;
import dev.dmvpn.ref.node.DmvpnNode;
import dev.dmvpn.ref.time.SimulatedScheduler;
import dev.dmvpn.ref.wire.virtual.DocumentWan;
import java.util.List;
import org.testng.annotations.Test;

/** {@link RouterChange}: one line of one router changes, the others keep the document's, secrets stay masked. */
public class NegativeRouterChangeTest {

  private static DocumentRouters build(RouterChange c) {
    SimulatedScheduler s = new SimulatedScheduler();
    return DocumentRouters.build(s, DocumentWan.create(s, 1), 1, c);
  }

  private static List<DmvpnNode> others(DocumentRouters r) {
    return List.of(r.hub(), r.sv93());
  }

  @Test
  public void onlyTheNamedRouterChanges() {
    DocumentRouters r = build(RouterChange.networkId("sv9-4", 2));
    assertEquals(NegativeLab.tunnel(r.sv94()).nhrp().config().networkId(), 2L);
    for (DmvpnNode n : others(r)) {
      assertEquals(NegativeLab.tunnel(n).nhrp().config().networkId(), 1L, n.name());
    }
    r = build(RouterChange.tunnelKey("sv9-4", null));
    assertEquals(NegativeLab.tunnel(r.sv94()).config().key(), null);
    assertEquals(NegativeLab.tunnel(r.hub()).config().key(), Long.valueOf(0));
    r = build(RouterChange.mode("sv9-2", EspMode.TRANSPORT));
    assertEquals(NegativeLab.tunnel(r.hub()).config().protection().profile().transformSets().get(0).mode(),
        EspMode.TRANSPORT);
    assertEquals(NegativeLab.tunnel(r.sv94()).config().protection().profile().transformSets().get(0).mode(),
        EspMode.TUNNEL);
    r = build(RouterChange.nhrpAuthentication("sv9-3", "other"));
    assertEquals(NegativeLab.tunnel(r.sv93()).nhrp().config().authentication(), "other");
    assertEquals(NegativeLab.tunnel(r.sv94()).nhrp().config().authentication(), "cisco123");
  }

  @Test
  public void linesNameTheChangeWithoutItsSecret() {
    RouterChange psk = RouterChange.preSharedKey("sv9-4", "topsecret");
    RouterChange auth = RouterChange.nhrpAuthentication("sv9-4", "nhrpsec");
    assertFalse(psk.toString().contains("topsecret"), psk.toString());
    assertFalse(auth.toString().contains("nhrpsec"), auth.toString());
    assertEquals(psk.toString(), "sv9-4: crypto isakmp key ***** address 0.0.0.0 0.0.0.0");
    TransformSet desSha = new TransformSet("strong", EspEncryption.DES_CBC, EspIntegrity.HMAC_SHA1_96,
        EspMode.TUNNEL);
    assertEquals(RouterChange.transformSet("sv9-4", desSha).line(),
        "crypto ipsec transform-set strong esp-des esp-sha-hmac");
    assertEquals(RouterChange.tunnelKey("sv9-4", 1L).line(), "tunnel key 1");
    assertTrue(RouterChange.none().toString().contains("document"));
  }
}
