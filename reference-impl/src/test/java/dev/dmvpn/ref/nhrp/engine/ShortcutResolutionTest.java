package dev.dmvpn.ref.nhrp.engine;

import static dev.dmvpn.ref.nhrp.engine.DocumentScenario.HUB_NBMA;
import static dev.dmvpn.ref.nhrp.engine.DocumentScenario.HUB_TUNNEL;
import static dev.dmvpn.ref.nhrp.engine.DocumentScenario.SV93_NBMA;
import static dev.dmvpn.ref.nhrp.engine.DocumentScenario.SV93_TUNNEL;
import static dev.dmvpn.ref.nhrp.engine.DocumentScenario.SV94_NBMA;
import static dev.dmvpn.ref.nhrp.engine.DocumentScenario.SV94_TUNNEL;
import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertNotNull;
import static org.testng.Assert.assertNull;
import static org.testng.Assert.assertTrue;

import dev.dmvpn.ref.bytes.Ipv4Address;
import dev.dmvpn.ref.nhrp.NhrpCie;
import dev.dmvpn.ref.nhrp.NhrpExtension;
import dev.dmvpn.ref.nhrp.NhrpMandatoryPart;
import dev.dmvpn.ref.nhrp.NhrpPacket;
import dev.dmvpn.ref.nhrp.NhrpPacketType;
import java.time.Duration;
import java.util.List;
import org.testng.annotations.Test;

/** {@code ping 2.2.2.2} on sv9-4: the document's phase-2 resolution through the hub, on simulated time. */
public class ShortcutResolutionTest {
  private static final Ipv4Address TARGET = Ipv4Address.parse("2.2.2.2");
  private static final NhrpPacketType REQ = NhrpPacketType.RESOLUTION_REQUEST;
  private static final NhrpPacketType REPLY = NhrpPacketType.RESOLUTION_REPLY;

  private static DocumentScenario registered(NhrpOptions o, ConnectionGate sv93Gate) {
    DocumentScenario s = new DocumentScenario(o, sv93Gate);
    s.startAll();
    s.net.run(Duration.ofSeconds(1));
    return s;
  }

  @Test
  public void sv94ResolvesTheLanOfSv93ThroughTheHub() {
    DocumentScenario s = registered(NhrpOptions.IOS_DEFAULTS, ConnectionGate.ALWAYS_READY);
    assertNull(s.sv94.resolve(TARGET), "no entry yet: a resolution starts");
    s.net.run(Duration.ofMillis(10));

    // sv9-4 Resolution Request --> hub   ("Send Resolution Request ... packet size: 84, src 192.168.1.3")
    InMemoryNhrpNetwork.Sent req = s.net.sent(REQ, SV94_NBMA).get(0);
    assertEquals(req.to(), HUB_NBMA);
    assertEquals(req.bytes().length, 84, "document: sv9-4 debug 'packet size: 84'");
    NhrpMandatoryPart m = req.packet().mandatoryPart();
    assertEquals(req.packet().header().hopCount(), 255);
    assertEquals(m.flags(), 0xC802);
    assertEquals(m.requestId(), 2, "sv9-4 used ID 1 for its registration");
    assertEquals(m.srcNbmaIpv4(), SV94_NBMA);
    assertEquals(m.srcProtoIpv4(), SV94_TUNNEL);
    assertEquals(m.dstProtoIpv4(), TARGET);
    assertEquals(m.firstCie().prefixLength(), 0);
    assertEquals(m.firstCie().holdTime(), 7200);

    // hub Forwarding Resolution Request --> sv9-3   ("packet size: 104")
    InMemoryNhrpNetwork.Sent fwd = s.net.sent(REQ, HUB_NBMA).get(0);
    assertEquals(fwd.to(), SV93_NBMA, "next hop 192.168.1.2 (EIGRP) at its registered NBMA address");
    assertEquals(fwd.bytes().length, 104, "document: hub debug 'Forwarding ... packet size: 104'");
    NhrpPacket f = fwd.packet();
    assertEquals(f.header().hopCount(), 254);
    assertEquals(f.mandatoryPart().requestId(), 2);
    assertEquals(f.mandatoryPart().srcProtoIpv4(), SV94_TUNNEL, "source unchanged by forwarding");
    assertEquals(f.mandatoryPart().srcNbmaIpv4(), SV94_NBMA);
    List<NhrpCie> transit = f.extension(NhrpExtension.ForwardTransit.class).cies();
    assertEquals(transit.size(), 1);
    assertEquals(transit.get(0).clientNbmaIpv4(), HUB_NBMA);
    assertEquals(transit.get(0).clientProtoIpv4(), HUB_TUNNEL);
    assertEquals(transit.get(0).holdTime(), 7200);
    assertEquals(f.extension(NhrpExtension.Authentication.class).password(), "cisco123");

    // sv9-3 Resolution Reply --> sv9-4 directly   ("Receive Resolution Reply ... packet size: 132")
    InMemoryNhrpNetwork.Sent rep = s.net.sent(REPLY, SV93_NBMA).get(0);
    assertEquals(rep.to(), SV94_NBMA);
    assertEquals(rep.bytes().length, 132, "document: sv9-4 debug 'Receive Resolution Reply ... 132'");
    NhrpMandatoryPart rm = rep.packet().mandatoryPart();
    assertEquals(rm.flags(), 0xF802);
    assertEquals(rm.requestId(), 2);
    NhrpCie answer = rm.firstCie();
    assertEquals(answer.code().value(), 0);
    assertEquals(answer.prefixLength(), 24);
    assertEquals(answer.clientNbmaIpv4(), SV93_NBMA);
    assertEquals(answer.clientProtoIpv4(), SV93_TUNNEL);
    assertEquals(rep.packet().extension(NhrpExtension.ResponderAddress.class).cie().clientNbmaIpv4(), SV93_NBMA);

    NhrpCacheEntry e = s.sv94.resolve(TARGET);
    assertNotNull(e);
    assertEquals(e.prefix(), NhrpPrefix.parse("2.2.2.0/24"));
    assertEquals(e.type(), NhrpCacheType.CACHED);
    assertEquals(e.nbma(), SV93_NBMA);
    assertEquals(e.current().nextHop(), SV93_TUNNEL);
    assertEquals(s.sv94.cache().get(NhrpPrefix.host(SV93_TUNNEL)).nbma(), SV93_NBMA);
    assertEquals(s.sv93.cache().get(NhrpPrefix.host(SV94_TUNNEL)).nbma(), SV94_NBMA, "replier caches requester");
    assertEquals(s.hub.events().count(NhrpEventType.REQUEST_FORWARDED), 1);
    assertEquals(s.sv93.events().count(NhrpEventType.RESOLUTION_REPLIED), 1);
    assertEquals(s.sv94.events().events(NhrpEventType.RESOLUTION_ANSWERED).get(0).detail(),
        "2.2.2.0/24 via 192.168.1.2");
    assertEquals(s.net.sent(REQ).size(), 2, "nothing else was sent");
  }

  @Test
  public void oneOutstandingRequestPerDestination() {
    DocumentScenario s = registered(NhrpOptions.IOS_DEFAULTS, ConnectionGate.ALWAYS_READY);
    s.sv94.resolve(TARGET);
    s.sv94.resolve(TARGET);
    s.net.run(Duration.ZERO); // the NHRP process sends the request on its next turn
    assertTrue(s.sv94.resolver().outstanding(TARGET));
    assertEquals(s.sv94.cache().get(NhrpPrefix.host(TARGET)).type(), NhrpCacheType.INCOMPLETE);
    assertEquals(s.net.sent(REQ, SV94_NBMA).size(), 1);
  }

  @Test
  public void lostRequestsAreRetriedWithBackoffThenMarkedNegative() {
    DocumentScenario s = registered(NhrpOptions.IOS_DEFAULTS, ConnectionGate.ALWAYS_READY);
    s.net.lose = x -> x.type().equals(REQ);
    long t0 = s.net.scheduler.nanoTime();
    s.sv94.resolve(TARGET);
    s.net.run(Duration.ofSeconds(40));
    List<InMemoryNhrpNetwork.Sent> tries = s.net.sent(REQ, SV94_NBMA);
    assertEquals(tries.size(), 6, "maxResolutionAttempts");
    long[] expect = {0, 1, 3, 7, 15, 31};
    for (int i = 0; i < tries.size(); i++) {
      assertEquals(tries.get(i).nanos() - t0, Duration.ofSeconds(expect[i]).toNanos());
      assertEquals(tries.get(i).packet().mandatoryPart().requestId(), 2, "same ID on retries");
    }
    // gave up at 31 + 32 = 63 s? no: the 6th attempt's timer (32 s) runs out at 63 s
    s.net.run(Duration.ofSeconds(23));
    assertEquals(s.sv94.cache().get(NhrpPrefix.host(TARGET)).type(), NhrpCacheType.NEGATIVE);
    assertNull(s.sv94.resolve(TARGET));
    assertEquals(s.net.sent(REQ, SV94_NBMA).size(), 6, "no retry while negative");
    s.net.lose = x -> false;
    s.net.run(Duration.ofSeconds(30));
    assertNull(s.sv94.cache().get(NhrpPrefix.host(TARGET)), "negative entry expired");
    s.sv94.resolve(TARGET);
    s.net.run(Duration.ZERO);
    assertEquals(last(s.net.sent(REQ, SV94_NBMA)).packet().mandatoryPart().requestId(), 3, "new ID");
  }

  @Test
  public void replyWaitsForTheConnectionGate() {
    // sv9-3: "Delaying resolution request nbma src:209.168.202.131 nbma dst:209.168.202.130
    //         reason:IPSEC-IFC: need to wait for IPsec SAs."
    ManualGate gate = new ManualGate(HUB_NBMA);
    DocumentScenario s = registered(NhrpOptions.IOS_DEFAULTS, gate);
    s.sv94.resolve(TARGET);
    s.net.run(Duration.ofSeconds(1).plusMillis(10));
    assertEquals(s.net.sent(REPLY, SV93_NBMA).size(), 0);
    // sv9-4's retry after 1 s: "Resolution Request not queued. Already being processed (delayed)."
    assertEquals(s.net.sent(REQ, SV94_NBMA).size(), 2);
    assertEquals(s.sv93.events().count(NhrpEventType.RESOLUTION_DELAYED), 1);
    assertTrue(s.sv93.events().events(NhrpEventType.PACKET_DROPPED).get(0).detail()
        .endsWith("already being processed (delayed)"));
    NhrpEvent delayed = s.sv93.events().events(NhrpEventType.RESOLUTION_DELAYED).get(0);
    assertEquals(delayed.nbma(), SV94_NBMA);
    assertEquals(delayed.protocol(), SV94_TUNNEL);
    NhrpCacheEntry requester = s.sv93.cache().get(NhrpPrefix.host(SV94_TUNNEL));
    assertNull(requester.current(), "binding pending until the SAs exist");
    assertEquals(requester.pending().nbma(), SV94_NBMA);

    gate.open(SV94_NBMA); // "Process delayed resolution request src:192.168.1.3 dst:2.2.2.2"
    s.net.run(Duration.ofMillis(10));
    assertEquals(requester.nbma(), SV94_NBMA);
    assertEquals(s.sv93.events().count(NhrpEventType.CACHE_UPDATED), 1);
    assertEquals(s.net.sent(REPLY, SV93_NBMA).size(), 1);
    assertNotNull(s.sv94.resolve(TARGET));
  }

  /** The 12.3(3) image's options: retry after 2 s, delayed replies wait for it. */
  private static final NhrpOptions IOS_12_3_3 = dev.dmvpn.ref.image.IosImage.IOS_12_3_3.nhrp();

  @Test
  public void on1233TheDelayedRequestIsAnsweredWhenItsRetransmissionArrives() {
    // seed: sv9-4 sends at 02:06:01.679, again at 02:06:03.507, and receives the 132-byte reply 4 ms later
    ManualGate gate = new ManualGate(HUB_NBMA);
    DocumentScenario s = registered(IOS_12_3_3, gate);
    long t0 = s.net.scheduler.nanoTime();
    s.sv94.resolve(TARGET);
    s.net.run(Duration.ofMillis(500));
    gate.open(SV94_NBMA); // the SAs come up at 0.5 s: nothing is sent yet
    s.net.run(Duration.ofMillis(10));
    assertEquals(s.net.sent(REPLY, SV93_NBMA).size(), 0, "the delayed request waits for its retransmission");
    s.net.run(Duration.ofMillis(1500));
    List<InMemoryNhrpNetwork.Sent> requests = s.net.sent(REQ, SV94_NBMA);
    assertEquals(requests.size(), 2);
    assertEquals(requests.get(1).nanos() - t0, Duration.ofSeconds(2).toNanos(), "first retry after 2 s");
    InMemoryNhrpNetwork.Sent reply = s.net.sent(REPLY, SV93_NBMA).get(0);
    assertEquals(reply.to(), SV94_NBMA, "directly to the requester");
    assertEquals(reply.bytes().length, 132, "seed: sv9-4 'Receive Resolution Reply ... packet size: 132'");
    assertEquals(s.sv93.events().count(NhrpEventType.RESOLUTION_DELAY_OVER), 1);
    assertEquals(s.sv94.resolve(TARGET).nbma(), SV93_NBMA);
  }

  @Test
  public void repliesViaTheNhsCarryTheReverseTransitRecord() {
    DocumentScenario s = registered(NhrpOptions.IOS_DEFAULTS.withRepliesViaNhs(true), ConnectionGate.ALWAYS_READY);
    s.sv94.resolve(TARGET);
    s.net.run(Duration.ofMillis(10));
    assertEquals(s.net.sent(REPLY, SV93_NBMA).get(0).to(), HUB_NBMA);
    InMemoryNhrpNetwork.Sent back = s.net.sent(REPLY, HUB_NBMA).get(0);
    assertEquals(back.to(), SV94_NBMA);
    assertEquals(back.packet().header().hopCount(), 254);
    List<NhrpCie> reverse = back.packet().extension(NhrpExtension.ReverseTransit.class).cies();
    assertEquals(reverse.size(), 1);
    assertEquals(reverse.get(0).clientProtoIpv4(), HUB_TUNNEL);
    assertEquals(back.bytes().length, 152, "132 + the hub's 20-byte reverse transit CIE");
    assertEquals(s.hub.events().count(NhrpEventType.REPLY_FORWARDED), 1);
    assertEquals(s.sv94.resolve(TARGET).nbma(), SV93_NBMA);
  }

  @Test
  public void hubAnswersForARegisteredTunnelAddress() {
    // hub: "nhrp_cache_lookup_comp returned 0x63DE9498", "Send Resolution Reply ... packet size: 112"
    DocumentScenario s = registered(NhrpOptions.IOS_DEFAULTS, ConnectionGate.ALWAYS_READY);
    s.sv93.resolve(SV94_TUNNEL);
    s.net.run(Duration.ofMillis(10));
    InMemoryNhrpNetwork.Sent rep = s.net.sent(REPLY, HUB_NBMA).get(0);
    assertEquals(rep.to(), SV93_NBMA);
    assertEquals(rep.bytes().length, 112, "84 + 8 (answer addresses) + 20 (responder)");
    assertEquals(rep.packet().mandatoryPart().firstCie().clientNbmaIpv4(), SV94_NBMA);
    assertEquals(s.net.sent(REQ, HUB_NBMA).size(), 0, "not forwarded");
    assertEquals(s.sv93.resolve(SV94_TUNNEL).nbma(), SV94_NBMA);
  }

  @Test
  public void unusedShortcutExpiresAfterTheIdleTime() {
    DocumentScenario s = registered(NhrpOptions.IOS_DEFAULTS.withShortcutIdleSeconds(60),
        ConnectionGate.ALWAYS_READY);
    List<NhrpEvent> expired = new java.util.ArrayList<>();
    s.sv94.events().addListener(e -> {
      if (e.type() == NhrpEventType.CACHE_EXPIRED) {
        expired.add(e); // the node's teardown hook would close the spoke-to-spoke SAs here
      }
    });
    s.sv94.resolve(TARGET);
    s.net.run(Duration.ofSeconds(30));
    assertNotNull(s.sv94.resolve(TARGET), "used at +30 s");
    s.net.run(Duration.ofSeconds(59));
    assertNotNull(s.sv94.cache().get(NhrpPrefix.parse("2.2.2.0/24")), "idle for 59 s only");
    s.net.run(Duration.ofSeconds(1));
    assertNull(s.sv94.cache().get(NhrpPrefix.parse("2.2.2.0/24")));
    assertEquals(expired.size(), 2, "the prefix and its next-hop entry");
    assertEquals(expired.get(0).detail(), "2.2.2.0/24 idle");
    assertEquals(expired.get(1).detail(), "192.168.1.2/32 idle");
    assertEquals(expired.get(0).nbma(), SV93_NBMA);
  }

  private static <T> T last(List<T> l) {
    return l.get(l.size() - 1);
  }
}
