package dev.dmvpn.ref.node;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

import dev.dmvpn.ref.crypto.RandomSource;
import dev.dmvpn.ref.ike.IkeConfig;
import dev.dmvpn.ref.l2l3.MacAddress;
import dev.dmvpn.ref.nhrp.NhrpPacketType;
import dev.dmvpn.ref.nhrp.engine.NhrpConfig;
import dev.dmvpn.ref.nhrp.engine.NhrpEngine;
import dev.dmvpn.ref.nhrp.engine.NhrpEventType;
import dev.dmvpn.ref.time.SimulatedScheduler;
import dev.dmvpn.ref.wire.ip.InterfaceAddress;
import dev.dmvpn.ref.wire.ip.Ipv4Prefix;
import dev.dmvpn.ref.wire.virtual.DocumentWan;
import dev.dmvpn.ref.wire.virtual.FaultProfile;
import dev.dmvpn.ref.wire.virtual.VirtualSegment;
import java.time.Duration;
import java.util.SplittableRandom;
import org.testng.annotations.Test;

/**
 * What tunnel protection does with packets that find no SA, on a slow WAN (300 ms per segment, so IKE's nine
 * messages outlast the spoke's first NHRP retransmission, 1 s after the first request): with the default queue
 * limit 0 (IOS) every such packet is dropped and only starts IKE, so the hub sees one Registration Request and
 * answers it once; with a queue the held retransmissions leave together once the SAs are up, the hub answers each,
 * and the spoke drops the replies it no longer waits for (the problem outside checks found).
 */
public class TunnelProtectionQueueTest {
  private static final Duration SLOW = Duration.ofMillis(300);

  /** Hub sv9-2 and spoke sv9-3 with the spoke's queue limit {@code queue}; runs 20 s of simulated time. */
  private static DmvpnNode[] run(int queue) {
    SimulatedScheduler clock = new SimulatedScheduler();
    DocumentWan wan = DocumentWan.create(clock, 4);
    wan.hubSegment().setFaults(FaultProfile.NONE.withDelay(SLOW, Duration.ZERO));
    wan.spokeSegment().setFaults(FaultProfile.NONE.withDelay(SLOW, Duration.ZERO));
    DmvpnNode hub = node("sv9-2", clock, wan.hubSegment(), DocumentWan.HUB, DocumentWan.hubGateway(),
        NhrpConfig.builder("192.168.1.1/24", "209.168.202.225"), TunnelConfig.DEFAULT_QUEUE_LIMIT, 2);
    DmvpnNode spoke = node("sv9-3", clock, wan.spokeSegment(), DocumentWan.SPOKE_SV9_3, DocumentWan.spokeGateway(),
        NhrpConfig.builder("192.168.1.2/24", "209.168.202.131").map("192.168.1.1", "209.168.202.225")
            .nhs("192.168.1.1"), queue, 3);
    hub.start();
    spoke.start();
    clock.advance(Duration.ofSeconds(20));
    return new DmvpnNode[] {hub, spoke};
  }

  private static DmvpnNode node(String name, SimulatedScheduler clock, VirtualSegment segment,
      InterfaceAddress nbma, dev.dmvpn.ref.bytes.Ipv4Address gateway, NhrpConfig.Builder nhrp, int queue, int i) {
    DmvpnNode n = new DmvpnNode(name, clock, RandomSource.of(new SplittableRandom(40 + i)));
    n.addPhysical("Fa0/0", segment.attach(name, MacAddress.parse("02:00:00:00:09:0" + i)), nbma);
    NhrpConfig config = nhrp.authentication("cisco123").networkId(1).holdtime(7200).build();
    n.addTunnel(new TunnelConfig("Tunnel0", "Fa0/0", 0L, 1440, config, IkeConfig.document(nbma.address()), queue));
    n.addStaticRoute(Ipv4Prefix.DEFAULT, gateway);
    return n;
  }

  private static NhrpEngine nhrp(DmvpnNode n) {
    return n.tunnel("Tunnel0").nhrp();
  }

  private static long staleReplies(DmvpnNode spoke) {
    return nhrp(spoke).events().events(NhrpEventType.PACKET_DROPPED).stream()
        .filter(e -> e.toString().contains("unexpected registration reply")).count();
  }

  @Test
  public void withoutAQueueTheHubSeesOneRequestAndAnswersItOnce() {
    DmvpnNode[] n = run(TunnelConfig.DEFAULT_QUEUE_LIMIT);
    assertEquals(TunnelConfig.DEFAULT_QUEUE_LIMIT, 0, "IOS: no queue");
    assertTrue(nhrp(n[1]).registrar(dev.dmvpn.ref.bytes.Ipv4Address.parse("192.168.1.1")).registered());
    assertEquals(nhrp(n[0]).counters().received(NhrpPacketType.REGISTRATION_REQUEST), 1);
    assertEquals(nhrp(n[0]).counters().sent(NhrpPacketType.REGISTRATION_REPLY), 1);
    assertEquals(staleReplies(n[1]), 0);
    assertTrue(n[1].counters().drops("ipsec: need to wait for IPsec SAs") >= 2,
        "the first request and the retransmission 1 s later found no SA: " + n[1].counters().drops());
    assertEquals(n[1].counters().get(NodeCounter.IPSEC_QUEUED), 0);
  }

  @Test
  public void aQueueReleasesTheHeldRetransmissionsTogether() {
    DmvpnNode[] n = run(4);
    assertTrue(n[1].counters().get(NodeCounter.IPSEC_QUEUED) >= 2, "the request and its retransmission held");
    long requests = nhrp(n[0]).counters().received(NhrpPacketType.REGISTRATION_REQUEST);
    assertTrue(requests >= 2, "the hub got the burst: " + requests);
    assertEquals(nhrp(n[0]).counters().sent(NhrpPacketType.REGISTRATION_REPLY), requests, "and answered each");
    assertEquals(staleReplies(n[1]), requests - 1, "the spoke drops all replies but one");
  }
}
