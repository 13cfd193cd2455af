package dev.dmvpn.ref.node.scenario;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

import dev.dmvpn.ref.capture.DecodedFrame;
import dev.dmvpn.ref.ipsec.EspMode;
import dev.dmvpn.ref.l2l3.IpProtocol;
import dev.dmvpn.ref.nhrp.NhrpPacketType;
import dev.dmvpn.ref.node.DmvpnNode;
import dev.dmvpn.ref.node.NodeEventKind;
import java.util.List;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Factory;
import org.testng.annotations.Test;

/**
 * The document's routers with NAT traversal forced (strongSwan's {@code encap = yes}; IOS floats the same way when
 * NAT-D finds a NAT): IKE floats to UDP 4500 from MM5 on and the node's data plane sends ESP inside UDP 4500 (RFC
 * 3948) in the transform set's mode, hub and spoke to spoke. Judged on the captures, decrypted with the exported
 * keys.
 */
public class UdpEncapsulatedTunnelTest {
  private final EspMode mode;
  private TunnelLab lab;
  private boolean direct;
  private DecodedCapture hub;
  private DecodedCapture spokes;

  @Factory(dataProvider = "modes")
  public UdpEncapsulatedTunnelTest(EspMode mode) {
    this.mode = mode;
  }

  @DataProvider
  public static Object[][] modes() {
    return new Object[][] {{EspMode.TUNNEL}, {EspMode.TRANSPORT}};
  }

  @BeforeClass
  public void run() throws Exception {
    lab = new TunnelLab("udp-encap-" + mode, 3,
        ike -> DocumentRouters.withMode(ike, mode).withForcedUdpEncapsulation(true));
    assertTrue(lab.startAndRegister(), "both spokes registered over UDP-encapsulated ESP");
    direct = lab.pingUntilSpokeToSpoke(4);
    DecodedCapture[] c = lab.finish();
    hub = c[0];
    spokes = c[1];
  }

  @Test
  public void spokesReachEachOtherDirectly() {
    assertTrue(direct, "NHRP shortcut and SAs between the spokes, echoes answered");
    for (DmvpnNode n : lab.nodes()) {
      assertEquals(n.events().count(NodeEventKind.INTERNAL_ERROR), 0);
      assertTrue(n.events().events().stream().filter(e -> e.kind() == NodeEventKind.IPSEC_SA_UP)
          .allMatch(e -> e.text().contains(" in UDP")), n.name() + ": every pair UDP-encapsulated");
    }
  }

  @Test
  public void everyEspPacketTravelsInUdp4500AndOpens() {
    int esp = 0;
    for (DecodedCapture c : List.of(hub, spokes)) {
      for (DecodedFrame f : c.frames) {
        assertTrue(f.ok(), "frame " + f.number() + ": " + f.error());
        assertFalse(f.ipv4() != null && f.ipv4().protocol().value() == IpProtocol.ESP.value(),
            "no plain ESP (protocol 50), frame " + f.number());
        if (f.esp() != null) {
          esp++;
          assertEquals(f.udp().destinationPort(), 4500, "frame " + f.number());
          assertEquals(f.udp().sourcePort(), 4500, "frame " + f.number());
          assertEquals(f.espDecryption(), "ok", "frame " + f.number());
          assertEquals(f.espNextHeader(), mode == EspMode.TUNNEL ? 4 : 47, "frame " + f.number());
        }
      }
    }
    assertTrue(esp > 10, esp + " ESP frames");
    assertFalse(hub.where(DecodedCapture.nhrp(NhrpPacketType.REGISTRATION_REPLY)).isEmpty(),
        "registration replies decrypted from ESP-in-UDP");
  }
}
