package dev.dmvpn.ref.node.scenario;

import static dev.dmvpn.ref.node.scenario.NegativeLab.HUB;
import static dev.dmvpn.ref.node.scenario.NegativeLab.SV94;
import static dev.dmvpn.ref.node.scenario.NegativeLab.esp;
import static dev.dmvpn.ref.node.scenario.NegativeLab.from;
import static dev.dmvpn.ref.node.scenario.NegativeLab.nhrp;
import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

import dev.dmvpn.ref.capture.DecodedFrame;
import dev.dmvpn.ref.nhrp.NhrpPacketType;
import dev.dmvpn.ref.nhrp.engine.NhrpEvent;
import dev.dmvpn.ref.nhrp.engine.NhrpEventType;
import dev.dmvpn.ref.node.DmvpnNode;
import dev.dmvpn.ref.node.NodeEvent;
import dev.dmvpn.ref.node.NodeEventKind;
import dev.dmvpn.ref.node.Pinger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.testng.annotations.Test;

/**
 * The document's timers on the simulated clock, with the document's configurations (the suite's "timers" set;
 * idle spoke-to-spoke teardown is {@link IdleTeardownTest}):
 *
 * <ul>
 *   <li>{@code set security-association lifetime seconds 120}: the Quick Mode initiator rekeys 30 s before the
 *       lifetime ends (at 90 s) while the old pair still carries traffic; a ping every second for 400 s loses
 *       nothing and the outbound SPI changes at every rekey.
 *   <li>NHRP re-registration at holdtime / 3: with {@code ip nhrp holdtime 7200} sv9-4 registers again, with a
 *       new request ID, 2400 s after its registration was answered, over the (rekeyed) SAs, and is answered.
 * </ul>
 */
public class TimersScenarioTest {

  @Test
  public void the120SecondLifetimeRekeysEvery90SecondsWithoutLosingAPing() {
    NegativeLab lab = new NegativeLab(RouterChange.none(), 29);
    lab.pass(Duration.ofSeconds(30));
    assertTrue(NegativeLab.registered(lab.routers.sv94()));
    long start = lab.scheduler.clock().nanoTime();
    List<Map<String, Long>> dropsBefore = lab.nodes().stream().map(n -> n.counters().drops()).toList();
    int sent = 0;
    int answered = 0;
    for (int i = 0; i < 400; i++) {
      Pinger p = lab.routers.sv94().ping(DocumentRouters.HUB_TUNNEL, 1, Duration.ofMillis(900), 100);
      lab.pass(Duration.ofSeconds(1));
      assertTrue(p.done());
      sent += p.sent();
      answered += p.answered();
    }
    assertEquals(sent, 400);
    assertEquals(answered, 400, "no echo lost across the rekeys");
    List<NodeEvent> ups = new ArrayList<>();
    for (NodeEvent e : lab.routers.sv94().events().events()) {
      if (e.kind() == NodeEventKind.IPSEC_SA_UP && e.text().contains(HUB.toString()) && e.nanos() > start) {
        ups.add(e);
      }
    }
    assertTrue(ups.size() >= 4, "400 s / 90 s: at least 4 new pairs with the hub, got " + ups.size());
    for (NodeEvent e : ups) {
      assertTrue(e.text().contains("120 s"), e.text());
    }
    for (int i = 0; i < lab.nodes().size(); i++) {
      DmvpnNode n = lab.nodes().get(i);
      for (Map.Entry<String, Long> d : n.counters().drops().entrySet()) {
        long before = dropsBefore.get(i).getOrDefault(d.getKey(), 0L);
        assertTrue(!d.getKey().startsWith("ipsec:") || d.getValue() == before,
            n.name() + " dropped during the pings: " + d + " (before: " + before + ")");
      }
    }
    // wire: sv9-4's ESP to the hub changes SPI at each rekey; every one of them authenticates
    Set<Integer> spis = new HashSet<>();
    for (DecodedFrame f : lab.hubFrames()) {
      if (from(SV94, HUB).and(esp()).test(f) && f.frame().timestampNanos() > start) {
        assertEquals(f.espDecryption(), "ok", "frame " + f.number());
        spis.add(f.esp().spi());
      }
    }
    assertTrue(spis.size() >= 5, "outbound SPIs of sv9-4 during the pings: " + spis.size());
  }

  @Test
  public void spokeToSpokeSasRekeyWithoutLosingAPingOrFallingBackToTheHub() {
    NegativeLab lab = new NegativeLab(RouterChange.none(), 37);
    DmvpnNode sv94 = lab.routers.sv94();
    assertTrue(lab.driver.await(() -> DocumentScenario.eigrpConverged(lab.routers), Duration.ofSeconds(300)),
        "EIGRP 90 converged");
    for (int i = 0; i < 4 && !direct(lab); i++) {
      Pinger p = sv94.ping(DocumentRouters.SV9_4_LAN, DocumentRouters.SV9_3_LAN, 5, Duration.ofSeconds(2), 100);
      lab.driver.await(p::done, Duration.ofSeconds(15));
      lab.pass(Duration.ofSeconds(3)); // 12.3(3): the direct reply waits for sv9-4's retransmission 2 s later
    }
    assertTrue(direct(lab), "spoke to spoke before the timed part");
    long start = lab.scheduler.clock().nanoTime();
    long hubForwarded = lab.routers.hub().counters().get(dev.dmvpn.ref.node.NodeCounter.IP_FORWARDED);
    int answered = 0;
    for (int i = 0; i < 300; i++) {
      Pinger p = sv94.ping(DocumentRouters.SV9_4_LAN, DocumentRouters.SV9_3_LAN, 1, Duration.ofMillis(900), 100);
      lab.pass(Duration.ofSeconds(1));
      answered += p.answered();
    }
    assertEquals(answered, 300, "3.3.3.3 -> 2.2.2.2 once a second for 300 s");
    assertEquals(lab.routers.hub().counters().get(dev.dmvpn.ref.node.NodeCounter.IP_FORWARDED), hubForwarded,
        "nothing went through the hub meanwhile");
    long rekeys = sv94.events().events().stream().filter(e -> e.kind() == NodeEventKind.IPSEC_SA_UP
        && e.text().contains(NegativeLab.SV93.toString()) && e.nanos() > start).count();
    assertTrue(rekeys >= 3, "new pairs between the spokes during 300 s: " + rekeys);
    assertTrue(direct(lab));
  }

  private static boolean direct(NegativeLab lab) {
    return DocumentScenario.shortcut(lab.routers.sv94(), DocumentRouters.SV9_3_LAN, NegativeLab.SV93)
        && DocumentScenario.shortcut(lab.routers.sv93(), DocumentRouters.SV9_4_LAN, SV94);
  }

  @Test
  public void nhrpRegistersAgainAfterAThirdOfTheHoldtime() {
    NegativeLab lab = new NegativeLab(RouterChange.none(), 31);
    lab.pass(Duration.ofSeconds(2500));
    var nhrp = NegativeLab.tunnel(lab.routers.sv94()).nhrp();
    assertEquals(nhrp.config().holdtimeSeconds(), 7200);
    assertEquals(nhrp.config().registrationTimeoutSeconds(), 2400, "holdtime / 3");
    List<NhrpEvent> answered = nhrp.events().events(NhrpEventType.REGISTRATION_ANSWERED);
    List<NhrpEvent> sent = nhrp.events().events(NhrpEventType.REGISTRATION_SENT);
    assertEquals(answered.size(), 2, answered.toString());
    NhrpEvent refresh = sent.get(sent.size() - 1);
    assertEquals(refresh.nanos() - answered.get(0).nanos(), Duration.ofSeconds(2400).toNanos(),
        "the refresh leaves 2400 s after the first answer");
    assertTrue(refresh.requestId() != answered.get(0).requestId(), "a new request ID");
    assertEquals(answered.get(1).requestId(), refresh.requestId());
    assertTrue(answered.get(1).nanos() - refresh.nanos() < Duration.ofMillis(50).toNanos(),
        "answered at once: the SAs are still up (rekeyed), nothing waits for IKE");

    List<DecodedFrame> requests = lab.hubFrames().stream()
        .filter(from(SV94, HUB).and(nhrp(NhrpPacketType.REGISTRATION_REQUEST))).toList();
    List<DecodedFrame> replies = lab.hubFrames().stream()
        .filter(from(HUB, SV94).and(nhrp(NhrpPacketType.REGISTRATION_REPLY))).toList();
    assertEquals(requests.size(), 2, "one request on the wire per registration (the first attempt started IKE)");
    assertEquals(replies.size(), 2);
    long gap = replies.get(1).frame().timestampNanos() - replies.get(0).frame().timestampNanos();
    assertTrue(Math.abs(gap - Duration.ofSeconds(2400).toNanos()) < Duration.ofMillis(50).toNanos(),
        "replies 2400 s apart: " + gap);
    assertEquals(requests.get(1).nhrp().mandatoryPart().firstCie().holdTime(), 7200);
    assertEquals(requests.get(1).nhrp().mandatoryPart().requestId(), refresh.requestId());
    assertTrue(NegativeLab.registered(lab.routers.sv94()) && lab.hubKnows(DocumentRouters.SV9_4_TUNNEL));
  }
}
