package dev.dmvpn.ref.eigrp;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertNull;
import static org.testng.Assert.assertTrue;

import dev.dmvpn.ref.bytes.Ipv4Address;
import dev.dmvpn.ref.wire.ip.Ipv4Prefix;
import java.time.Duration;
import java.util.List;
import org.testng.annotations.BeforeMethod;
import org.testng.annotations.Test;

/**
 * One router against a scripted neighbour that sends hand-made packets (flow comments show each one), checking
 * the INIT exchange, acknowledgments, duplicates, external routes (distance 170) and the goodbye.
 */
public class EigrpAdjacencyTest {
  static final Ipv4Address PEER = Ipv4Address.parse("10.0.0.2");
  static final Ipv4Address US = Ipv4Address.parse("10.0.0.1");
  EigrpTestNet net;
  EigrpRouter r;

  @BeforeMethod
  public void setUp() {
    net = new EigrpTestNet();
    r = net.router("r", EigrpRouterConfig.of(90, false));
    net.attach("r", "lan", EigrpTestNet.lan("FastEthernet0/0", "10.0.0.1/24"), null);
    r.start();
  }

  void fromPeer(EigrpPacket p) {
    r.receive("FastEthernet0/0", PEER, EigrpCodec.encode(p));
  }

  List<EigrpPacket> sentTo(Ipv4Address dst) {
    return net.sent.stream().filter(s -> s.destination().equals(dst)).map(EigrpTestNet.Sent::packet).toList();
  }

  static EigrpPacket hello() {
    return EigrpPacket.of(EigrpOpcode.HELLO, 0, 0, 0, 90, List.of(new ParameterTlv(KValues.DEFAULT, 0, 15),
        new SoftwareVersionTlv(8, 4, 1, 2)));
  }

  /** hello, then INIT both ways, acks both ways: up. Returns our INIT's sequence number. */
  long adjacent() {
    fromPeer(hello()); // hello -->
    EigrpPacket ourInit = sentTo(PEER).get(0); // <-- UPDATE INIT seq s
    assertEquals(ourInit.opcode(), EigrpOpcode.UPDATE);
    assertEquals(ourInit.flags(), EigrpPacket.FLAG_INIT);
    fromPeer(EigrpPacket.of(EigrpOpcode.UPDATE, EigrpPacket.FLAG_INIT, 1, ourInit.sequence(), 90, List.of()));
    // UPDATE INIT seq 1 ack s --> : acknowledges ours, so the adjacency is up
    assertTrue(r.neighbors().get(0).up());
    return ourInit.sequence();
  }

  @Test
  public void initExchangeAcksAndStartupTable() {
    adjacent();
    List<EigrpPacket> out = sentTo(PEER);
    // <-- ACK 1 (a hello without TLVs), <-- UPDATE EOT with our connected 10.0.0.0/24
    assertTrue(out.stream().anyMatch(p -> p.isAck() && p.ack() == 1), out.toString());
    EigrpPacket table = out.stream().filter(p -> p.hasFlag(EigrpPacket.FLAG_EOT)).findFirst().orElseThrow();
    assertEquals(table.routes().get(0).destination(), Ipv4Prefix.parse("10.0.0.0/24"));
    assertEquals(r.neighbors().get(0).lastSequence(), 1);
  }

  @Test
  public void externalRouteIsInstalledWithDistance170AndDuplicatesAreOnlyAcked() {
    adjacent();
    ExternalRouteTlv ext = new ExternalRouteTlv(Ipv4Address.ANY, Ipv4Address.parse("9.9.9.9"), 1, 0, 0, 11, 0,
        InterfaceMetrics.FAST_ETHERNET.connected(), 0, Ipv4Prefix.parse("192.0.2.0/24"));
    EigrpPacket update = EigrpPacket.of(EigrpOpcode.UPDATE, 0, 2, 0, 90, List.of(ext));
    fromPeer(update); // UPDATE seq 2 external 192.0.2.0/24 -->
    // 256 x (100 + 10 + 10) = 30,720 through our FastEthernet0/0
    assertEquals(net.route("r", "192.0.2.0/24"), "D EX 192.0.2.0/24 [170/30720] via 10.0.0.2, FastEthernet0/0");
    assertTrue(r.routes().get(0).external());
    assertEquals(r.routes().get(0).administrativeDistance(), 170);
    long acks = sentTo(PEER).stream().filter(p -> p.isAck() && p.ack() == 2).count();
    fromPeer(update); // the same seq 2 again (our ACK was lost) -->
    assertEquals(sentTo(PEER).stream().filter(p -> p.isAck() && p.ack() == 2).count(), acks + 1, "acked again");
    assertEquals(r.neighbors().get(0).lastSequence(), 2);
  }

  @Test
  public void retransmittedInitFromAnUpNeighbourIsAckedNotARestart() {
    long ours = adjacent();
    long acks = sentTo(PEER).stream().filter(p -> p.isAck() && p.ack() == 1).count();
    // the peer did not get our ACK of its INIT in time and sends the same UPDATE INIT seq 1 again -->
    fromPeer(EigrpPacket.of(EigrpOpcode.UPDATE, EigrpPacket.FLAG_INIT, 1, ours, 90, List.of()));
    assertTrue(r.neighbors().get(0).up(), "still up");
    assertTrue(net.log.stream().noneMatch(l -> l.contains("peer restarted")), net.log.toString());
    assertEquals(sentTo(PEER).stream().filter(p -> p.isAck() && p.ack() == 1).count(), acks + 1, "acked again");
    // a restarted peer sends a new INIT with a new sequence number: that one resets the adjacency
    fromPeer(EigrpPacket.of(EigrpOpcode.UPDATE, EigrpPacket.FLAG_INIT, 7, 0, 90, List.of()));
    assertTrue(net.log.stream().anyMatch(l -> l.contains("peer restarted")), net.log.toString());
  }

  @Test
  public void updateFromAStrangerIsIgnored() {
    fromPeer(EigrpPacket.of(EigrpOpcode.UPDATE, 0, 5, 0, 90, List.of(InternalRouteTlv.of(Ipv4Address.ANY,
        InterfaceMetrics.FAST_ETHERNET.connected(), Ipv4Prefix.parse("192.0.2.0/24")))));
    assertNull(net.route("r", "192.0.2.0/24"));
    assertTrue(sentTo(PEER).isEmpty(), "no ACK for a neighbour we do not have");
    assertTrue(net.log.stream().anyMatch(l -> l.contains("from an unknown neighbour")), net.log.toString());
  }

  @Test
  public void goodbyeDropsTheNeighbourAndItsRoutesAtOnce() {
    adjacent();
    fromPeer(EigrpPacket.of(EigrpOpcode.UPDATE, 0, 2, 0, 90, List.of(InternalRouteTlv.of(Ipv4Address.ANY,
        InterfaceMetrics.FAST_ETHERNET.connected(), Ipv4Prefix.parse("192.0.2.0/24")))));
    assertEquals(net.route("r", "192.0.2.0/24"), "D 192.0.2.0/24 [90/30720] via 10.0.0.2, FastEthernet0/0");
    fromPeer(EigrpPacket.of(EigrpOpcode.HELLO, 0, 0, 0, 90, List.of(new ParameterTlv(KValues.GOODBYE, 0, 15))));
    assertTrue(r.neighbors().isEmpty());
    assertNull(net.route("r", "192.0.2.0/24"));
    assertTrue(net.log.stream().anyMatch(l -> l.contains("10.0.0.2 (FastEthernet0/0) is down: Interface Goodbye"
        + " received")), net.log.toString());
  }

  @Test
  public void stopSaysGoodbye() {
    adjacent();
    net.sent.clear();
    r.stop();
    EigrpPacket bye = net.sent.get(0).packet();
    assertEquals(bye.tlvs(ParameterTlv.class).get(0).kValues(), KValues.GOODBYE);
    assertTrue(r.neighbors().isEmpty());
  }

  @Test
  public void unacknowledgedInitIsRetransmittedThenTheNeighbourIsGivenUp() {
    fromPeer(hello());
    net.run(Duration.ofSeconds(12)); // 16 retransmissions at the 200 ms minimum RTO, then the reset
    long inits = sentTo(PEER).stream().filter(p -> p.hasFlag(EigrpPacket.FLAG_INIT)).count();
    assertEquals(inits, 1 + ReliableQueue.RETRY_LIMIT);
    assertTrue(r.neighbors().isEmpty(), r.neighbors().toString());
  }

  @Test
  public void neighbourThatNeverRepliesIsResetAfterTheActiveTime() {
    net = new EigrpTestNet();
    r = net.router("r", EigrpRouterConfig.of(90, false));
    // split horizon off, so the query for a route learned on this interface goes back out of it to the peer
    net.attach("r", "lan", EigrpTestNet.lan("FastEthernet0/0", "10.0.0.1/24").withSplitHorizon(false), null);
    r.start();
    adjacent();
    fromPeer(EigrpPacket.of(EigrpOpcode.UPDATE, 0, 2, 0, 90, List.of(InternalRouteTlv.of(Ipv4Address.ANY,
        InterfaceMetrics.FAST_ETHERNET.connected(), Ipv4Prefix.parse("192.0.2.0/24")))));
    // the peer keeps saying hello and acknowledging whatever we sent, but never replies to a query
    for (int ms = 50; ms < 200_000; ms += 50) {
      boolean withHello = ms % 5000 == 0;
      net.scheduler.schedule(Duration.ofMillis(ms), () -> {
        long last = sentTo(PEER).stream().filter(p -> p.opcode().reliable()).mapToLong(EigrpPacket::sequence)
            .max().orElse(0);
        fromPeer(EigrpPacket.of(EigrpOpcode.HELLO, 0, 0, last, 90, withHello ? hello().tlvs() : List.of()));
      });
    }
    // UPDATE seq 3: 192.0.2.0/24 unreachable --> ; no feasible successor: we go active and query the peer
    fromPeer(EigrpPacket.of(EigrpOpcode.UPDATE, 0, 3, 0, 90, List.of(InternalRouteTlv.of(Ipv4Address.ANY,
        InterfaceMetrics.FAST_ETHERNET.connected().unreachable(), Ipv4Prefix.parse("192.0.2.0/24")))));
    net.run(Duration.ofSeconds(20)); // the query waits behind our unacknowledged startup update, then goes
    assertTrue(sentTo(PEER).stream().anyMatch(p -> p.opcode().equals(EigrpOpcode.QUERY)));
    net.run(Duration.ofSeconds(150));
    assertTrue(r.neighbors().get(0).up(), "still adjacent within the 3-minute active time");
    assertEquals(r.entry(Ipv4Prefix.parse("192.0.2.0/24")).state(), DualState.ACTIVE);
    net.run(Duration.ofSeconds(15));
    assertTrue(net.log.stream().anyMatch(l -> l.contains("%DUAL-3-SIA: Route 192.0.2.0/24 stuck-in-active")),
        net.log.toString());
    assertNull(r.entry(Ipv4Prefix.parse("192.0.2.0/24")), "the computation ended with the reset neighbour");
  }
}
