package dev.dmvpn.ref.ipsec;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

import dev.dmvpn.ref.bytes.Hex;
import dev.dmvpn.ref.bytes.InternetChecksum;
import dev.dmvpn.ref.capture.CaptureFiles;
import dev.dmvpn.ref.capture.CapturedFrame;
import dev.dmvpn.ref.capture.keys.EspSaFile;
import dev.dmvpn.ref.capture.keys.WiresharkEspSa;
import dev.dmvpn.ref.crypto.RandomSource;
import dev.dmvpn.ref.crypto.TestFrames;
import dev.dmvpn.ref.testing.SharedFiles;
import dev.dmvpn.ref.time.Clock;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.testng.annotations.Test;

/** Decrypting ESP written by other implementations (keys from MANIFEST.md and the capture's esp_sa file). */
public class EspCaptureDecryptionTest {
  private final EspProcessor esp = new EspProcessor(RandomSource.secure());

  /**
   * esp-3des-tunnel-decryptable.pcap (FreeS/WAN, tunnel mode): 8 frames SPI 0x12345678, 3DES key from MANIFEST.md,
   * auth key unpublished so the 12-byte ICV is skipped. tshark shows seq 1..8, pad length 2, next header 4 and an
   * inner ICMP echo request 192.0.2.1 -> 192.0.1.1 with a good IPv4 checksum.
   */
  @Test
  public void freeswanTunnelModeDecryptsToValidIpv4() throws IOException {
    EspSa sa = new EspSa(EspSaParameters.of(0x12345678, EspDirection.INBOUND, EspMode.TUNNEL,
        EspEncryption.TDES_CBC, Hex.parse("4043434545464649494a4a4c4c4f4f515152525454575758"),
        EspIntegrity.UNCHECKED_96, new byte[0]), Clock.system());
    List<CapturedFrame> frames = CaptureFiles.readAll(SharedFiles.capture("esp-3des-tunnel-decryptable.pcap"));
    assertEquals(frames.size(), 8);
    for (int i = 0; i < frames.size(); i++) {
      byte[] f = frames.get(i).data();
      int off = TestFrames.ipPayloadOffset(f);
      EspOpenResult r = esp.open(sa, f, off, TestFrames.ipPayloadEnd(f) - off);
      assertEquals(r.status(), EspOpenResult.Status.DECRYPTED_UNVERIFIED, "frame " + (i + 1));
      assertEquals(r.sequenceNumber(), i + 1);
      assertEquals(r.nextHeader(), 4);
      byte[] inner = r.buffer();
      int len = r.payloadLength();
      assertEquals(inner[len], 1, "pad length 2: padding 01 02");
      assertEquals(inner[len + 2], 2);
      assertEquals(inner[0], 0x45);
      assertTrue(InternetChecksum.verify(inner, 0, 20), "inner IPv4 header checksum");
      assertEquals(TestFrames.u16(inner, 2), len, "inner total length = payload length");
      assertEquals(Hex.of(inner, 12, 8), "c0000201c0000101"); // 192.0.2.1 -> 192.0.1.1
      assertEquals(inner[9], 1);
      assertEquals(inner[20], 8, "ICMP echo request");
    }
  }

  /**
   * linux-dmvpn-hub-spoke-wan.pcap (strongSwan + Linux kernel, transport mode, 3DES/HMAC-MD5-96) with its esp_sa
   * file: every ESP frame authenticates and carries GRE (next header 47); tshark shows GRE protocol 0x2001 (NHRP)
   * in frames 21, 23, 24 and 0x0800 (IPv4/ICMP) in 28-31, with these sequence numbers and pad lengths.
   */
  @Test
  public void strongswanTransportModeAuthenticatesAndCarriesGre() throws IOException {
    Map<Integer, EspSa> sas = new HashMap<>();
    for (WiresharkEspSa row : EspSaFile.read(SharedFiles.capture("linux-dmvpn-hub-spoke-wan.esp_sa"))) {
      sas.put(row.spi(), new EspSa(row.toParameters(EspMode.TRANSPORT), Clock.system()));
    }
    List<CapturedFrame> frames = CaptureFiles.readAll(SharedFiles.capture("linux-dmvpn-hub-spoke-wan.pcap"));
    List<String> seen = new ArrayList<>();
    for (int i = 0; i < frames.size(); i++) {
      byte[] f = frames.get(i).data();
      if (TestFrames.u16(f, 12) != 0x0800 || f[14 + 9] != 50) {
        continue;
      }
      int off = TestFrames.ipPayloadOffset(f);
      int spi = (int) Long.parseLong(Hex.of(f, off, 4), 16);
      EspOpenResult r = esp.open(sas.get(spi), f, off, TestFrames.ipPayloadEnd(f) - off);
      assertTrue(r.isDelivered(), "frame " + (i + 1) + ": " + r);
      assertEquals(r.nextHeader(), 47);
      byte[] gre = r.buffer();
      int proto = TestFrames.u16(gre, 2);
      if (proto == 0x0800) {
        assertTrue(InternetChecksum.verify(gre, 4, 20), "inner IPv4 checksum, frame " + (i + 1));
      }
      int padLen = gre[r.payloadLength() + (gre.length - r.payloadLength() - 2)] & 0xFF;
      seen.add((i + 1) + ":" + Integer.toHexString(spi) + ":" + r.sequenceNumber() + ":" + padLen + ":"
          + Integer.toHexString(proto));
    }
    assertEquals(seen, List.of("21:c92b34bb:1:6:2001", "23:c92b34bb:2:6:2001", "24:ccf77353:1:2:2001",
        "28:c92b34bb:3:6:800", "29:ccf77353:2:6:800", "30:c92b34bb:4:6:800", "31:ccf77353:3:6:800"));
    assertEquals(sas.get(0xc92b34bb).packets(), 4);
    assertEquals(sas.get(0xccf77353).packets(), 3);
  }
}
