package dev.dmvpn.harness.decode;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dmvpn.harness.demo.DocumentFrames;
import dev.dmvpn.ref.capture.CaptureFiles;
import dev.dmvpn.ref.capture.CapturedFrame;
import dev.dmvpn.ref.capture.FrameDecoder;
import dev.dmvpn.ref.capture.FrameDecryptor;
import dev.dmvpn.ref.capture.decrypt.CaptureKeys;
import dev.dmvpn.ref.capture.decrypt.KeyedFrameDecryptor;
import dev.dmvpn.ref.testing.SharedFiles;
import dev.dmvpn.ref.testing.Tshark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

/**
 * tshark is the independent decoder: for every frame of every shared capture, and of a capture our own encoders
 * write, the GRE/NHRP/ISAKMP/ESP fields of our decode output must equal tshark's. Known tshark differences are
 * handled in {@link FrameComparison} and named there (draft NAT-D type 15).
 */
public class TsharkCrossCheckTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @DataProvider(name = "sharedCaptures")
  public static Object[][] sharedCaptures() throws Exception {
    try (Stream<Path> files = Files.list(SharedFiles.shared("captures"))) {
      return files
          .filter(p -> p.toString().endsWith(".pcap") || p.toString().endsWith(".cap"))
          .sorted()
          .map(p -> new Object[] {p})
          .toArray(Object[][]::new);
    }
  }

  @Test(dataProvider = "sharedCaptures")
  public void sharedCaptureMatchesTshark(Path capture) throws Exception {
    List<String> mismatches = compare(capture, CaptureFiles.readAll(capture));
    assertTrue(mismatches.isEmpty(), String.join("\n", mismatches));
  }

  @Test
  public void allTenSharedCapturesAreChecked() throws Exception {
    assertEquals(sharedCaptures().length, 10, "a capture was added or lost: check the MANIFEST");
  }

  /** What our encoders write (the document's exchange), tshark reads back to the same fields. */
  @Test
  public void documentCaptureWrittenByOurEncodersMatchesTshark() throws Exception {
    List<CapturedFrame> frames = DocumentFrames.exchange();
    Path file = Files.createTempFile("document-exchange", ".pcap");
    try {
      CaptureFiles.writePcap(file, frames);
      List<String> mismatches = compare(file, frames);
      assertTrue(mismatches.isEmpty(), String.join("\n", mismatches));
      List<Map<String, String>> rows = Tshark.fields(file, TsharkFields.OPTIONS,
          List.of("nhrp.auth_ext.data", "nhrp.hdr.chksum.status", "_ws.malformed", "_ws.expert"));
      for (Map<String, String> row : rows) {
        assertTrue(row.get("_ws.malformed").isEmpty(), "tshark calls a frame we wrote malformed: " + row);
      }
      // tshark reads the Cisco password in all 7 NHRP packets as 'cisco123' and rates every checksum Good
      assertEquals(rows.stream().filter(r -> r.get("nhrp.auth_ext.data").equals("636973636f313233")).count(), 7);
      assertEquals(rows.stream().filter(r -> r.get("nhrp.hdr.chksum.status").equals("1")).count(), 7);
    } finally {
      Files.deleteIfExists(file);
    }
  }

  /**
   * With keys both decoders look inside: the strongSwan/FRR capture's ESP carries GRE with the NHRP
   * registration (tshark given the same esp_sa rows), and the Openswan capture's encrypted Main and Quick Mode
   * messages (tshark given the same ikev1_decryption_table row).
   */
  @Test
  public void decryptedCapturesMatchTshark() throws Exception {
    Path linux = SharedFiles.capture("linux-dmvpn-hub-spoke-wan.pcap");
    Path espSa = SharedFiles.capture("linux-dmvpn-hub-spoke-wan.esp_sa");
    List<String> espOptions = new ArrayList<>(List.of("esp.enable_encryption_decode:TRUE"));
    for (String row : Files.readAllLines(espSa)) {
      espOptions.add("uat:esp_sa:" + row);
    }
    List<String> mismatches = new ArrayList<>(compare(linux, CaptureFiles.readAll(linux),
        new KeyedFrameDecryptor(CaptureKeys.load(List.of(espSa))), espOptions));
    Path certs = SharedFiles.capture("ikev1-3des-md5-decryptable.pcap");
    Path table = Files.createTempFile("ikev1_decryption_table", "");
    try {
      // MANIFEST.md: initiator cookie and the final 3DES key Ka
      String row = "fafaeb49382a763c,735be0cb62f82675c4f7bf8fbab9b56834ba76d6ab4fa240";
      Files.writeString(table, row + "\n");
      List<CapturedFrame> frames = CaptureFiles.readAll(certs);
      // frame 8 retransmits frame 7: tshark 4.0 cannot decrypt a retransmission (protocol-notes 6, gotcha 3)
      List<String> certMismatches = compare(certs, frames,
          new KeyedFrameDecryptor(CaptureKeys.load(List.of(table))), List.of("uat:ikev1_decryption_table:" + row));
      certMismatches.removeIf(m -> m.contains(" frame 8 isakmp.payloads"));
      mismatches.addAll(certMismatches);
    } finally {
      Files.delete(table);
    }
    assertTrue(mismatches.isEmpty(), String.join("\n", mismatches));
  }

  private static List<String> compare(Path file, List<CapturedFrame> frames) throws Exception {
    return compare(file, frames, null, List.of());
  }

  private static List<String> compare(Path file, List<CapturedFrame> frames, FrameDecryptor decryptor,
      List<String> extraOptions) throws Exception {
    List<String> options = new ArrayList<>(TsharkFields.OPTIONS);
    options.addAll(extraOptions);
    List<Map<String, String>> theirs = Tshark.fields(file, options, TsharkFields.FIELDS);
    assertEquals(theirs.size(), frames.size(), "frame count vs tshark for " + file);
    List<String> mismatches = new ArrayList<>();
    for (int i = 0; i < frames.size(); i++) {
      StringBuilder line = new StringBuilder();
      FrameJson.write(FrameDecoder.decode(i + 1, frames.get(i), decryptor), line);
      JsonNode ours = JSON.readTree(line.toString());
      String where = file.getFileName() + " frame " + (i + 1);
      mismatches.addAll(new FrameComparison(where, ours, theirs.get(i)).compare());
    }
    return mismatches;
  }
}
