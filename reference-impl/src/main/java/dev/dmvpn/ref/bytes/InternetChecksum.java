package dev.dmvpn.ref.bytes;

/**
 * The IP one's-complement checksum (RFC 1071), used by IPv4, ICMP, UDP, GRE and NHRP (RFC 2332 section 5.1).
 * An odd-length buffer is summed as if padded with one zero byte, which is what IOS does for its odd-sized
 * NHRP packets.
 */
public final class InternetChecksum {
  private InternetChecksum() {}

  /** The checksum of {@code data[off, off+len)}, ready to store (already complemented). */
  public static int compute(byte[] data, int off, int len) {
    return finish(sum(data, off, len, 0));
  }

  /**
   * True when the bytes, which include their own checksum field, sum to 0xFFFF: the receiver's check.
   */
  public static boolean verify(byte[] data, int off, int len) {
    return fold(sum(data, off, len, 0)) == 0xFFFF;
  }

  /** Adds {@code data[off, off+len)} to a running 32-bit partial sum (for pseudo-headers). */
  public static long sum(byte[] data, int off, int len, long acc) {
    int i = off;
    int end = off + len;
    for (; i + 1 < end; i += 2) {
      acc += ((data[i] & 0xFF) << 8) | (data[i + 1] & 0xFF);
    }
    if (i < end) {
      acc += (data[i] & 0xFF) << 8;
    }
    return acc;
  }

  /** Folds a partial sum to 16 bits (end-around carry). */
  public static int fold(long acc) {
    while ((acc >>> 16) != 0) {
      acc = (acc & 0xFFFF) + (acc >>> 16);
    }
    return (int) acc;
  }

  /** Folds and complements a partial sum: the value to put on the wire. */
  public static int finish(long acc) {
    return ~fold(acc) & 0xFFFF;
  }
}
