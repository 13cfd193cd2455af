package dev.dmvpn.ref.ipsec;

import dev.dmvpn.ref.testing.Tshark;
import static org.testng.Assert.assertEquals;

import dev.dmvpn.ref.capture.keys.KeyFiles;
import dev.dmvpn.ref.capture.keys.WiresharkEspSa;
import dev.dmvpn.ref.crypto.RandomSource;
import dev.dmvpn.ref.time.Clock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

/**
 * tshark 4.0 as the independent check of our ESP output and key export: frames we protect, written to a pcap,
 * decrypt in tshark with the config dir {@link KeyFiles} writes, with good ICVs; a wrong key gives bad ICVs.
 */
public class EspTsharkExportTest {
  private static final byte[] SPOKE = {(byte) 172, 16, 0, 11};
  private static final byte[] HUB = {(byte) 172, 16, 0, 1};

  @DataProvider
  public Object[][] suites() {
    return new Object[][] {
        {EspEncryption.TDES_CBC, EspIntegrity.HMAC_MD5_96},
        {EspEncryption.AES_CBC_128, EspIntegrity.HMAC_SHA1_96},
        {EspEncryption.AES_CBC_256, EspIntegrity.HMAC_SHA256_128},
        {EspEncryption.AES_GCM_16_128, EspIntegrity.NONE},
    };
  }

  @Test(dataProvider = "suites")
  public void tsharkDecryptsWhatWeProtect(EspEncryption enc, EspIntegrity integ) throws Exception {
    RandomSource random = RandomSource.of(new SplittableRandom(enc.ordinal()));
    EspSaParameters p = EspSaParameters.of(0x0badcafe, EspDirection.OUTBOUND, EspMode.TRANSPORT, enc,
        random.bytes(enc.keyMaterialLength()), integ, random.bytes(integ.keyLength()));
    Path dir = Files.createTempDirectory("esp-export");
    Path pcap = dir.resolve("esp.pcap");
    TestPackets.writePcap(pcap, protectThree(p, random));

    KeyFiles.writeWiresharkConfigDir(dir.resolve("ok"), List.of(WiresharkEspSa.of(p, "172.16.0.11", "172.16.0.1")),
        List.of());
    assertEquals(tshark(dir.resolve("ok"), pcap), List.of(
        "1\t0x2f\t1\t0\t0x0800\t8", "2\t0x2f\t1\t0\t0x0800\t8", "3\t0x2f\t1\t0\t0x0800\t8"));

    byte[] wrong = (integ == EspIntegrity.NONE ? p.encryptionKey() : p.integrityKey()).clone();
    wrong[wrong.length - 1] ^= 0x10; // last byte: the GCM salt, or the HMAC key
    EspSaParameters bad = integ == EspIntegrity.NONE
        ? EspSaParameters.of(p.spi(), p.direction(), p.mode(), enc, wrong, integ, p.integrityKey())
        : EspSaParameters.of(p.spi(), p.direction(), p.mode(), enc, p.encryptionKey(), integ, wrong);
    KeyFiles.writeWiresharkConfigDir(dir.resolve("bad"),
        List.of(WiresharkEspSa.of(bad, "172.16.0.11", "172.16.0.1")), List.of());
    for (String row : tshark(dir.resolve("bad"), pcap)) {
      assertEquals(row.split("\t", -1)[3], "1", "esp.icv_bad with a wrong key: " + row);
    }
  }

  /** Three GRE-over-ESP frames: GRE 0x0800 carrying ICMP echo requests 10.0.0.11 -> 10.0.0.1. */
  private static List<byte[]> protectThree(EspSaParameters p, RandomSource random) {
    EspSa sa = new EspSa(p, Clock.system());
    EspProcessor esp = new EspProcessor(random);
    List<byte[]> frames = new ArrayList<>();
    for (int i = 1; i <= 3; i++) {
      byte[] inner = TestPackets.ipv4(new byte[] {10, 0, 0, 11}, new byte[] {10, 0, 0, 1}, 1,
          TestPackets.icmpEcho(0x1234, i, 20 + i));
      byte[] espBytes = esp.protect(sa, 47, TestPackets.gre(0x0800, inner));
      frames.add(TestPackets.ethernet(TestPackets.ipv4(SPOKE, HUB, 50, espBytes)));
    }
    return frames;
  }

  /** Per ESP frame: seq, next header, icv_good, icv_bad, GRE protocol, ICMP type. */
  private static List<String> tshark(Path configDir, Path pcap) throws IOException, InterruptedException {
    return Tshark.decrypted(configDir, pcap, "esp", false, "esp.sequence", "esp.protocol", "esp.icv_good",
        "esp.icv_bad", "gre.proto", "icmp.type");
  }
}
