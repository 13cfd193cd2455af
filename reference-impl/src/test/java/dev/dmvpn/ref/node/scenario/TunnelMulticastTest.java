package dev.dmvpn.ref.node.scenario;

import static dev.dmvpn.ref.node.scenario.DecodedCapture.insideEsp;
import static dev.dmvpn.ref.node.scenario.DecodedCapture.outer;
import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

import dev.dmvpn.ref.bytes.Ipv4Address;
import dev.dmvpn.ref.capture.DecodedFrame;
import dev.dmvpn.ref.gre.GreProtocolType;
import dev.dmvpn.ref.l2l3.IpProtocol;
import dev.dmvpn.ref.l2l3.Ipv4Packet;
import dev.dmvpn.ref.node.DmvpnNode;
import dev.dmvpn.ref.node.NodeCounter;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

/**
 * Multicast over the mGRE tunnel in the document's topology: the hub ({@code ip nhrp map multicast dynamic})
 * replicates an EIGRP hello to both registered spokes, a spoke ({@code ip nhrp map multicast 209.168.202.225})
 * sends its hello to the hub only, and nobody re-replicates what it received. Judged on the captured frames,
 * decrypted with the keys the nodes exported.
 */
public class TunnelMulticastTest {
  static final String HUB = "209.168.202.225";
  static final String SV93 = "209.168.202.131";
  static final String SV94 = "209.168.202.130";
  static final Ipv4Address EIGRP_ROUTERS = Ipv4Address.parse("224.0.0.10");
  static final IpProtocol EIGRP = IpProtocol.valueOf(88);
  /** An EIGRP hello header (version 2, opcode 5 hello, AS 90) with a parameter TLV: content is opaque here. */
  static final byte[] HELLO = {
    2, 5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 90,
    0, 1, 0, 12, 1, 0, 1, 0, 0, 0, 0, 15
  };

  private TunnelLab lab;
  private int hubCopies;
  private int spokeCopies;
  private DecodedCapture hubSide;
  private DecodedCapture spokeSide;

  @BeforeClass
  public void run() throws Exception {
    lab = new TunnelLab("tunnel-multicast", 11, false);
    assertTrue(lab.startAndRegister(), "both spokes registered");
    DmvpnNode hub = lab.routers.hub();
    hubCopies = hub.sendMulticast(DocumentRouters.TUNNEL, EIGRP, EIGRP_ROUTERS, HELLO);
    lab.pass(Duration.ofSeconds(2));
    spokeCopies = lab.routers.sv94().sendMulticast(DocumentRouters.TUNNEL, EIGRP, EIGRP_ROUTERS, HELLO);
    lab.pass(Duration.ofSeconds(2));
    DecodedCapture[] c = lab.finish();
    hubSide = c[0];
    spokeSide = c[1];
  }

  static Predicate<DecodedFrame> hello(String tunnelSource) {
    Ipv4Address s = Ipv4Address.parse(tunnelSource);
    return f -> f.innerIpv4() != null && f.innerIpv4().destination().equals(EIGRP_ROUTERS)
        && f.innerIpv4().source().equals(s);
  }

  @Test
  public void noInternalErrorsAndNothingDroppedForMulticastOrTeardown() {
    for (DmvpnNode n : lab.nodes()) {
      assertTrue(n.events().events().stream().noneMatch(e -> e.kind() == dev.dmvpn.ref.node.NodeEventKind.INTERNAL_ERROR
          || (e.kind() == dev.dmvpn.ref.node.NodeEventKind.DROP && e.text().contains("protocol unreachable"))),
          n.name() + ": " + n.events().events());
    }
  }

  @Test
  public void hubReplicatesToEachRegisteredSpokeOnceInsideEsp() {
    assertEquals(hubCopies, 2, "map multicast dynamic: the two registered spokes");
    for (String spoke : List.of(SV93, SV94)) {
      List<DecodedFrame> copies = hubSide.where(hello("192.168.1.1").and(outer(HUB, spoke)));
      assertEquals(copies.size(), 1, "exactly one copy to " + spoke);
      DecodedFrame f = copies.get(0);
      assertTrue(insideEsp().test(f), "the copy travels inside the spoke's ESP SA");
      assertEquals(f.gre().protocolType().value(), GreProtocolType.IPV4.value(), "GRE 0x0800");
      assertEquals(f.gre().key(), Long.valueOf(0), "tunnel key 0");
      Ipv4Packet inner = f.innerIpv4();
      assertEquals(inner.protocol().value(), 88);
      assertEquals(inner.ttl(), 2, "as IOS sends EIGRP");
      assertEquals(inner.tos(), 0xC0);
      assertEquals(inner.payload(), HELLO);
      assertEquals(spokeSide.where(hello("192.168.1.1").and(outer(HUB, spoke))).size(), 1,
          "and it arrives at " + spoke + " once");
    }
  }

  @Test
  public void spokesDeliverTheHelloLocallyAndDoNotReReplicateIt() {
    for (DmvpnNode spoke : List.of(lab.routers.sv93(), lab.routers.sv94())) {
      assertEquals(spoke.counters().get(NodeCounter.MULTICAST_IN), 1L, spoke.name());
      Ipv4Packet got = spoke.tunnel(DocumentRouters.TUNNEL).multicastReceived().get(0);
      assertEquals(got.source(), DocumentRouters.HUB_TUNNEL);
      assertEquals(got.destination(), EIGRP_ROUTERS);
    }
    assertEquals(lab.routers.sv93().counters().get(NodeCounter.MULTICAST_OUT), 0L, "sv9-3 sent none");
    assertEquals(spokeSide.where(hello("192.168.1.1").and(outer(SV93, HUB).or(outer(SV94, HUB))
        .or(outer(SV93, SV94)).or(outer(SV94, SV93)))).size(), 0, "no spoke passes the hub's hello on");
  }

  @Test
  public void spokeMulticastReachesOnlyTheHub() {
    assertEquals(spokeCopies, 1, "ip nhrp map multicast 209.168.202.225 only");
    List<DecodedFrame> all = spokeSide.where(hello("192.168.1.3"));
    assertEquals(all.size(), 1, "one copy on the spokes' segment");
    assertTrue(outer(SV94, HUB).test(all.get(0)) && insideEsp().test(all.get(0)), "to the hub inside ESP");
    assertEquals(hubSide.where(hello("192.168.1.3")).size(), 1, "the hub receives it and sends nothing back");
    assertEquals(lab.routers.hub().counters().get(NodeCounter.MULTICAST_IN), 1L);
    assertEquals(lab.routers.hub().tunnel(DocumentRouters.TUNNEL).multicastReceived().get(0).source(),
        DocumentRouters.SV9_4_TUNNEL);
    assertEquals(lab.routers.hub().counters().get(NodeCounter.MULTICAST_OUT), 2L, "only its own hello's copies");
    assertEquals(lab.routers.sv93().counters().get(NodeCounter.MULTICAST_IN), 1L, "sv9-3 got only the hub's");
  }
}
