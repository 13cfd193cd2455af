package dev.dmvpn.ref.node.scenario;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

import dev.dmvpn.ref.nhrp.NhrpPacketType;
import dev.dmvpn.ref.nhrp.engine.NhrpEventType;
import dev.dmvpn.ref.node.DmvpnNode;
import dev.dmvpn.ref.node.NodeCounter;
import dev.dmvpn.ref.node.NodeEventKind;
import java.nio.file.Files;
import java.util.List;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

/** The lossless scenario's structured event log, its printable lines and the per-node counters. */
public class DocumentScenarioEventsTest {
  private ScenarioResult r;
  private List<String> lines;

  @BeforeClass
  public void run() throws Exception {
    r = DocumentScenario.runSimulated(Files.createTempDirectory("document-scenario-events"),
        DocumentScenario.Options.defaults().withSeed(3));
    lines = r.eventLines();
  }

  private int indexOf(String prefix) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith(prefix)) {
        return i;
      }
    }
    throw new AssertionError("no line starting with '" + prefix + "' in\n" + String.join("\n", lines));
  }

  @Test
  public void linesTellTheDocumentsStoryInOrder() {
    int reg4 = indexOf("sv9-4: NHRP registration to 192.168.1.1 answered");
    int reg3 = indexOf("sv9-3: NHRP registration to 192.168.1.1 answered");
    int ike4 = indexOf("sv9-4: IPsec SAs with 209.168.202.225 up");
    int resolve = indexOf("sv9-4: NHRP resolution request for 2.2.2.2 sent to NHS at 209.168.202.225");
    int forward = indexOf("sv9-2: NHRP forwarding resolution request for 2.2.2.2 to 209.168.202.131");
    int delay = indexOf("sv9-3: NHRP delaying resolution request from 192.168.1.3");
    int connect = indexOf("sv9-3: IPSEC-IFC: need to wait for IPsec SAs to 209.168.202.130: starting IKE");
    int p1 = indexOf("sv9-3: ISAKMP SA with 209.168.202.130 up (initiator");
    int p2 = indexOf("sv9-3: IPsec SAs with 209.168.202.130 up (Quick Mode initiator");
    int retransmitted = indexOf("sv9-4: NHRP resolution request for 2.2.2.2 sent to NHS at 209.168.202.225 (id 2),"
        + " attempt 2");
    int processed = indexOf("sv9-3: NHRP process delayed resolution request from 192.168.1.3");
    int replied = indexOf("sv9-3: NHRP resolution reply to 192.168.1.3 sent to 209.168.202.130");
    int answered = indexOf("sv9-4: NHRP resolution of 2.2.2.2 answered");
    assertTrue(ike4 < reg4 && reg4 < resolve && reg3 < resolve, "registered (over IPsec) before pinging");
    assertTrue(resolve < forward && forward < delay && connect < p1 && p1 < p2 && p2 < retransmitted
        && retransmitted < processed && processed < replied && replied < answered, String.join("\n", lines));
    assertTrue(lines.get(answered).endsWith("2.2.2.0/24 via 192.168.1.2 at 209.168.202.131"), lines.get(answered));
    assertEquals(lines.stream().filter(l -> l.startsWith("sv9-4: echo reply from 2.2.2.2")).count(), 10,
        "two pings of five");
  }

  @Test
  public void countersAddUp() {
    DmvpnNode hub = r.routers().hub();
    DmvpnNode sv93 = r.routers().sv93();
    DmvpnNode sv94 = r.routers().sv94();
    for (DmvpnNode n : r.nodes()) {
      // Without loss a spoke drops only what it sent to the hub before the first SAs were up: the first Registration
      // Request (it started IKE) and, depending on timing, EIGRP hellos sent during IKE. The hub sends nothing
      // before a spoke registered over IPsec (its multicast list is dynamic), so it drops nothing.
      long noSa = n.counters().drops().getOrDefault("ipsec: need to wait for IPsec SAs", 0L);
      assertEquals(n.counters().drops().keySet(), noSa == 0 ? java.util.Set.of()
          : java.util.Set.of("ipsec: need to wait for IPsec SAs"), n.name() + " drops: " + n.counters().drops());
      assertTrue(n == hub ? noSa == 0 : noSa >= 1 && noSa <= 3, n.name() + " drops: " + n.counters().drops());
      assertEquals(n.events().count(NodeEventKind.INTERNAL_ERROR), 0);
      assertEquals(n.counters().get(NodeCounter.ESP_IN), n.counters().get(NodeCounter.GRE_IN),
          n.name() + ": every GRE packet came inside ESP");
      assertEquals(n.counters().get(NodeCounter.ESP_OUT), n.counters().get(NodeCounter.GRE_OUT) - noSa);
    }
    assertEquals(sv93.counters().get(NodeCounter.ICMP_ECHO_REQUESTS_IN), 10);
    assertEquals(sv93.counters().get(NodeCounter.ICMP_ECHO_REPLIES_OUT), 10);
    assertTrue(hub.counters().get(NodeCounter.IP_FORWARDED) >= 2, "the hub relayed the first echo and reply");
    assertEquals(hub.events().count(NodeEventKind.IKE_PHASE1_UP), 2, "one ISAKMP SA per spoke");
    assertEquals(sv94.events().count(NodeEventKind.IPSEC_SA_UP), 2, "with the hub and with sv9-3");
    var engine = hub.tunnel(DocumentRouters.TUNNEL).nhrp();
    assertEquals(engine.counters().received(NhrpPacketType.REGISTRATION_REQUEST), 2);
    assertEquals(engine.events().count(NhrpEventType.REQUEST_FORWARDED), 2,
        "sv9-4's request and its retransmission; sv9-3's is answered by the hub");
    var t = sv94.tunnel(DocumentRouters.TUNNEL);
    assertTrue(t.dataPacketsTo(dev.dmvpn.ref.wire.virtual.DocumentWan.HUB.address()) >= 1, "first echo via the hub");
    assertTrue(t.dataPacketsTo(dev.dmvpn.ref.wire.virtual.DocumentWan.SPOKE_SV9_3.address()) >= 3,
        "later echoes spoke to spoke");
  }
}
