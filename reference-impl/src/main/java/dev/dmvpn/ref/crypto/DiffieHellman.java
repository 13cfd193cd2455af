package dev.dmvpn.ref.crypto;

import java.math.BigInteger;

/**
 * One side of an Oakley MODP Diffie-Hellman exchange.
 *
 * <p>Public values and shared secrets are FULL-WIDTH big-endian byte arrays, left-padded with zero bytes to the
 * prime length (96 bytes for group 1). IOS and strongSwan put exactly that in the KE payload and feed exactly
 * that into SKEYID_d as g^xy; stripping a leading zero (what {@link BigInteger#toByteArray()} would do about once in
 * 256 exchanges) breaks the key derivation. Immutable and thread-safe.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc2409#section-5">RFC 2409 section 5 (g^xy)</a>
 */
public final class DiffieHellman {
  private static final BigInteger TWO = BigInteger.valueOf(2);

  private final OakleyGroup group;
  private final BigInteger privateExponent;
  private final byte[] publicValue;

  private DiffieHellman(OakleyGroup group, BigInteger privateExponent) {
    this.group = group;
    this.privateExponent = privateExponent;
    this.publicValue = toFixedWidth(group.generator().modPow(privateExponent, group.prime()), group.primeLength());
  }

  /** A new key pair with a full-size exponent. */
  public static DiffieHellman generate(OakleyGroup group, RandomSource random) {
    return generate(group, random, OakleyGroup.ExponentSize.FULL);
  }

  /** A new key pair; see {@link OakleyGroup.ExponentSize} for the exponent-size trade-off. */
  public static DiffieHellman generate(OakleyGroup group, RandomSource random, OakleyGroup.ExponentSize size) {
    BigInteger pMinus3 = group.prime().subtract(BigInteger.valueOf(3));
    if (size == OakleyGroup.ExponentSize.SHORT) {
      byte[] b = random.bytes((group.shortExponentBits() + 7) / 8);
      b[0] |= (byte) 0x80; // keep the full bit length so the exponent is never accidentally tiny
      return new DiffieHellman(group, new BigInteger(1, b));
    }
    byte[] b = random.bytes(group.primeLength() + 8); // 64 extra bits make the modulo bias negligible
    return new DiffieHellman(group, new BigInteger(1, b).mod(pMinus3).add(TWO));
  }

  /** A key pair from a known private exponent (tests, and replaying a recorded exchange). */
  public static DiffieHellman fromPrivateExponent(OakleyGroup group, BigInteger x) {
    if (x.compareTo(BigInteger.ONE) <= 0 || x.compareTo(group.prime().subtract(BigInteger.ONE)) >= 0) {
      throw new IllegalArgumentException("private exponent must be in [2, p-2]");
    }
    return new DiffieHellman(group, x);
  }

  public OakleyGroup group() {
    return group;
  }

  /** g^x mod p, full width. The array is shared: do not modify it. */
  public byte[] publicValue() {
    return publicValue;
  }

  /**
   * g^xy mod p, full width, from the peer's KE payload data.
   *
   * @throws IllegalArgumentException when the peer value has the wrong length or is not in [2, p-2] (0, 1 and
   *     p-1 would force a known shared secret)
   */
  public byte[] sharedSecret(byte[] peerPublicValue) {
    if (peerPublicValue.length != group.primeLength()) {
      throw new IllegalArgumentException("peer public value has " + peerPublicValue.length
          + " bytes, group " + group.id() + " needs " + group.primeLength());
    }
    BigInteger y = new BigInteger(1, peerPublicValue);
    if (y.compareTo(BigInteger.ONE) <= 0 || y.compareTo(group.prime().subtract(BigInteger.ONE)) >= 0) {
      throw new IllegalArgumentException("peer public value outside [2, p-2]");
    }
    return toFixedWidth(y.modPow(privateExponent, group.prime()), group.primeLength());
  }

  /** {@code value} as exactly {@code length} big-endian bytes (left-padded with zeros). */
  public static byte[] toFixedWidth(BigInteger value, int length) {
    if (value.signum() < 0 || value.bitLength() > length * 8) {
      throw new IllegalArgumentException("value does not fit in " + length + " bytes");
    }
    byte[] raw = value.toByteArray(); // may carry one leading sign byte, or be shorter than length
    byte[] out = new byte[length];
    int copy = Math.min(raw.length, length);
    System.arraycopy(raw, raw.length - copy, out, length - copy, copy);
    return out;
  }
}
