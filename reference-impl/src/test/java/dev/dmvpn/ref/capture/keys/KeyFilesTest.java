package dev.dmvpn.ref.capture.keys;

import dev.dmvpn.ref.testing.Tshark;
import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertThrows;
import static org.testng.Assert.assertTrue;
import static org.testng.Assert.expectThrows;

import dev.dmvpn.ref.bytes.Hex;
import dev.dmvpn.ref.ipsec.EspEncryption;
import dev.dmvpn.ref.ipsec.EspIntegrity;
import dev.dmvpn.ref.testing.SharedFiles;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.testng.annotations.Test;

public class KeyFilesTest {
  /** Resolved per test (not in a static field) so a missing file fails the test with its path. */
  private static Path espSa() {
    return SharedFiles.capture("linux-dmvpn-hub-spoke-wan.esp_sa");
  }

  /** The esp_sa file recorded with the strongSwan capture: values and an exact re-format. */
  @Test
  public void readsAndReformatsARealEspSaFile() throws IOException {
    List<WiresharkEspSa> sas = EspSaFile.read(espSa());
    assertEquals(sas.size(), 2);
    WiresharkEspSa a = sas.get(0);
    assertEquals(a.protocol(), "IPv4");
    assertEquals(a.source(), "172.16.0.11");
    assertEquals(a.destination(), "172.16.0.1");
    assertEquals(a.spi(), 0xc92b34bb);
    assertEquals(a.encryptionAlgorithm(), WiresharkAlgorithms.TDES_CBC);
    assertEquals(Hex.of(a.encryptionKey()), "136193aa8ca7a1c998efdd2ecf74238703f5476a7a4671ae");
    assertEquals(a.authenticationAlgorithm(), WiresharkAlgorithms.HMAC_MD5_96);
    assertEquals(Hex.of(a.authenticationKey()), "c0fc803b168a4fdd1f59f58d64ebe055");
    assertEquals(sas.get(1).spi(), 0xccf77353);
    assertEquals(a.toParameters(dev.dmvpn.ref.ipsec.EspMode.TRANSPORT).encryption(), EspEncryption.TDES_CBC);
    assertEquals(EspSaFile.format(sas), Files.readString(espSa()));
  }

  @Test
  public void espSaErrorsNameFileLineAndProblem() {
    String good = "\"IPv4\",\"*\",\"*\",\"0x00000001\",\"NULL\",\"\",\"NULL\",\"\"";
    assertEquals(parseError(good + "\n# comment\n\"IPv4\",\"*\",\"*\",\"0x1\",\"NULL\",\"\",\"NULL\"").line(), 3);
    KeyFileException e = parseError("\n" + good.replace("0x00000001", "12"));
    assertEquals(e.getMessage(), "test.esp_sa:2: field 4: SPI must be 0x followed by hex, not '12'");
    assertTrue(parseError(good.replace("0x00000001", "0x1ffffffff")).getMessage().contains("32-bit"));
    assertTrue(parseError(good.replace(",\"\",\"NULL\"", ",\"0xzz\",\"NULL\"")).getMessage()
        .contains("field 6: key is not hex"));
    assertTrue(parseError("\"IPv4\",\"*").getMessage().contains("missing closing"));
    assertTrue(parseError(good.replace("\"IPv4\"", "\"IPX\"")).getMessage().contains("IPv4 or IPv6"));
    assertTrue(parseError("IPv4,*").getMessage().contains("expected '\"' at column 1"));
  }

  @Test
  public void asciiKeysAndEscapesAreReadLikeWireshark() throws KeyFileException {
    WiresharkEspSa sa = EspSaFile.parse(
        "\"IPv4\",\"10.0.0.1\",\"*\",\"0xABCDEF01\",\"NULL\",\"abc\\x2c\",\"NULL\",\"\"", "x").get(0);
    assertEquals(sa.spi(), 0xabcdef01);
    assertEquals(new String(sa.encryptionKey(), StandardCharsets.US_ASCII), "abc,");
    assertEquals(sa.authenticationKey().length, 0);
  }

  @Test
  public void ikeTableReadWriteAndErrors() throws IOException {
    String text = "fafaeb49382a763c,735be0cb62f82675c4f7bf8fbab9b56834ba76d6ab4fa240\n";
    List<WiresharkIkeSa> sas = IkeDecryptionTableFile.parse(text, "t");
    assertEquals(Hex.of(sas.get(0).initiatorCookie()), "fafaeb49382a763c");
    assertEquals(IkeDecryptionTableFile.format(sas), text);
    KeyFileException e = expectThrows(KeyFileException.class,
        () -> IkeDecryptionTableFile.parse("# c\nfafaeb49382a76,735b\n", "ike.txt"));
    assertEquals(e.getMessage(), "ike.txt:2: initiator cookie must be 8 bytes (16 hex digits), got 7");
    assertThrows(KeyFileException.class, () -> IkeDecryptionTableFile.parse("fafaeb49382a763c\n", "t"));
    assertThrows(KeyFileException.class, () -> IkeDecryptionTableFile.parse("fafaeb49382a763c,xx\n", "t"));
  }

  /** Every algorithm string we write occurs verbatim in the installed libwireshark (4.0.17). */
  @Test
  public void algorithmStringsExistInLibwireshark() throws Exception {
    Path lib;
    try (var s = Files.list(Path.of("/usr/lib/x86_64-linux-gnu"))) {
      lib = s.filter(p -> p.getFileName().toString().matches("libwireshark\\.so\\.\\d+\\.\\d+\\.\\d+"))
          .findFirst().orElseThrow(() -> new IllegalStateException("libwireshark not installed"));
    }
    String binary = new String(Files.readAllBytes(lib), StandardCharsets.ISO_8859_1);
    for (Field f : WiresharkAlgorithms.class.getFields()) {
      if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
        String value = (String) f.get(null);
        // the linker may merge "NULL" into the tail of a longer string: require only the terminator
        assertTrue(binary.contains(value + "\0"), f.getName() + " = '" + value + "' not in " + lib);
      }
    }
    for (EspEncryption e : EspEncryption.values()) {
      assertEquals(WiresharkAlgorithms.encryptionOf(WiresharkAlgorithms.encryption(e), e.keyMaterialLength()), e);
    }
    for (EspIntegrity i : EspIntegrity.values()) {
      assertEquals(WiresharkAlgorithms.integrityOf(WiresharkAlgorithms.authentication(i)), i);
    }
  }

  /** The directory KeyFiles writes makes tshark decrypt IKEv1 (ikev1-3des-md5-decryptable.pcap) and ESP. */
  @Test
  public void configDirWorksWithTshark() throws Exception {
    Path dir = Files.createTempDirectory("wsconf");
    KeyFiles.writeWiresharkConfigDir(dir, EspSaFile.read(espSa()), List.of(new WiresharkIkeSa(
        Hex.parse("fafaeb49382a763c"), Hex.parse("735be0cb62f82675c4f7bf8fbab9b56834ba76d6ab4fa240"))));
    assertEquals(Files.readString(dir.resolve("preferences")), KeyFiles.PREFERENCES);
    assertEquals(Files.readString(dir.resolve("esp_sa")), Files.readString(espSa()));
    // frame 7 is QM1: its HASH(1) is only visible after decryption
    assertEquals(tsharkField(dir, "ikev1-3des-md5-decryptable.pcap", "frame.number==7", "isakmp.hash"),
        List.of("5a32e8a56d40768d60f16a0521da6cbc"));
    assertEquals(tsharkField(dir, "linux-dmvpn-hub-spoke-wan.pcap", "esp", "esp.icv_good"),
        List.of("1", "1", "1", "1", "1", "1", "1"));
  }

  private static List<String> tsharkField(Path dir, String capture, String filter, String field)
      throws IOException, InterruptedException {
    return Tshark.decrypted(dir, SharedFiles.capture(capture), filter, false, field);
  }

  private static KeyFileException parseError(String content) {
    return expectThrows(KeyFileException.class, () -> EspSaFile.parse(content, "test.esp_sa"));
  }
}
