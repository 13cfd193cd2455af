package dev.dmvpn.ref.crypto;

import static org.testng.Assert.assertEquals;

import dev.dmvpn.ref.bytes.Hex;
import dev.dmvpn.ref.capture.CaptureFiles;
import dev.dmvpn.ref.capture.CapturedFrame;
import dev.dmvpn.ref.testing.SharedFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.testng.annotations.Test;

public class Ikev1KeyDerivationTest {

  /** NIST ACVP IKEv1 PSK vector (libreswan programs/cavp), parsed from ../shared/vectors. */
  @Test
  public void nistAcvpPskVector() throws IOException {
    Map<String, byte[]> v = new HashMap<>();
    for (String line : Files.readAllLines(SharedFiles.shared("vectors/nist_acvp_ikev1_psk_sha1.txt"))) {
      if (!line.startsWith("#") && line.contains("=") && !line.startsWith("hashAlg")) {
        String[] kv = line.split("=", 2);
        v.put(kv[0].strip(), Hex.parse(kv[1].strip()));
      }
    }
    assertEquals(v.size(), 10, "all vector fields parsed");
    byte[] skeyid = Ikev1KeyDerivation.skeyidPsk(HashAlgorithm.SHA1, v.get("PSK"), v.get("Ni"), v.get("Nr"));
    assertEquals(Hex.of(skeyid), Hex.of(v.get("SKEYID")));
    Ikev1Keys k = Ikev1KeyDerivation.derivePsk(HashAlgorithm.SHA1, v.get("PSK"), v.get("Ni"), v.get("Nr"),
        v.get("g^xy"), v.get("CKY_I"), v.get("CKY_R"), Ikev1Encryption.AES_128_CBC);
    assertEquals(Hex.of(k.skeyidD()), Hex.of(v.get("SKEYID_d")));
    assertEquals(Hex.of(k.skeyidA()), Hex.of(v.get("SKEYID_a")));
    assertEquals(Hex.of(k.skeyidE()), Hex.of(v.get("SKEYID_e")));
    // AES-128 needs 16 of SKEYID_e's 20 bytes: appendix B says take the leading bytes
    assertEquals(Hex.of(k.encryptionKey()), Hex.of(v.get("SKEYID_e")).substring(0, 32));
  }

  /** RFC 2409 appendix B expansion; expected values computed with Python 3 hmac from the appendix's formula. */
  @Test
  public void appendixBExpansion() {
    assertEquals(Hex.of(Ikev1KeyDerivation.encryptionKey(HashAlgorithm.MD5,
            Hex.parse("00112233445566778899aabbccddeeff"), 24)),
        "6d2fa64e07e78c68c0a00b98fc113f9e9f96dbd293323a94");
    byte[] skeyidE = new byte[20];
    for (int i = 0; i < 20; i++) {
      skeyidE[i] = (byte) i;
    }
    assertEquals(Hex.of(Ikev1KeyDerivation.encryptionKey(HashAlgorithm.SHA1, skeyidE, 32)),
        "1e5fd6a5cbc98bd4c1fe20d5e5fb2ed1df330c93a33c043ca850a65fd7aeae17");
  }

  /** HASH_I/HASH_R, QM HASH(1)-(3), KEYMAT and IVs: expected values computed with Python 3 hmac/hashlib. */
  @Test
  public void hashesKeymatAndIvs() {
    byte[] gxi = PrfTest.fill(1, 96);
    byte[] gxr = PrfTest.fill(2, 96);
    byte[] ckyI = Hex.parse("1111111111111111");
    byte[] ckyR = Hex.parse("2222222222222222");
    byte[] sai = Hex.parse("00000001000000010000002c");
    HashAlgorithm md5 = HashAlgorithm.MD5;
    byte[] skeyid = PrfTest.fill(0x0f, 16);
    assertEquals(Hex.of(Ikev1KeyDerivation.hashI(md5, skeyid, gxi, gxr, ckyI, ckyR, sai,
        Hex.parse("011101f40a000001"))), "cc6a880e9e344b2c840988b5760d1c88");
    assertEquals(Hex.of(Ikev1KeyDerivation.hashR(md5, skeyid, gxi, gxr, ckyI, ckyR, sai,
        Hex.parse("011101f40a000002"))), "ad89f2ebc0df1697316d56a115015ba1");
    byte[] ska = PrfTest.fill(0x0a, 16);
    int mid = 0xf2cfe203;
    byte[] ni = PrfTest.fill(0xaa, 16);
    byte[] nr = PrfTest.fill(0xbb, 16);
    byte[] after = Hex.parse("0a000014" + "cc".repeat(16));
    assertEquals(Hex.of(Ikev1KeyDerivation.quickModeHash1(md5, ska, mid, after)), "93ec124ceb04f7e3d7ed21612edaba64");
    assertEquals(Hex.of(Ikev1KeyDerivation.quickModeHash2(md5, ska, mid, ni, after)),
        "2e8d79989126fc2dfd3ec8ad03a19b2b");
    assertEquals(Hex.of(Ikev1KeyDerivation.quickModeHash3(md5, ska, mid, ni, nr)), "0714fdf3aefcd51636955b0c2d2c2b31");
    byte[] skd = PrfTest.fill(0x0d, 16);
    ChildSaKeys keys = Ikev1KeyDerivation.childSaKeys(md5, skd, null, 3, 0xc92b34bb, ni, nr, 24, 16);
    assertEquals(Hex.of(keys.encryptionKey()), "2cbbee5968752011800d1d80fca8d0c85716d2d969d1453c");
    assertEquals(Hex.of(keys.integrityKey()), "de5764aa17ef769c800b07565722dd27");
    assertEquals(Hex.of(Ikev1KeyDerivation.keymat(md5, skd, PrfTest.fill(5, 128), 3, 0xc92b34bb, ni, nr, 40)),
        "b180e9e237e3595489ff9adf70e305c609f2229f2a5ec2231f07fd5f960594c58a807d182721ce0d");
    assertEquals(Hex.of(Ikev1KeyDerivation.phase1Iv(md5, gxi, gxr, 8)), "e4ee63192798eeea");
    assertEquals(Hex.of(Ikev1KeyDerivation.phase2Iv(md5, Hex.parse("0102030405060708"), mid, 8)),
        "47c2d4a3fdecb17f");
  }

  /**
   * NAT-D in capture linux-dmvpn-hub-spoke-wan.pcap (strongSwan, MD5): MM3 frame 14 172.16.0.11 -> 172.16.0.1 and
   * MM4 frame 15 carry these hashes (tshark isakmp.ike.nat_hash), first the destination's, then the source's.
   */
  @Test
  public void natDetectionMatchesStrongSwanCapture() {
    byte[] ckyI = Hex.parse("b97dac7e63340b25");
    byte[] ckyR = Hex.parse("f116f239a0975532");
    assertEquals(Hex.of(Ikev1KeyDerivation.natDetectionHash(HashAlgorithm.MD5, ckyI, ckyR,
        new byte[] {(byte) 172, 16, 0, 1}, 500)), "7699b0143b3ffee6243d2dc783ddacf3");
    assertEquals(Hex.of(Ikev1KeyDerivation.natDetectionHash(HashAlgorithm.MD5, ckyI, ckyR,
        new byte[] {(byte) 172, 16, 0, 11}, 500)), "48e28d47bd4866d0d6b316721795d0b8");
  }

  /**
   * NAT-D (draft payload type 15) in IOS capture ios-ikev1-main-quick-mode.cap, SHA-1: in MM3 (frame 3,
   * 10.0.0.1 -> 10.0.0.2) and MM4 (frame 4, reverse) the first NAT-D is the peer's address, the second our own.
   */
  @Test
  public void natDetectionMatchesIosCapture() throws IOException {
    List<CapturedFrame> frames = CaptureFiles.readAll(SharedFiles.capture("ios-ikev1-main-quick-mode.cap"));
    byte[] ckyI = Hex.parse("cf02326f14a95b93");
    byte[] ckyR = Hex.parse("18a109f89219e8df");
    byte[] a1 = {10, 0, 0, 1};
    byte[] a2 = {10, 0, 0, 2};
    assertEquals(natDPayloads(frames.get(2).data()), List.of(
        Hex.of(Ikev1KeyDerivation.natDetectionHash(HashAlgorithm.SHA1, ckyI, ckyR, a2, 500)),
        Hex.of(Ikev1KeyDerivation.natDetectionHash(HashAlgorithm.SHA1, ckyI, ckyR, a1, 500))));
    assertEquals(natDPayloads(frames.get(3).data()), List.of(
        Hex.of(Ikev1KeyDerivation.natDetectionHash(HashAlgorithm.SHA1, ckyI, ckyR, a1, 500)),
        Hex.of(Ikev1KeyDerivation.natDetectionHash(HashAlgorithm.SHA1, ckyI, ckyR, a2, 500))));
  }

  private static List<String> natDPayloads(byte[] frame) {
    int isakmp = TestFrames.udpPayloadOffset(frame);
    int end = isakmp + (int) (((frame[isakmp + 24] & 0xFFL) << 24) | TestFrames.u16(frame, isakmp + 26));
    return TestFrames.walk(frame, frame[isakmp + 16] & 0xFF, isakmp + 28, end).stream()
        .filter(p -> p.type() == 15).map(p -> Hex.of(p.body(frame))).toList();
  }
}
