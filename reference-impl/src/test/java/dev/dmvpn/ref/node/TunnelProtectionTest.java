package dev.dmvpn.ref.node;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

import dev.dmvpn.ref.bytes.ByteReader;
import dev.dmvpn.ref.bytes.Ipv4Address;
import dev.dmvpn.ref.ike.IkeConfig;
import dev.dmvpn.ref.l2l3.IpProtocol;
import dev.dmvpn.ref.l2l3.UdpCodec;
import dev.dmvpn.ref.l2l3.UdpDatagram;
import dev.dmvpn.ref.time.SimulatedScheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.testng.annotations.BeforeMethod;
import org.testng.annotations.Test;

/**
 * {@link TunnelProtection} alone: two of them (the document's spoke sv9-3 and hub sv9-2 NBMA addresses and IKE
 * configuration) behind {@link FakeNodeServices} whose "wire" hands each originated UDP 500/4500 or ESP packet to
 * the other, 1 ms later. What IOS does (seed debug, line 563: "reason:IPSEC-IFC: need to wait for IPsec SAs."):
 * the first GRE packet to a peer without SAs starts IKE and is dropped with the default queue limit 0; once Quick
 * Mode is done GRE leaves inside ESP and arrives intact.
 */
public class TunnelProtectionTest {
  private static final Ipv4Address SPOKE = Ipv4Address.parse("209.168.202.131");
  private static final Ipv4Address HUB = Ipv4Address.parse("209.168.202.225");
  /** GRE (RFC 2784: no flags, protocol 0x0800) around a 4-byte stand-in for the inner packet. */
  private static final byte[] GRE = {0x00, 0x00, 0x08, 0x00, (byte) 0xCA, (byte) 0xFE, 0x12, 0x34};

  private SimulatedScheduler clock;
  private FakeNodeServices spokeNode;
  private FakeNodeServices hubNode;
  private RecordingTunnel spokeTunnel;
  private RecordingTunnel hubTunnel;

  /** The tunnel side of a protection: records the GRE it is handed. */
  private static final class RecordingTunnel implements ProtectedTunnel {
    final Ipv4Address source;
    final List<byte[]> gre = new ArrayList<>();

    RecordingTunnel(Ipv4Address source) {
      this.source = source;
    }

    @Override
    public String name() {
      return "Tunnel0";
    }

    @Override
    public Ipv4Address sourceAddress() {
      return source;
    }

    @Override
    public void receiveGre(Ipv4Address nbmaSource, byte[] bytes) {
      gre.add(bytes);
    }
  }

  @BeforeMethod
  public void fresh() {
    clock = new SimulatedScheduler();
    spokeNode = new FakeNodeServices("sv9-3", clock, 3);
    hubNode = new FakeNodeServices("sv9-2", clock, 2);
    spokeTunnel = new RecordingTunnel(SPOKE);
    hubTunnel = new RecordingTunnel(HUB);
  }

  private TunnelProtection[] pair(int spokeQueueLimit) {
    TunnelProtection spoke = new TunnelProtection(spokeNode, spokeTunnel, IkeConfig.document(SPOKE), spokeQueueLimit);
    TunnelProtection hub = new TunnelProtection(hubNode, hubTunnel, IkeConfig.document(HUB), 0);
    spokeNode.wire = s -> clock.schedule(Duration.ofMillis(1), () -> deliver(s, hub));
    hubNode.wire = s -> clock.schedule(Duration.ofMillis(1), () -> deliver(s, spoke));
    return new TunnelProtection[] {spoke, hub};
  }

  /** What the node's IP layer does with protocol 50 and UDP 500/4500 addressed to the tunnel source. */
  private static void deliver(FakeNodeServices.Sent s, TunnelProtection to) {
    if (s.protocol().value() == IpProtocol.ESP.value()) {
      to.receiveEsp(s.source(), s.payload());
      return;
    }
    UdpDatagram d = UdpCodec.decode(ByteReader.of(s.payload())).value();
    if (d.destinationPort() == IkeConfig.NAT_T_PORT) {
      to.receiveNatT(s.source(), d.sourcePort(), d.payload());
    } else {
      to.receiveIke(s.source(), d.sourcePort(), d.payload());
    }
  }

  @Test
  public void theFirstGreToANewPeerStartsIkeAndIsDropped() {
    TunnelProtection spoke = pair(TunnelConfig.DEFAULT_QUEUE_LIMIT)[0];
    spoke.send(HUB, GRE, 0);
    assertEquals(spokeNode.drops, List.of("ipsec: need to wait for IPsec SAs"));
    assertEquals(spokeNode.events.count(NodeEventKind.IPSEC_CONNECT), 1);
    assertEquals(spokeNode.sent(IpProtocol.ESP), List.of());
    List<FakeNodeServices.Sent> ike = spokeNode.sent(IpProtocol.UDP);
    assertEquals(ike.size(), 1, "Main Mode message 1");
    UdpDatagram mm1 = UdpCodec.decode(ByteReader.of(ike.get(0).payload())).value();
    assertEquals(mm1.sourcePort(), 500);
    assertEquals(mm1.destinationPort(), 500);
    assertEquals(ike.get(0).source(), SPOKE);
    assertEquals(ike.get(0).destination(), HUB);
    // a second packet while IKE runs is dropped too, and does not start a second exchange
    spoke.send(HUB, GRE, 0);
    assertEquals(spokeNode.drops.size(), 2);
    assertEquals(spokeNode.events.count(NodeEventKind.IPSEC_CONNECT), 1);
    assertFalse(spoke.isReady(HUB));
  }

  @Test
  public void onceTheSasAreUpGreTravelsInEspAndArrivesIntact() {
    TunnelProtection[] p = pair(TunnelConfig.DEFAULT_QUEUE_LIMIT);
    p[0].send(HUB, GRE, 0);
    clock.advance(Duration.ofSeconds(2));
    assertTrue(p[0].isReady(HUB), "spoke has an outbound SA");
    assertTrue(p[1].isReady(SPOKE), "hub has an outbound SA");
    assertEquals(spokeNode.events.count(NodeEventKind.IPSEC_SA_UP), 1);
    assertEquals(hubTunnel.gre, List.of(), "the dropped first packet never arrives");

    p[0].send(HUB, GRE, 0xC0);
    assertEquals(spokeNode.counters.get(NodeCounter.ESP_OUT), 1);
    List<FakeNodeServices.Sent> esp = spokeNode.sent(IpProtocol.ESP);
    assertEquals(esp.size(), 1);
    assertEquals(esp.get(0).destination(), HUB);
    assertEquals(esp.get(0).tos(), 0xC0, "outer TOS copied from the GRE packet");
    assertFalse(contains(esp.get(0).payload(), GRE), "GRE is encrypted, not in clear");
    clock.advance(Duration.ofMillis(5));
    assertEquals(hubTunnel.gre.size(), 1);
    assertTrue(Arrays.equals(hubTunnel.gre.get(0), GRE));
    assertEquals(hubNode.counters.get(NodeCounter.ESP_IN), 1);
    assertEquals(spokeNode.drops, List.of("ipsec: need to wait for IPsec SAs"));
  }

  @Test
  public void aQueueHoldsPacketsUpToItsLimitAndReleasesThemInOrder() {
    TunnelProtection spoke = pair(2)[0];
    byte[] second = GRE.clone();
    second[7] = 0x35;
    byte[] third = GRE.clone();
    third[7] = 0x36;
    spoke.send(HUB, GRE, 0);
    spoke.send(HUB, second, 0);
    spoke.send(HUB, third, 0);
    assertEquals(spokeNode.counters.get(NodeCounter.IPSEC_QUEUED), 2);
    assertEquals(spokeNode.drops, List.of("ipsec: need to wait for IPsec SAs"), "the third is over the limit");
    clock.advance(Duration.ofSeconds(2));
    assertEquals(hubTunnel.gre.size(), 2);
    assertTrue(Arrays.equals(hubTunnel.gre.get(0), GRE));
    assertTrue(Arrays.equals(hubTunnel.gre.get(1), second));
  }

  private static boolean contains(byte[] haystack, byte[] needle) {
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
        return true;
      }
    }
    return false;
  }
}
