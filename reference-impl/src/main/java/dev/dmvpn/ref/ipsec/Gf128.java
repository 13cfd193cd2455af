package dev.dmvpn.ref.ipsec;

/**
 * Multiplication in GF(2^128) as GCM defines it (NIST SP 800-38D section 6.3, Algorithm 1): bit 0 is the most
 * significant bit of the first byte, the reduction polynomial is R = 11100001 || 0^120. Elements are two longs
 * holding bytes 0-7 and 8-15 big-endian. Only used for one product per packet size (see {@link GcmDecryptor}), so
 * the plain bitwise algorithm is enough.
 */
final class Gf128 {
  private static final long R = 0xE100_0000_0000_0000L;

  private Gf128() {}

  /** {@code x * y}; returns {hi, lo}. */
  static long[] multiply(long xHi, long xLo, long yHi, long yLo) {
    long zHi = 0;
    long zLo = 0;
    long vHi = yHi;
    long vLo = yLo;
    for (int i = 0; i < 128; i++) {
      long bit = i < 64 ? (xHi >>> (63 - i)) & 1 : (xLo >>> (127 - i)) & 1;
      if (bit != 0) {
        zHi ^= vHi;
        zLo ^= vLo;
      }
      boolean lsb = (vLo & 1) != 0;
      vLo = (vLo >>> 1) | (vHi << 63);
      vHi >>>= 1;
      if (lsb) {
        vHi ^= R;
      }
    }
    return new long[] {zHi, zLo};
  }

  static long readLong(byte[] b, int off) {
    long v = 0;
    for (int i = 0; i < 8; i++) {
      v = (v << 8) | (b[off + i] & 0xFF);
    }
    return v;
  }
}
