package dev.dmvpn.harness.cli;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dmvpn.ref.capture.CaptureFiles;
import dev.dmvpn.ref.capture.CapturedFrame;
import dev.dmvpn.ref.capture.LinkType;
import dev.dmvpn.ref.testing.SharedFiles;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.testng.annotations.Test;

/** The {@code decode} command's contract: JSON Lines with the documented field names, and its exit statuses. */
public class DecodeCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private record Run(int status, List<JsonNode> lines, String err) {}

  private static Run decode(Path file, String... options) throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    List<String> args = new ArrayList<>(List.of("decode"));
    args.addAll(List.of(options));
    args.add(file.toString());
    int status = Main.run(new PrintWriter(out), new PrintWriter(err), args.toArray(String[]::new));
    List<JsonNode> lines = new ArrayList<>();
    for (String l : out.toString().split("\n")) {
      if (!l.isEmpty()) {
        lines.add(JSON.readTree(l));
      }
    }
    return new Run(status, lines, err.toString());
  }

  @Test
  public void iosRegistrationCaptureGivesTheDocumentedFields() throws Exception {
    Run r = decode(SharedFiles.capture("ios-nhrp-registration-key2-auth.pcap"));
    assertEquals(r.status(), 0, r.err());
    assertEquals(r.lines().size(), 4);
    JsonNode f = r.lines().get(0);
    // values: tshark 4.0 on tcpdump's NHRP_registration.pcap, frame 1
    assertEquals(f.get("frame").asLong(), 1);
    assertEquals(f.get("ip.src").asText(), "169.254.100.1");
    assertEquals(f.get("ip.tos").asInt(), 0xc0);
    assertEquals(f.get("gre.key").asLong(), 2);
    assertEquals(f.get("gre.protocolType").asText(), "0x2001");
    assertEquals(f.get("nhrp.op").asText(), "registration-request");
    assertEquals(f.get("nhrp.flags").asText(), "0x8002");
    assertEquals(f.get("nhrp.requestId").asLong(), 1);
    assertEquals(f.get("nhrp.authPassword").asText(), "NHRPAUTH");
    assertTrue(f.get("nhrp.checksumValid").asBoolean());
    assertEquals(f.get("nhrp.cies").get(0).get("holdTime").asInt(), 7200);
    assertEquals(f.get("nhrp.cies").get(0).get("mtu").asInt(), 17912);
    assertEquals(f.get("nhrp.extensions").size(), 6);
    assertFalse(f.has("error"));
    JsonNode reply = r.lines().get(1);
    assertEquals(reply.get("nhrp.extensions").get(0).get("cies").get(0).get("clientNbma").asText(),
        "169.254.100.5");
  }

  @Test
  public void isakmpAndEspFields() throws Exception {
    JsonNode mm1 = decode(SharedFiles.capture("ios-ikev1-main-quick-mode.cap")).lines().get(0);
    assertEquals(mm1.get("isakmp.initiatorCookie").asText(), "cf02326f14a95b93");
    assertEquals(mm1.get("isakmp.responderCookie").asText(), "0000000000000000");
    assertEquals(mm1.get("isakmp.exchange").asText(), "main-mode");
    assertEquals(mm1.get("isakmp.messageId").asText(), "00000000");
    assertEquals(mm1.get("isakmp.payloads").toString(), "[\"SA\",\"VID\",\"VID\",\"VID\"]");
    assertFalse(mm1.get("isakmp.natT").asBoolean());
    JsonNode esp = decode(SharedFiles.capture("esp-3des-tunnel-decryptable.pcap")).lines().get(2);
    assertEquals(esp.get("esp.spi").asText(), "0x12345678");
    assertEquals(esp.get("esp.seq").asLong(), 3);
  }

  @Test
  public void malformedFrameIsReportedAndTheFileStillReads() throws Exception {
    Run r = decode(SharedFiles.capture("malformed-nhrp-loop.pcap"));
    assertEquals(r.status(), 0);
    JsonNode e = r.lines().get(0).get("error");
    assertEquals(e.get("layer").asText(), "nhrp");
    assertEquals(e.get("offset").asInt(), 48);
    assertEquals(r.lines().get(0).get("ip.proto").asInt(), 54); // layers before the bad one are kept
  }

  /** issue 7: every frame of an unknown link type carries an error naming it; raw IP decodes to its layers. */
  @Test
  public void linkTypeDecidesTheLayersAndAnUnknownOneIsAnErrorPerFrame() throws Exception {
    List<CapturedFrame> eth = CaptureFiles.readAll(SharedFiles.capture("ios-nhrp-registration-key2-auth.pcap"));
    List<CapturedFrame> raw = new ArrayList<>();
    List<CapturedFrame> unknown = new ArrayList<>();
    for (CapturedFrame f : eth) {
      byte[] ip = Arrays.copyOfRange(f.data(), 18, f.data().length); // Ethernet + 802.1Q tag (tshark -x)
      raw.add(new CapturedFrame(0, LinkType.RAW_12, f.timestampNanos(), ip.length, ip));
      unknown.add(new CapturedFrame(0, new LinkType(147), f.timestampNanos(), ip.length, ip));
    }
    Path file = Files.createTempFile("linktypes", ".pcap");
    try {
      CaptureFiles.writePcap(file, raw);
      Run r = decode(file);
      assertEquals(r.lines().size(), 4);
      assertEquals(r.lines().get(0).get("ip.src").asText(), "169.254.100.1");
      assertEquals(r.lines().get(0).get("nhrp.op").asText(), "registration-request");
      assertFalse(r.lines().get(0).has("error"));
      CaptureFiles.writePcap(file, unknown);
      r = decode(file);
      assertEquals(r.status(), 0);
      assertEquals(r.lines().size(), 4);
      for (JsonNode line : r.lines()) {
        assertEquals(line.get("error").get("layer").asText(), "link");
        assertTrue(line.get("error").get("message").asText().startsWith("link type 147 (linktype-147)"));
        assertFalse(line.has("ip.src"));
      }
    } finally {
      Files.delete(file);
    }
  }

  @Test
  public void damagedTailKeepsEarlierFramesAndExitsOne() throws Exception {
    byte[] whole = Files.readAllBytes(SharedFiles.capture("ios-nhrp-registration-key2-auth.pcap"));
    Path cut = Files.createTempFile("cut", ".pcap");
    try {
      Files.write(cut, Arrays.copyOf(whole, whole.length - 20));
      Run r = decode(cut);
      assertEquals(r.status(), 1);
      assertEquals(r.lines().size(), 3);
      assertTrue(r.err().contains("stopped after frame 3"), r.err());
    } finally {
      Files.delete(cut);
    }
  }

  /** issue 3: the NHRP registration inside the Linux hub/spoke capture's ESP decodes with its esp_sa file. */
  @Test
  public void keysOpenEspAndTheNhrpInside() throws Exception {
    Run r = decode(SharedFiles.capture("linux-dmvpn-hub-spoke-wan.pcap"),
        "--keys", SharedFiles.capture("linux-dmvpn-hub-spoke-wan.esp_sa").toString());
    assertEquals(r.status(), 0, r.err());
    JsonNode f21 = r.lines().get(20); // tshark with the esp_sa file: frame 21 ESP -> GRE -> NHRP Registration Request
    assertEquals(f21.get("esp.decryption").asText(), "ok");
    assertEquals(f21.get("esp.nextHeader").asInt(), 47);
    assertEquals(f21.get("nhrp.op").asText(), "registration-request");
    assertEquals(f21.get("nhrp.srcNbma").asText(), "172.16.0.11");
    assertEquals(r.lines().get(23).get("nhrp.op").asText(), "registration-reply"); // frame 24
  }

  @Test
  public void wrongEspKeyIsDroppedNotDelivered() throws Exception {
    Path bad = Files.createTempFile("esp_sa", "");
    try {
      // the capture's first SA with one bit of the HMAC key flipped
      String row = Files.readAllLines(SharedFiles.capture("linux-dmvpn-hub-spoke-wan.esp_sa")).get(0)
          .replace("0xc0fc803b", "0xc0fc803a");
      Files.writeString(bad, row + "\n");
      Run r = decode(SharedFiles.capture("linux-dmvpn-hub-spoke-wan.pcap"), "--keys", bad.toString());
      JsonNode f21 = r.lines().get(20);
      assertEquals(f21.get("esp.decryption").asText(), "dropped: ICV_FAILED");
      assertFalse(f21.has("nhrp.op"));
    } finally {
      Files.delete(bad);
    }
  }

  @Test
  public void brokenKeyFileNamesFileAndLine() throws Exception {
    Path bad = Files.createTempFile("esp_sa", "");
    try {
      Files.writeString(bad, "\"IPv4\",\"1.2.3.4\"\n");
      Run r = decode(SharedFiles.capture("linux-dmvpn-hub-spoke-wan.pcap"), "--keys", bad.toString());
      assertEquals(r.status(), 2);
      assertTrue(r.err().contains(bad + ":1:"), r.err());
      assertTrue(r.lines().isEmpty());
    } finally {
      Files.delete(bad);
    }
  }

  @Test
  public void notACaptureExitsTwoWithOneLineReason() throws Exception {
    Path text = Files.createTempFile("notes", ".txt");
    try {
      Files.writeString(text, "interface Tunnel0\n ip nhrp network-id 1\n");
      Run r = decode(text);
      assertEquals(r.status(), 2);
      assertTrue(r.lines().isEmpty());
      assertEquals(r.err().strip().lines().count(), 1, r.err());
      assertTrue(r.err().contains(text.toString()) && r.err().contains("not a pcap or pcapng"), r.err());
    } finally {
      Files.delete(text);
    }
    Run missing = decode(Path.of("/nonexistent/x.pcap"));
    assertEquals(missing.status(), 2);
    assertTrue(missing.err().contains("/nonexistent/x.pcap"), missing.err());
  }
}
