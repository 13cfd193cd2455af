package dev.dmvpn.ref.node.scenario;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

import dev.dmvpn.ref.bytes.Hex;
import dev.dmvpn.ref.bytes.Ipv4Address;
import dev.dmvpn.ref.capture.decrypt.CaptureKeys;
import dev.dmvpn.ref.capture.keys.EspSaFile;
import dev.dmvpn.ref.capture.keys.WiresharkEspSa;
import dev.dmvpn.ref.capture.keys.WiresharkIkeSa;
import dev.dmvpn.ref.eigrp.EigrpNeighborSnapshot;
import dev.dmvpn.ref.eigrp.EigrpRouteSnapshot;
import dev.dmvpn.ref.eigrp.EigrpTopologySnapshot;
import dev.dmvpn.ref.node.DmvpnNode;
import dev.dmvpn.ref.node.NodeRoute;
import dev.dmvpn.ref.testing.Tshark;
import dev.dmvpn.ref.wire.ip.Ipv4Prefix;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

/**
 * The document's scenario learns its routes by EIGRP 90 over the protected mGRE tunnel (simulated clock). Metrics
 * are the hand-worked ones of CompositeMetricTest: a LAN one tunnel away 256 x (1,111,111 + 50,010) =
 * 297,246,976; two tunnels away 256 x (1,111,111 + 100,010) = 310,046,976.
 */
public class DocumentEigrpTest {
  private ScenarioResult result;
  private final List<String> options = new ArrayList<>();

  @BeforeClass
  public void run() throws Exception {
    Path dir = Files.createTempDirectory("document-eigrp");
    result = DocumentScenario.runSimulated(dir, DocumentScenario.Options.defaults().withSeed(3));
    CaptureKeys keys = CaptureKeys.load(List.of(result.keyDir()));
    options.addAll(List.of("esp.enable_encryption_decode:TRUE", "esp.enable_authentication_check:TRUE"));
    for (WiresharkEspSa sa : keys.esp()) {
      options.add("uat:esp_sa:" + EspSaFile.format(List.of(sa)).strip());
    }
    for (WiresharkIkeSa sa : keys.ike()) {
      options.add("uat:ikev1_decryption_table:" + Hex.of(sa.initiatorCookie()) + "," + Hex.of(sa.encryptionKey()));
    }
  }

  @Test
  public void scenarioSucceedsOnEigrpRoutes() {
    assertTrue(result.success(), result.summary().toString());
    assertTrue(result.summary().stream().anyMatch(s -> s.startsWith("ok: EIGRP 90 converged")),
        result.summary().toString());
  }

  @Test
  public void routingTablesHoldWhatEigrpLearned() {
    DmvpnNode sv94 = result.routers().sv94();
    NodeRoute r = sv94.routes().longestMatch(Ipv4Address.parse("2.2.2.2"));
    assertEquals(r.origin(), NodeRoute.Origin.EIGRP);
    assertEquals(r.prefix(), Ipv4Prefix.parse("2.2.2.0/24"));
    assertEquals(r.nextHop(), DocumentRouters.HUB_TUNNEL, "next-hop-self on the hub (12.3 default)");
    EigrpRouteSnapshot s = sv94.eigrp().router().routes().stream()
        .filter(x -> x.prefix().equals(Ipv4Prefix.parse("2.2.2.0/24"))).findFirst().orElseThrow();
    assertEquals(s.metric(), 310_046_976L);
    assertEquals(s.administrativeDistance(), 90);
    assertEquals(s.interfaceName(), "Tunnel0");
    EigrpRouteSnapshot hubTo3 = result.routers().hub().eigrp().router().routes().stream()
        .filter(x -> x.prefix().equals(Ipv4Prefix.parse("3.3.3.0/24"))).findFirst().orElseThrow();
    assertEquals(hubTo3.metric(), 297_246_976L);
    assertEquals(hubTo3.nextHop(), DocumentRouters.SV9_4_TUNNEL);
  }

  @Test
  public void neighboursAndTopologyAsShowCommandsWouldPrintThem() {
    List<EigrpNeighborSnapshot> n = result.routers().hub().eigrp().router().neighbors();
    assertEquals(n.stream().map(EigrpNeighborSnapshot::address).sorted().toList(),
        List.of(DocumentRouters.SV9_3_TUNNEL, DocumentRouters.SV9_4_TUNNEL));
    for (EigrpNeighborSnapshot x : n) {
      assertEquals(x.interfaceName(), "Tunnel0");
      assertTrue(x.up());
      assertTrue(x.holdSecondsLeft() <= 180 && x.holdSecondsLeft() > 0, x.toString());
      assertEquals(x.queueCount(), 0);
      assertTrue(x.lastSequence() > 0);
      assertTrue(x.rtoMillis() >= 200 && x.rtoMillis() <= 5000);
    }
    EigrpTopologySnapshot t = result.routers().sv93().eigrp().router().topology().stream()
        .filter(x -> x.prefix().equals(Ipv4Prefix.parse("2.2.2.0/24"))).findFirst().orElseThrow();
    // P 2.2.2.0/24, 1 successors, FD is 28160 / via Connected, FastEthernet0/1
    assertFalse(t.active());
    assertEquals(t.feasibleDistance(), 28_160L);
    assertEquals(t.paths().get(0).via(), null);
    assertEquals(t.paths().get(0).interfaceName(), "FastEthernet0/1");
  }

  @Test
  public void tsharkDecodesEveryEigrpPacketInsideEsp() throws Exception {
    for (Path pcap : List.of(result.hubCapture(), result.spokeCapture())) {
      List<Map<String, String>> rows = Tshark.fields(pcap, options, List.of("esp.icv_good", "ip.src", "eigrp.opcode",
          "eigrp.checksum.status", "_ws.malformed", "_ws.expert", "eigrp.ipv4.destination"));
      List<Map<String, String>> eigrp = rows.stream().filter(r -> !r.get("eigrp.opcode").isEmpty()).toList();
      assertTrue(eigrp.size() >= 10, pcap + ": " + eigrp.size() + " EIGRP packets");
      for (Map<String, String> r : eigrp) {
        assertEquals(r.get("eigrp.checksum.status"), "1", r.toString());
        assertEquals(r.get("_ws.malformed"), "", r.toString());
        assertFalse(r.get("_ws.expert").contains("EIGRP") || r.get("_ws.expert").contains("Error")
            || r.get("_ws.expert").contains("Warning"), r.toString());
      }
      assertTrue(eigrp.stream().anyMatch(r -> r.get("eigrp.ipv4.destination").contains("2.2.2.0")), pcap.toString());
    }
  }
}
