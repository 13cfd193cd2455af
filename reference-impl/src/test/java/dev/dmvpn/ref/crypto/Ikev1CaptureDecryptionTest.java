package dev.dmvpn.ref.crypto;

import static org.testng.Assert.assertEquals;

import dev.dmvpn.ref.bytes.Hex;
import dev.dmvpn.ref.capture.CaptureFiles;
import dev.dmvpn.ref.capture.CapturedFrame;
import dev.dmvpn.ref.testing.SharedFiles;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

/**
 * Decrypts the encrypted IKEv1 messages of ikev1-3des-md5-decryptable.pcap (Openswan to Juniper, 3DES/MD5/group 2)
 * with the Ka published in MANIFEST.md, deriving every IV ourselves: phase-1 IV from the KE payloads of MM3/MM4,
 * CBC chaining to MM6, phase-2 IV for QM1. Expected payload chains are what tshark 4.0 shows with
 * {@code -o uat:ikev1_decryption_table:fafaeb49382a763c,735be0cb...}.
 */
public class Ikev1CaptureDecryptionTest {
  private static final byte[] KA = Hex.parse("735be0cb62f82675c4f7bf8fbab9b56834ba76d6ab4fa240");

  private List<CapturedFrame> frames;
  private Ikev1Cipher cipher;

  @BeforeClass
  public void load() throws IOException {
    frames = CaptureFiles.readAll(SharedFiles.capture("ikev1-3des-md5-decryptable.pcap"));
    cipher = new Ikev1Cipher(Ikev1Encryption.TDES_CBC, KA);
  }

  @Test
  public void mainModeAndQuickModeDecryptWithDerivedIvs() {
    byte[] gxi = kePayload(frame(3));
    byte[] gxr = kePayload(frame(4));
    assertEquals(gxi.length, 128, "MODP_1024 public value, full width");
    byte[] iv = Ikev1KeyDerivation.phase1Iv(HashAlgorithm.MD5, gxi, gxr, 8);

    // MM5 (frame 5): ID, CERT, CR, SIG (tshark payload lengths 12,1498,87,132), ID_IPV4_ADDR 192.168.12.118
    byte[] mm5 = frame(5);
    byte[] plain5 = decrypt(mm5, iv);
    List<TestFrames.Payload> p5 = TestFrames.walk(plain5, firstPayload(mm5), 0, plain5.length);
    assertEquals(types(p5), List.of(5, 6, 7, 9));
    assertEquals(lengths(p5), List.of(12, 1498, 87, 132));
    assertEquals(Hex.of(p5.get(0).body(plain5)), "01000000c0a80c76");

    // MM6 (frame 6): IV = last ciphertext block of MM5; ID, CERT, SIG (12,1630,260), ID 172.16.1.103
    byte[] mm6 = frame(6);
    byte[] plain6 = decrypt(mm6, cipher.nextIv(encrypted(mm5)));
    List<TestFrames.Payload> p6 = TestFrames.walk(plain6, firstPayload(mm6), 0, plain6.length);
    assertEquals(types(p6), List.of(5, 6, 9));
    assertEquals(lengths(p6), List.of(12, 1630, 260));
    assertEquals(Hex.of(p6.get(0).body(plain6)), "01000000ac100167");

    // QM1 (frame 7, M-ID 0xf2cfe203): IV = MD5(last MM6 ciphertext block | M-ID);
    // HASH(1), SA, NONCE, KE (PFS), IDci, IDcr; tshark isakmp.hash 5a32e8a56d40768d60f16a0521da6cbc
    byte[] qm1 = frame(7);
    byte[] qmIv = Ikev1KeyDerivation.phase2Iv(HashAlgorithm.MD5, cipher.nextIv(encrypted(mm6)), 0xf2cfe203, 8);
    byte[] plain7 = decrypt(qm1, qmIv);
    List<TestFrames.Payload> p7 = TestFrames.walk(plain7, firstPayload(qm1), 0, plain7.length);
    assertEquals(types(p7), List.of(8, 1, 10, 4, 5, 5));
    assertEquals(lengths(p7), List.of(20, 52, 20, 132, 12, 12));
    assertEquals(Hex.of(p7.get(0).body(plain7)), "5a32e8a56d40768d60f16a0521da6cbc");
  }

  @Test
  public void wrongIvBreaksThePayloadChain() {
    byte[] mm5 = frame(5);
    byte[] plain = decrypt(mm5, new byte[8]);
    // only the first block depends on the IV: the ID payload header is garbage, the rest of the chain is intact
    assertEquals(Arrays.equals(Arrays.copyOf(plain, 4), Hex.parse("0600000c")), false);
  }

  private byte[] frame(int number) {
    return frames.get(number - 1).data();
  }

  private static int isakmp(byte[] frame) {
    return TestFrames.udpPayloadOffset(frame);
  }

  private static int firstPayload(byte[] frame) {
    return frame[isakmp(frame) + 16] & 0xFF;
  }

  private static byte[] encrypted(byte[] frame) {
    int off = isakmp(frame);
    int len = (int) (((frame[off + 24] & 0xFFL) << 24) | ((frame[off + 25] & 0xFF) << 16)
        | TestFrames.u16(frame, off + 26));
    return Arrays.copyOfRange(frame, off + 28, off + len);
  }

  private byte[] decrypt(byte[] frame, byte[] iv) {
    return cipher.decrypt(iv, encrypted(frame));
  }

  /** KE payload data of an unencrypted MM3/MM4. */
  private static byte[] kePayload(byte[] frame) {
    int off = isakmp(frame);
    List<TestFrames.Payload> chain = TestFrames.walk(frame, firstPayload(frame), off + 28,
        off + TestFrames.u16(frame, off + 26));
    return chain.stream().filter(p -> p.type() == 4).findFirst().orElseThrow().body(frame);
  }

  private static List<Integer> types(List<TestFrames.Payload> ps) {
    return ps.stream().map(TestFrames.Payload::type).toList();
  }

  private static List<Integer> lengths(List<TestFrames.Payload> ps) {
    return ps.stream().map(TestFrames.Payload::length).toList();
  }
}
