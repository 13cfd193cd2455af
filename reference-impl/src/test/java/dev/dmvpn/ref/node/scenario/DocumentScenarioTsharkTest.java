package dev.dmvpn.ref.node.scenario;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

import dev.dmvpn.ref.bytes.Hex;
import dev.dmvpn.ref.capture.decrypt.CaptureKeys;
import dev.dmvpn.ref.capture.keys.EspSaFile;
import dev.dmvpn.ref.capture.keys.WiresharkEspSa;
import dev.dmvpn.ref.capture.keys.WiresharkIkeSa;
import dev.dmvpn.ref.ipsec.EspMode;
import dev.dmvpn.ref.testing.Tshark;
import dev.dmvpn.ref.time.SimulatedScheduler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

/**
 * tshark, the independent decoder, reads the scenario's spoke capture with the exported keys given as
 * {@code -o uat:...} rows: it must open the ESP (ICV good) and find the NHRP inside, with cisco123.
 */
public class DocumentScenarioTsharkTest {
  private Path pcap;
  private List<String> options;

  @BeforeClass
  public void run() throws Exception {
    Path dir = Files.createTempDirectory("document-scenario-tshark");
    ScenarioResult result = DocumentScenario.run(ScenarioDriver.simulated(new SimulatedScheduler()), dir,
        DocumentScenario.Options.defaults().withSeed(11), mode());
    pcap = result.spokeCapture();
    CaptureKeys keys = CaptureKeys.load(List.of(result.keyDir()));
    options = new ArrayList<>(List.of("esp.enable_encryption_decode:TRUE", "esp.enable_authentication_check:TRUE",
        "nhrp.auth_ext_has_addr:FALSE"));
    for (WiresharkEspSa sa : keys.esp()) {
      options.add("uat:esp_sa:" + EspSaFile.format(List.of(sa)).strip());
    }
    for (WiresharkIkeSa sa : keys.ike()) {
      options.add("uat:ikev1_decryption_table:" + Hex.of(sa.initiatorCookie()) + "," + Hex.of(sa.encryptionKey()));
    }
  }

  /** The transform sets' mode (the document's: tunnel). */
  EspMode mode() {
    return EspMode.TUNNEL;
  }

  @Test
  public void tsharkDecodesRegistrationInsideEspWithCisco123() throws Exception {
    List<Map<String, String>> rows = Tshark.fields(pcap, options, List.of("ip.src", "ip.dst", "ip.proto",
        "esp.icv_good", "gre.proto", "gre.key", "nhrp.hdr.op.type", "nhrp.auth_ext.data", "nhrp.hdr.hopcnt"));
    List<Map<String, String>> registrations = rows.stream().filter(r -> r.get("nhrp.hdr.op.type").equals("3")).toList();
    assertEquals(registrations.size(), 2, "one registration request per spoke (lossless run)");
    for (Map<String, String> r : registrations) {
      if (mode() == EspMode.TUNNEL) { // "encaps is 1": tshark shows the inner IPv4 header, GRE between the pair
        assertEquals(r.get("ip.dst"), "209.168.202.225,209.168.202.225", r.toString());
        String[] src = r.get("ip.src").split(",");
        assertEquals(src.length, 2, r.toString());
        assertEquals(src[1], src[0], "the inner header's source is the spoke's NBMA address too");
        assertEquals(r.get("ip.proto"), "50,47", "ESP, then the tunnel-mode inner header carrying GRE");
      } else {
        assertEquals(r.get("ip.dst"), "209.168.202.225", r.toString());
        assertEquals(r.get("ip.proto"), "50", "GRE directly inside ESP");
      }
      assertEquals(r.get("esp.icv_good"), "1", r.toString());
      assertEquals(r.get("gre.proto"), "0x2001", "NHRP in GRE");
      assertEquals(r.get("gre.key"), "0x00000000", "tunnel key 0 on the wire");
      assertTrue(r.get("nhrp.auth_ext.data").equals("636973636f313233")
          || r.get("nhrp.auth_ext.data").equals("cisco123"), r.toString());
      assertEquals(r.get("nhrp.hdr.hopcnt"), "255");
    }
    List<Map<String, String>> forwarded = rows.stream()
        .filter(r -> r.get("nhrp.hdr.op.type").equals("1") && r.get("ip.src").startsWith("209.168.202.225"))
        .toList();
    assertFalse(forwarded.isEmpty(), "forwarded resolution request");
    assertEquals(forwarded.get(0).get("nhrp.hdr.hopcnt"), "254");
  }

  @Test
  public void tsharkDecryptsMainModeFiveBetweenTheSpokes() throws Exception {
    List<String> opts = new ArrayList<>(options);
    List<Map<String, String>> rows = Tshark.fields(pcap, opts, List.of("ip.src", "ip.dst", "isakmp.exchangetype",
        "isakmp.id.data.ipv4_addr"));
    boolean mm5 = rows.stream().anyMatch(r -> r.get("ip.src").equals("209.168.202.131")
        && r.get("ip.dst").equals("209.168.202.130") && r.get("isakmp.id.data.ipv4_addr").equals("209.168.202.131"));
    assertTrue(mm5, "sv9-3's MM5 (its ID) decrypted: sv9-3 is the initiator towards sv9-4");
  }
}
