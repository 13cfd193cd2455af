package dev.dmvpn.ref.ipsec;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertNull;
import static org.testng.Assert.assertThrows;
import static org.testng.Assert.assertTrue;

import dev.dmvpn.ref.bytes.Hex;
import dev.dmvpn.ref.crypto.RandomSource;
import dev.dmvpn.ref.time.Clock;
import dev.dmvpn.ref.time.ManualClock;
import java.time.Duration;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

public class EspProcessorTest {
  private static final int SPI = 0xc92b34bb;
  private final RandomSource random = RandomSource.of(new SplittableRandom(11));
  private final EspProcessor esp = new EspProcessor(random);

  @DataProvider
  public Object[][] suites() {
    return new Object[][] {
        {EspEncryption.TDES_CBC, EspIntegrity.HMAC_MD5_96},
        {EspEncryption.DES_CBC, EspIntegrity.HMAC_SHA1_96},
        {EspEncryption.AES_CBC_128, EspIntegrity.HMAC_SHA1_96},
        {EspEncryption.AES_CBC_256, EspIntegrity.HMAC_SHA256_128},
        {EspEncryption.AES_GCM_16_128, EspIntegrity.NONE},
        {EspEncryption.AES_GCM_16_256, EspIntegrity.NONE},
    };
  }

  @Test(dataProvider = "suites")
  public void protectThenOpenRoundTripsWithRfc4303Layout(EspEncryption enc, EspIntegrity integ) {
    EspSaParameters out = params(enc, integ, 0, 0);
    EspSa sender = new EspSa(out, Clock.system());
    EspSa receiver = new EspSa(out.reversed(), Clock.system());
    for (int seq = 1; seq <= 3; seq++) {
      byte[] payload = Arrays.copyOf(Hex.parse("00002001"), 40 + seq); // GRE carrying NHRP, odd sizes
      byte[] pkt = esp.protect(sender, 47, payload);
      int icv = enc.isAead() ? 16 : integ.icvLength();
      int aligned = (payload.length + 2 + enc.alignment() - 1) / enc.alignment() * enc.alignment();
      assertEquals(pkt.length, 8 + enc.ivLength() + aligned + icv);
      assertEquals(Hex.of(pkt, 0, 8), "c92b34bb0000000" + seq);
      if (enc.isAead()) {
        assertEquals(Hex.of(pkt, 8, 8), "000000000000000" + seq, "GCM explicit IV = sequence number");
      }
      EspOpenResult r = esp.open(receiver, pkt);
      assertTrue(r.isDelivered(), r.toString());
      assertEquals(r.sequenceNumber(), seq);
      assertEquals(r.nextHeader(), 47);
      assertEquals(r.payload(), payload);
      int padLen = aligned - payload.length - 2;
      for (int i = 0; i < padLen; i++) {
        assertEquals(r.buffer()[r.payloadLength() + i], (byte) (i + 1), "RFC 4303 padding 1, 2, 3, ...");
      }
      assertEquals(r.buffer()[r.payloadLength() + padLen], (byte) padLen);
    }
    assertEquals(sender.packets(), 3);
    assertEquals(receiver.packets(), 3);
    assertEquals(sender.bytes(), 41 + 42 + 43);
    assertEquals(receiver.lastSequenceNumber(), 3);
  }

  @Test(dataProvider = "suites")
  public void tamperingReplayAndWrongSpiAreDroppedAndCounted(EspEncryption enc, EspIntegrity integ) {
    EspSaParameters out = params(enc, integ, 0, 0);
    EspSa sender = new EspSa(out, Clock.system());
    EspSa receiver = new EspSa(out.reversed(), Clock.system());
    byte[] pkt = esp.protect(sender, 47, new byte[64]);
    int ct = 8 + enc.ivLength() + 3;
    assertDrop(esp.open(receiver, flip(pkt, ct)), EspDropReason.ICV_FAILED);
    assertDrop(esp.open(receiver, flip(pkt, pkt.length - 1)), EspDropReason.ICV_FAILED);
    assertDrop(esp.open(receiver, flip(pkt, 7)), EspDropReason.ICV_FAILED); // the sequence number is covered too
    assertDrop(esp.open(receiver, flip(pkt, 0)), EspDropReason.SPI_MISMATCH);
    assertDrop(esp.open(receiver, Arrays.copyOf(pkt, 8 + enc.ivLength())), EspDropReason.TOO_SHORT);
    assertTrue(esp.open(receiver, pkt).isDelivered());
    assertDrop(esp.open(receiver, pkt), EspDropReason.REPLAY);
    assertEquals(receiver.drops(EspDropReason.ICV_FAILED), 3);
    assertEquals(receiver.drops(EspDropReason.REPLAY), 1);
    assertEquals(receiver.packets(), 1, "dropped packets are not counted as traffic");
  }

  /** A packet with a valid ICV whose padding is not 1, 2, 3, ... is dropped (RFC 4303 section 2.4). */
  @Test
  public void badPaddingUnderAValidIcvIsDropped() {
    EspSaParameters p = params(EspEncryption.TDES_CBC, EspIntegrity.HMAC_MD5_96, 0, 0);
    byte[] plain = Hex.parse("45000000" + "0000000000" + "0909090909" + "05" + "04"); // pad bytes 9 instead of 1..5
    byte[] pkt = new byte[8 + 8 + plain.length + 12];
    pkt[0] = (byte) 0xc9;
    pkt[1] = 0x2b;
    pkt[2] = 0x34;
    pkt[3] = (byte) 0xbb;
    pkt[7] = 1;
    EspCipher c = EspCipher.create(p.encryption(), p.encryptionKey());
    c.encrypt(pkt, 8, pkt, 0, 8, plain, 0, plain.length, pkt, 16);
    EspIcv.create(p.integrity(), p.integrityKey()).compute(pkt, 0, 16 + plain.length, pkt, 16 + plain.length);
    EspSa receiver = new EspSa(p.reversed(), Clock.system());
    assertDrop(esp.open(receiver, pkt), EspDropReason.BAD_PADDING);
    assertEquals(receiver.replayWindow().highest(), 0, "a dropped packet does not move the window");
  }

  @Test
  public void timeLifetimeFromTheInjectedClock() {
    ManualClock clock = new ManualClock();
    EspSaParameters p = params(EspEncryption.AES_CBC_128, EspIntegrity.HMAC_SHA1_96, 120, 0);
    EspSa sender = new EspSa(p, clock);
    EspSa receiver = new EspSa(p.reversed(), clock);
    clock.advance(Duration.ofSeconds(119));
    byte[] pkt = esp.protect(sender, 47, new byte[10]);
    assertEquals(sender.ageSeconds(), 119);
    clock.advance(Duration.ofSeconds(1));
    assertTrue(sender.isExpired());
    assertThrows(IllegalStateException.class, () -> esp.protect(sender, 47, new byte[10]));
    assertDrop(esp.open(receiver, pkt), EspDropReason.SA_EXPIRED);
  }

  @Test
  public void kilobyteLifetimeCountsPayloadBytes() {
    EspSa sender = new EspSa(params(EspEncryption.AES_GCM_16_128, EspIntegrity.NONE, 0, 1), new ManualClock());
    esp.protect(sender, 47, new byte[1000]);
    assertFalse(sender.isExpired());
    esp.protect(sender, 47, new byte[24]);
    assertTrue(sender.isExpired(), "1024 bytes = 1 KB used up");
    assertThrows(IllegalStateException.class, () -> esp.protect(sender, 47, new byte[1]));
  }

  @Test
  public void inboundSaCannotProtectAndUncheckedIsNeverDelivered() {
    EspSaParameters p = params(EspEncryption.TDES_CBC, EspIntegrity.HMAC_MD5_96, 0, 0);
    EspSa inbound = new EspSa(p.reversed(), Clock.system());
    assertThrows(IllegalStateException.class, () -> esp.protect(inbound, 47, new byte[1]));
    byte[] pkt = esp.protect(new EspSa(p, Clock.system()), 47, new byte[20]);
    EspSa unchecked = new EspSa(EspSaParameters.of(SPI, EspDirection.INBOUND, EspMode.TRANSPORT,
        EspEncryption.TDES_CBC, p.encryptionKey(), EspIntegrity.UNCHECKED_96, new byte[0]), Clock.system());
    EspOpenResult r = esp.open(unchecked, flip(pkt, pkt.length - 1));
    assertEquals(r.status(), EspOpenResult.Status.DECRYPTED_UNVERIFIED);
    assertFalse(r.isDelivered());
    assertThrows(IllegalArgumentException.class, () -> EspSaParameters.of(SPI, EspDirection.OUTBOUND,
        EspMode.TRANSPORT, EspEncryption.TDES_CBC, p.encryptionKey(), EspIntegrity.UNCHECKED_96, new byte[0]));
    assertThrows(IllegalArgumentException.class, () -> EspSaParameters.of(SPI, EspDirection.OUTBOUND,
        EspMode.TRANSPORT, EspEncryption.AES_GCM_16_128, new byte[20], EspIntegrity.HMAC_SHA1_96, new byte[20]));
  }

  /**
   * AES-GCM known answers from McGrew and Viega, "The Galois/Counter Mode of Operation", test cases 3 and 4
   * (NIST SP 800-38D): the 12-byte IV cafebabefacedbaddecaf888 is split as RFC 4106 does, salt cafebabe from the
   * key material and explicit IV facedbaddecaf888.
   */
  @Test
  public void gcmKnownAnswersWithRfc4106NonceSplit() {
    byte[] keyAndSalt = Hex.parse("feffe9928665731c6d6a8f9467308308" + "cafebabe");
    byte[] iv = Hex.parse("facedbaddecaf888");
    String p = "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72"
        + "1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b391aafd255";
    String c = "42831ec2217774244b7221b784d0d49ce3aa212f2c02a4e035c17e2329aca12e"
        + "21d514b25466931c7d8f6a5aac84aa051ba30b396a0aac973d58e091473f5985";
    checkGcm(keyAndSalt, iv, "", p, c + "4d5c2af327cd64a62cf35abd2ba6fab4"); // test case 3
    checkGcm(keyAndSalt, iv, "feedfacedeadbeeffeedfacedeadbeefabaddad2", p.substring(0, 120),
        c.substring(0, 120) + "5bc94fbc3221a5db94fae95ae7121a47"); // test case 4
  }

  private static void checkGcm(byte[] keyAndSalt, byte[] iv, String aadHex, String plainHex, String expected) {
    byte[] aad = Hex.parse(aadHex);
    byte[] plain = Hex.parse(plainHex);
    byte[] out = new byte[plain.length + 16];
    EspCipher enc = EspCipher.create(EspEncryption.AES_GCM_16_128, keyAndSalt);
    assertEquals(enc.encrypt(iv, 0, aad, 0, aad.length, plain, 0, plain.length, out, 0), out.length);
    assertEquals(Hex.of(out), expected);
    EspCipher dec = EspCipher.create(EspEncryption.AES_GCM_16_128, keyAndSalt);
    byte[] back = new byte[plain.length];
    assertEquals(dec.decrypt(iv, 0, aad, 0, aad.length, out, 0, out.length, back, 0), plain.length);
    assertEquals(Hex.of(back), plainHex);
    out[0] ^= 1;
    assertEquals(dec.decrypt(iv, 0, aad, 0, aad.length, out, 0, out.length, back, 0), -1);
  }

  private static void assertDrop(EspOpenResult r, EspDropReason reason) {
    assertEquals(r.status(), EspOpenResult.Status.DROPPED, r.toString());
    assertEquals(r.dropReason(), reason);
    assertNull(r.buffer(), "no bytes of a dropped packet are handed out");
  }

  private EspSaParameters params(EspEncryption enc, EspIntegrity integ, long seconds, long kb) {
    return new EspSaParameters(SPI, EspDirection.OUTBOUND, EspMode.TRANSPORT, enc,
        random.bytes(enc.keyMaterialLength()), integ, random.bytes(integ.keyLength()), seconds, kb);
  }

  static byte[] flip(byte[] b, int index) {
    byte[] c = b.clone();
    c[index] ^= 0x04;
    return c;
  }
}
