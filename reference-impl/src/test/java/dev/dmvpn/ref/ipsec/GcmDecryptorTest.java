package dev.dmvpn.ref.ipsec;

import static org.testng.Assert.assertEquals;

import dev.dmvpn.ref.bytes.Hex;
import java.util.Arrays;
import java.util.SplittableRandom;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.testng.annotations.Test;

/**
 * The tag-first GCM decryption against the JDK's own AES-GCM (an independent implementation) for every AAD length
 * 0..40 and ciphertext length 0..100, 128- and 256-bit keys; any flipped bit of AAD, ciphertext or tag refuses the
 * packet without writing plaintext; a forged packet followed by the genuine one with the same nonce (the JDK's
 * "no IV reuse" rule for encryption) still opens. The McGrew-Viega vectors run in EspProcessorTest.
 */
public class GcmDecryptorTest {
  private final SplittableRandom random = new SplittableRandom(11);

  private byte[] bytes(int n) {
    byte[] b = new byte[n];
    random.nextBytes(b);
    return b;
  }

  private static byte[] jdkSeal(byte[] key, byte[] nonce, byte[] aad, byte[] plain) throws Exception {
    Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
    c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
    c.updateAAD(aad);
    return c.doFinal(plain);
  }

  @Test
  public void agreesWithTheJdkForEveryAadAndTextLength() throws Exception {
    for (int keyLen : new int[] {16, 32}) {
      byte[] key = bytes(keyLen);
      GcmDecryptor d = new GcmDecryptor(new SecretKeySpec(key, "AES"));
      for (int a = 0; a <= 40; a++) {
        for (int p = 0; p <= 100; p += (a % 3) + 1) {
          byte[] nonce = bytes(12);
          byte[] aad = bytes(a);
          byte[] plain = bytes(p);
          byte[] sealed = jdkSeal(key, nonce, aad, plain);
          byte[] in = new byte[sealed.length + 7];
          System.arraycopy(sealed, 0, in, 3, sealed.length);
          byte[] out = new byte[p + 5];
          assertEquals(d.decrypt(nonce, aad, 0, a, in, 3, sealed.length, out, 2), p, "aad " + a + " text " + p);
          assertEquals(Hex.of(Arrays.copyOfRange(out, 2, 2 + p)), Hex.of(plain), "aad " + a + " text " + p);
        }
      }
    }
  }

  @Test
  public void anyFlippedBitIsRefusedBeforeDecrypting() throws Exception {
    byte[] key = bytes(16);
    GcmDecryptor d = new GcmDecryptor(new SecretKeySpec(key, "AES"));
    byte[] nonce = bytes(12);
    byte[] aad = bytes(8);
    byte[] sealed = jdkSeal(key, nonce, aad, bytes(45));
    for (int i = 0; i < sealed.length; i++) {
      byte[] bad = sealed.clone();
      bad[i] ^= (byte) (1 << (i % 8));
      byte[] out = new byte[45];
      assertEquals(d.decrypt(nonce, aad, 0, 8, bad, 0, bad.length, out, 0), -1, "byte " + i);
      assertEquals(out, new byte[45], "nothing written for byte " + i);
    }
    for (int i = 0; i < 8; i++) {
      byte[] badAad = aad.clone();
      badAad[i] ^= 0x20;
      assertEquals(d.decrypt(nonce, badAad, 0, 8, sealed, 0, sealed.length, new byte[45], 0), -1);
    }
    assertEquals(d.decrypt(nonce, aad, 0, 8, sealed, 0, 15, new byte[45], 0), -1, "shorter than a tag");
  }

  @Test
  public void genuinePacketAfterAForgeryWithTheSameNonceOpens() throws Exception {
    byte[] key = bytes(16);
    GcmDecryptor d = new GcmDecryptor(new SecretKeySpec(key, "AES"));
    byte[] nonce = bytes(12);
    byte[] aad = bytes(8);
    byte[] plain = bytes(64);
    byte[] sealed = jdkSeal(key, nonce, aad, plain);
    byte[] forged = sealed.clone();
    forged[3] ^= 1;
    assertEquals(d.decrypt(nonce, aad, 0, 8, forged, 0, forged.length, new byte[64], 0), -1);
    byte[] out = new byte[64];
    assertEquals(d.decrypt(nonce, aad, 0, 8, sealed, 0, sealed.length, out, 0), 64);
    assertEquals(out, plain);
  }
}
