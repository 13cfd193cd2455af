package dev.dmvpn.ref.crypto;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertThrows;
import static org.testng.Assert.assertTrue;

import java.math.BigInteger;
import java.util.SplittableRandom;
import org.testng.annotations.Test;

public class DiffieHellmanTest {

  @Test
  public void bothSidesAgreeOnAFullWidthSecretInEveryGroupAndExponentSize() {
    RandomSource rnd = RandomSource.of(new SplittableRandom(7));
    for (OakleyGroup g : OakleyGroup.values()) {
      for (OakleyGroup.ExponentSize size : OakleyGroup.ExponentSize.values()) {
        DiffieHellman a = DiffieHellman.generate(g, rnd, size);
        DiffieHellman b = DiffieHellman.generate(g, rnd, size);
        assertEquals(a.publicValue().length, g.primeLength());
        byte[] s1 = a.sharedSecret(b.publicValue());
        byte[] s2 = b.sharedSecret(a.publicValue());
        assertEquals(s1, s2, g + " " + size);
        assertEquals(s1.length, g.primeLength());
      }
    }
  }

  @Test
  public void sameSeedGivesSameKeyPair() {
    DiffieHellman a = DiffieHellman.generate(OakleyGroup.MODP_1024, RandomSource.of(new SplittableRandom(1)));
    DiffieHellman b = DiffieHellman.generate(OakleyGroup.MODP_1024, RandomSource.of(new SplittableRandom(1)));
    assertEquals(a.publicValue(), b.publicValue());
  }

  /** A secret whose first byte is 0 stays 96 bytes on both sides (BigInteger would drop the zero). */
  @Test
  public void secretWithLeadingZeroByteKeepsFullWidth() {
    OakleyGroup g = OakleyGroup.MODP_768;
    DiffieHellman b = DiffieHellman.fromPrivateExponent(g, BigInteger.valueOf(0x1234567));
    for (long x = 2; x < 100_000; x++) {
      DiffieHellman a = DiffieHellman.fromPrivateExponent(g, BigInteger.valueOf(x));
      byte[] s = a.sharedSecret(b.publicValue());
      if (s[0] == 0) {
        assertEquals(s.length, 96);
        assertEquals(b.sharedSecret(a.publicValue()), s);
        assertTrue(new BigInteger(1, s).bitLength() <= 95 * 8, "value needs fewer than 96 bytes");
        return;
      }
    }
    throw new AssertionError("no exponent below 100000 gives a leading zero byte (expected about 1 in 256)");
  }

  @Test
  public void publicValueWithLeadingZeroByteKeepsFullWidth() {
    OakleyGroup g = OakleyGroup.MODP_768;
    // 2^x for x < 760 is far below p: its full-width encoding starts with zero bytes
    DiffieHellman a = DiffieHellman.fromPrivateExponent(g, BigInteger.valueOf(700));
    byte[] pub = a.publicValue();
    assertEquals(pub.length, 96);
    assertEquals(pub[0], 0);
    assertEquals(new BigInteger(1, pub), BigInteger.TWO.pow(700));
  }

  @Test
  public void rejectsDegeneratePeerValues() {
    OakleyGroup g = OakleyGroup.MODP_768;
    DiffieHellman a = DiffieHellman.generate(g, RandomSource.of(new SplittableRandom(3)));
    BigInteger p = g.prime();
    for (BigInteger bad : new BigInteger[] {BigInteger.ZERO, BigInteger.ONE, p.subtract(BigInteger.ONE), p}) {
      assertThrows(IllegalArgumentException.class, () -> a.sharedSecret(DiffieHellman.toFixedWidth(bad, 96)));
    }
    assertThrows(IllegalArgumentException.class, () -> a.sharedSecret(new byte[95]));
  }

  @Test
  public void toFixedWidthPadsAndStripsSignByte() {
    assertEquals(DiffieHellman.toFixedWidth(BigInteger.valueOf(0x80), 3), new byte[] {0, 0, (byte) 0x80});
    assertEquals(DiffieHellman.toFixedWidth(BigInteger.valueOf(0xFFFF), 2), new byte[] {(byte) 0xFF, (byte) 0xFF});
    assertThrows(IllegalArgumentException.class, () -> DiffieHellman.toFixedWidth(BigInteger.valueOf(0x10000), 2));
  }

  @Test
  public void shortExponentHasTheDocumentedSize() {
    // SHORT draws shortExponentBits random bits with the top bit set; check via a known generator output
    byte[] seen = new byte[20];
    RandomSource fixed = out -> {
      java.util.Arrays.fill(out, (byte) 0x01);
      System.arraycopy(out, 0, seen, 0, Math.min(out.length, seen.length));
    };
    DiffieHellman a = DiffieHellman.generate(OakleyGroup.MODP_1024, fixed, OakleyGroup.ExponentSize.SHORT);
    byte[] x = new byte[20];
    java.util.Arrays.fill(x, (byte) 0x01);
    x[0] = (byte) 0x81;
    assertEquals(a.publicValue(), DiffieHellman.fromPrivateExponent(OakleyGroup.MODP_1024, new BigInteger(1, x))
        .publicValue());
  }

  @Test
  public void knownExponentsGiveGToTheAb() {
    OakleyGroup g = OakleyGroup.MODP_1024;
    BigInteger x = new BigInteger("123456789abcdef0123456789", 16);
    BigInteger y = new BigInteger("fedcba9876543210fedcba987", 16);
    byte[] s = DiffieHellman.fromPrivateExponent(g, x)
        .sharedSecret(DiffieHellman.fromPrivateExponent(g, y).publicValue());
    assertEquals(new BigInteger(1, s), BigInteger.TWO.modPow(x.multiply(y), g.prime()));
  }
}
