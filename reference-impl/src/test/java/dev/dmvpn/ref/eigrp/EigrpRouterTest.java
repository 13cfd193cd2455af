package dev.dmvpn.ref.eigrp;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertNull;
import static org.testng.Assert.assertTrue;

import dev.dmvpn.ref.bytes.Ipv4Address;
import dev.dmvpn.ref.wire.ip.Ipv4Prefix;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import org.testng.annotations.Test;

/**
 * The document's EIGRP on a simulated clock: hub sv9-2 (Tunnel0 192.168.1.1, Fa0/1 1.1.1.1/24, {@code no ip
 * split-horizon eigrp 90}), spokes sv9-3 (192.168.1.2, 2.2.2.2/24) and sv9-4 (192.168.1.3, 3.3.3.3/24). On the
 * mGRE "segment" the hub's multicast reaches both spokes ({@code map multicast dynamic}) and a spoke's only the
 * hub ({@code map multicast 209.168.202.225}). Expected metrics are worked out by hand in
 * {@link CompositeMetricTest}: 297,246,976 for a LAN one tunnel away, 310,046,976 two tunnels away.
 */
public class EigrpRouterTest {

  static EigrpTestNet document(boolean hubSplitHorizon, boolean hubNextHopSelf) {
    EigrpTestNet net = new EigrpTestNet();
    for (String r : List.of("sv9-2", "sv9-3", "sv9-4")) {
      net.router(r, EigrpRouterConfig.of(90, false));
    }
    net.attach("sv9-2", "mgre", EigrpTestNet.mgre("Tunnel0", "192.168.1.1/24").withSplitHorizon(hubSplitHorizon)
        .withNextHopSelf(hubNextHopSelf), null);
    net.attach("sv9-3", "mgre", EigrpTestNet.mgre("Tunnel0", "192.168.1.2/24"), List.of("sv9-2"));
    net.attach("sv9-4", "mgre", EigrpTestNet.mgre("Tunnel0", "192.168.1.3/24"), List.of("sv9-2"));
    net.attach("sv9-2", "lan2", EigrpTestNet.lan("FastEthernet0/1", "1.1.1.1/24"), null);
    net.attach("sv9-3", "lan3", EigrpTestNet.lan("FastEthernet0/1", "2.2.2.2/24"), null);
    net.attach("sv9-4", "lan4", EigrpTestNet.lan("FastEthernet0/1", "3.3.3.3/24"), null);
    return net;
  }

  @Test
  public void spokesLearnEachOthersLanThroughTheHub() {
    EigrpTestNet net = document(false, true);
    net.startAll();
    net.run(Duration.ofSeconds(5));
    // the hub learns each spoke's LAN from that spoke: 256 x (1,111,111 + 50,010) = 297,246,976
    assertEquals(net.route("sv9-2", "2.2.2.0/24"), "D 2.2.2.0/24 [90/297246976] via 192.168.1.2, Tunnel0");
    assertEquals(net.route("sv9-2", "3.3.3.0/24"), "D 3.3.3.0/24 [90/297246976] via 192.168.1.3, Tunnel0");
    // a spoke learns the hub's LAN one tunnel away and the other spoke's LAN two tunnels away, via the hub
    // (next-hop-self, the 12.3 default): 256 x (1,111,111 + 100,010) = 310,046,976
    assertEquals(net.route("sv9-4", "1.1.1.0/24"), "D 1.1.1.0/24 [90/297246976] via 192.168.1.1, Tunnel0");
    assertEquals(net.route("sv9-4", "2.2.2.0/24"), "D 2.2.2.0/24 [90/310046976] via 192.168.1.1, Tunnel0");
    assertEquals(net.route("sv9-3", "3.3.3.0/24"), "D 3.3.3.0/24 [90/310046976] via 192.168.1.1, Tunnel0");
    assertNull(net.route("sv9-4", "192.168.1.0/24"), "the tunnel subnet is connected, not installed from EIGRP");
    List<EigrpNeighborSnapshot> hubNeighbors = net.routers.get("sv9-2").neighbors();
    assertEquals(hubNeighbors.size(), 2);
    assertTrue(hubNeighbors.stream().allMatch(EigrpNeighborSnapshot::up));
    // the spokes announce the NBMA hold time of 180 s (9 kbit/s mGRE); a hello every 60 s
    assertTrue(hubNeighbors.get(0).holdSecondsLeft() > 170, hubNeighbors.toString());
  }

  @Test
  public void noNextHopSelfKeepsTheOriginatingSpokeAsNextHop() {
    EigrpTestNet net = document(false, false);
    net.startAll();
    net.run(Duration.ofSeconds(5));
    assertEquals(net.route("sv9-4", "2.2.2.0/24"), "D 2.2.2.0/24 [90/310046976] via 192.168.1.2, Tunnel0");
    assertEquals(net.route("sv9-3", "3.3.3.0/24"), "D 3.3.3.0/24 [90/310046976] via 192.168.1.3, Tunnel0");
    // the hub's own LAN still has the hub as next hop
    assertEquals(net.route("sv9-4", "1.1.1.0/24"), "D 1.1.1.0/24 [90/297246976] via 192.168.1.1, Tunnel0");
  }

  @Test
  public void splitHorizonOnTheHubHidesTheSpokesFromEachOther() {
    EigrpTestNet net = document(true, true);
    net.startAll();
    net.run(Duration.ofSeconds(5));
    assertEquals(net.route("sv9-2", "2.2.2.0/24"), "D 2.2.2.0/24 [90/297246976] via 192.168.1.2, Tunnel0");
    assertNull(net.route("sv9-4", "2.2.2.0/24"));
    assertNull(net.route("sv9-3", "3.3.3.0/24"));
  }

  @Test
  public void lostLanIsWithdrawnEverywhere() {
    EigrpTestNet net = document(false, true);
    net.startAll();
    net.run(Duration.ofSeconds(5));
    net.sent.clear();
    net.routers.get("sv9-3").setInterfaceUp("FastEthernet0/1", false);
    net.run(Duration.ofSeconds(2));
    assertNull(net.route("sv9-2", "2.2.2.0/24"));
    assertNull(net.route("sv9-4", "2.2.2.0/24"));
    assertNull(net.routers.get("sv9-4").entry(Ipv4Prefix.parse("2.2.2.0/24")));
    // sv9-3 had no feasible successor: it went active and queried the hub, which queried sv9-4, replies back
    assertTrue(net.sent.stream().anyMatch(s -> s.from().equals("sv9-3") && s.packet().opcode().equals(
        EigrpOpcode.QUERY)), "sv9-3 queries");
    assertTrue(net.sent.stream().anyMatch(s -> s.from().equals("sv9-2") && s.packet().opcode().equals(
        EigrpOpcode.REPLY)), "the hub replies");
    assertTrue(net.sent.stream().anyMatch(s -> s.from().equals("sv9-4") && s.packet().opcode().equals(
        EigrpOpcode.REPLY)), "sv9-4 replies to the hub's query");
    // and it comes back
    net.routers.get("sv9-3").setInterfaceUp("FastEthernet0/1", true);
    net.run(Duration.ofSeconds(2));
    assertEquals(net.route("sv9-4", "2.2.2.0/24"), "D 2.2.2.0/24 [90/310046976] via 192.168.1.1, Tunnel0");
  }

  @Test
  public void silentSpokeIsDroppedAfterTheNbmaHoldTime() {
    EigrpTestNet net = document(false, true);
    net.startAll();
    net.run(Duration.ofSeconds(5));
    long cut = net.scheduler.nanoTime();
    net.drop = s -> s.from().equals("sv9-3");
    net.run(Duration.ofSeconds(170));
    assertEquals(net.route("sv9-2", "2.2.2.0/24"), "D 2.2.2.0/24 [90/297246976] via 192.168.1.2, Tunnel0",
        "still within the 180 s hold time");
    net.run(Duration.ofSeconds(20));
    assertNull(net.route("sv9-2", "2.2.2.0/24"));
    assertNull(net.route("sv9-4", "2.2.2.0/24"));
    assertTrue(net.log.stream().anyMatch(l -> l.startsWith("sv9-2: %DUAL-5-NBRCHANGE") && l.contains(
        "192.168.1.2 (Tunnel0) is down: holding time expired")), net.log.toString());
    assertTrue(net.scheduler.nanoTime() - cut >= Duration.ofSeconds(175).toNanos());
  }

  @Test
  public void lanTimersAreFiveAndFifteen() {
    EigrpTestNet net = new EigrpTestNet();
    net.router("a", EigrpRouterConfig.of(90, false));
    net.router("b", EigrpRouterConfig.of(90, false));
    net.attach("a", "lan", EigrpTestNet.lan("FastEthernet0/0", "10.0.0.1/24"), null);
    net.attach("b", "lan", EigrpTestNet.lan("FastEthernet0/0", "10.0.0.2/24"), null);
    net.startAll();
    net.run(Duration.ofSeconds(21));
    long helloCount = net.sent.stream().filter(s -> s.from().equals("a") && s.destination().equals(
        EigrpLink.ALL_EIGRP_ROUTERS) && s.packet().opcode().equals(EigrpOpcode.HELLO)).count();
    assertEquals(helloCount, 5, "hellos at 0, 5, 10, 15, 20 s");
    ParameterTlv p = net.sent.get(0).packet().tlvs(ParameterTlv.class).get(0);
    assertEquals(p.holdTimeSeconds(), 15);
    net.drop = s -> s.from().equals("b");
    net.run(Duration.ofSeconds(16));
    assertTrue(net.routers.get("a").neighbors().isEmpty(), "dropped after 15 s without hellos");
  }

  @Test
  public void convergesUnderLossThroughRetransmissions() {
    EigrpTestNet net = document(false, true);
    SplittableRandom random = new SplittableRandom(7);
    net.drop = s -> random.nextDouble() < 0.3;
    net.startAll();
    net.run(Duration.ofSeconds(200));
    assertEquals(net.route("sv9-4", "2.2.2.0/24"), "D 2.2.2.0/24 [90/310046976] via 192.168.1.1, Tunnel0");
    assertEquals(net.route("sv9-3", "3.3.3.0/24"), "D 3.3.3.0/24 [90/310046976] via 192.168.1.1, Tunnel0");
    assertTrue(net.sent.stream().filter(s -> s.packet().opcode().reliable()).map(s -> s.from() + s.packet()
        .sequence()).count() > net.sent.stream().filter(s -> s.packet().opcode().reliable()).map(s -> s.from()
        + s.packet().sequence()).distinct().count(), "some reliable packets were retransmitted");
  }

  @Test
  public void kValueMismatchFormsNoAdjacency() {
    EigrpTestNet net = new EigrpTestNet();
    net.router("a", EigrpRouterConfig.of(90, false));
    net.router("b", new EigrpRouterConfig(90, new KValues(1, 0, 1, 0, 1), false, 40));
    net.attach("a", "lan", EigrpTestNet.lan("FastEthernet0/0", "10.0.0.1/24"), null);
    net.attach("b", "lan", EigrpTestNet.lan("FastEthernet0/0", "10.0.0.2/24"), null);
    net.startAll();
    net.run(Duration.ofSeconds(20));
    assertTrue(net.routers.get("a").neighbors().isEmpty());
    assertTrue(net.log.stream().anyMatch(l -> l.contains("K-value mismatch")));
  }

  @Test
  public void passiveInterfaceSendsNoHelloButIsAdvertised() {
    EigrpTestNet net = new EigrpTestNet();
    for (String r : List.of("a", "b", "c")) {
      net.router(r, EigrpRouterConfig.of(90, false));
    }
    net.attach("a", "wan", EigrpTestNet.lan("FastEthernet0/0", "10.0.0.1/24"), null);
    net.attach("b", "wan", EigrpTestNet.lan("FastEthernet0/0", "10.0.0.2/24"), null);
    net.attach("a", "lan", EigrpTestNet.lan("FastEthernet0/1", "172.16.1.1/24").withPassive(true), null);
    net.attach("c", "lan", EigrpTestNet.lan("FastEthernet0/1", "172.16.1.2/24"), null);
    net.startAll();
    net.run(Duration.ofSeconds(6));
    // 256 x (10^7 / 100,000 + a's Fa0/1 delay 10 + b's Fa0/0 delay 10) = 256 x 120 = 30,720
    assertEquals(net.route("b", "172.16.1.0/24"), "D 172.16.1.0/24 [90/30720] via 10.0.0.1, FastEthernet0/0");
    assertFalse(net.sent.stream().anyMatch(s -> s.from().equals("a") && s.segment().equals("lan")),
        "a sends nothing on its passive LAN");
    assertTrue(net.routers.get("c").neighbors().isEmpty(), "c's hellos are not answered");
    assertNull(net.route("c", "10.0.0.0/24"));
  }

  @Test
  public void autoSummaryAdvertisesTheClassfulNetwork() {
    EigrpTestNet net = new EigrpTestNet();
    net.router("a", EigrpRouterConfig.of(90, true));
    net.router("b", EigrpRouterConfig.of(90, true));
    net.attach("a", "wan", EigrpTestNet.lan("FastEthernet0/0", "192.168.1.1/24"), null);
    net.attach("b", "wan", EigrpTestNet.lan("FastEthernet0/0", "192.168.1.2/24"), null);
    net.attach("a", "lan", EigrpTestNet.lan("FastEthernet0/1", "10.1.1.1/24"), null);
    net.startAll();
    net.run(Duration.ofSeconds(6));
    // 10.1.1.0/24 crosses into 192.168.1.0: advertised as 10.0.0.0/8; 256 x (100 + 10 + 10) = 30,720
    assertEquals(net.route("b", "10.0.0.0/8"), "D 10.0.0.0/8 [90/30720] via 192.168.1.1, FastEthernet0/0");
    assertNull(net.route("b", "10.1.1.0/24"));
  }

  @Test
  public void conditionalReceiveServesALaggingNeighbourByUnicast() {
    EigrpTestNet net = document(false, true);
    net.startAll();
    net.run(Duration.ofSeconds(5));
    // sv9-4 stops acknowledging: the hub keeps an update outstanding for it
    net.drop = s -> s.from().equals("sv9-4") && s.packet().isAck();
    net.routers.get("sv9-3").setInterfaceUp("FastEthernet0/1", false);
    net.run(Duration.ofMillis(50));
    net.routers.get("sv9-3").setInterfaceUp("FastEthernet0/1", true);
    net.run(Duration.ofMillis(50));
    assertTrue(net.sent.stream().anyMatch(s -> s.from().equals("sv9-2") && !s.packet().tlvs(SequenceTlv.class)
        .isEmpty() && s.packet().tlvs(SequenceTlv.class).get(0).addresses().contains(Ipv4Address.parse(
        "192.168.1.3"))), "the hub names the lagging sv9-4 in a sequence TLV");
    assertTrue(net.sent.stream().anyMatch(s -> s.from().equals("sv9-2") && s.packet().hasFlag(EigrpPacket.FLAG_CR)));
    net.drop = s -> false;
    net.run(Duration.ofSeconds(10));
    assertEquals(net.route("sv9-4", "2.2.2.0/24"), "D 2.2.2.0/24 [90/310046976] via 192.168.1.1, Tunnel0");
  }
}
