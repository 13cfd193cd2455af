package dev.dmvpn.ref.capture;

/**
 * The unit of a capture timestamp, coded like the pcapng {@code if_tsresol} option: with the most significant
 * bit clear the unit is 10^-n seconds, with it set 2^-n seconds (n = the low 7 bits). Classic pcap files use
 * {@link #MICROS} (magic 0xa1b2c3d4) or {@link #NANOS} (magic 0xa1b23c4d).
 *
 * <p>Conversions truncate towards zero the way Wireshark does ({@code units * 1e9 / unitsPerSecond}), so a
 * binary resolution read here shows the same nanoseconds as {@code tshark -e frame.time_epoch}.
 *
 * @param code the if_tsresol byte (0..255)
 */
public record TimestampResolution(int code) {
  public static final TimestampResolution MICROS = new TimestampResolution(6);
  public static final TimestampResolution NANOS = new TimestampResolution(9);

  private static final long NANOS_PER_SECOND = 1_000_000_000L;
  private static final long[] POW10 = new long[19];

  static {
    POW10[0] = 1;
    for (int i = 1; i < POW10.length; i++) {
      POW10[i] = POW10[i - 1] * 10;
    }
  }

  public TimestampResolution {
    if (code < 0 || code > 255) {
      throw new IllegalArgumentException("if_tsresol byte out of range: " + code);
    }
  }

  /** A unit of 10^-exponent seconds. */
  public static TimestampResolution decimal(int exponent) {
    return new TimestampResolution(checkExponent(exponent));
  }

  /** A unit of 2^-exponent seconds. */
  public static TimestampResolution binary(int exponent) {
    return new TimestampResolution(0x80 | checkExponent(exponent));
  }

  private static int checkExponent(int exponent) {
    if (exponent < 0 || exponent > 127) {
      throw new IllegalArgumentException("resolution exponent must be 0..127: " + exponent);
    }
    return exponent;
  }

  /** True for a power-of-two unit. */
  public boolean isBinary() {
    return (code & 0x80) != 0;
  }

  /** n in 10^-n or 2^-n. */
  public int exponent() {
    return code & 0x7F;
  }

  /** True when {@link #fromNanos} is exact enough to write with: decimal 0..9 or binary 0..32. */
  public boolean isWritable() {
    return isBinary() ? exponent() <= 32 : exponent() <= 9;
  }

  /** Converts a timestamp in this unit (unsigned 64-bit) to nanoseconds since the epoch. */
  public long toNanos(long units) {
    int e = exponent();
    if (isBinary()) {
      return binaryToNanos(units, e);
    }
    if (e <= 9) {
      return units * POW10[9 - e];
    }
    return e - 9 < POW10.length ? Long.divideUnsigned(units, POW10[e - 9]) : 0;
  }

  private static long binaryToNanos(long units, int e) {
    if (e == 0) {
      return units * NANOS_PER_SECOND;
    }
    long secs = e >= 64 ? 0 : units >>> e;
    long frac = e >= 64 ? units : units & ((1L << e) - 1);
    int shift = e;
    if (shift > 33) {
      // frac * 1e9 must stay below 2^63: drop fraction bits that are finer than a nanosecond anyway
      frac = shift - 33 >= 64 ? 0 : frac >>> (shift - 33);
      shift = 33;
    }
    return secs * NANOS_PER_SECOND + ((frac * NANOS_PER_SECOND) >>> shift);
  }

  /**
   * Converts nanoseconds since the epoch to this unit, truncating. Only for {@link #isWritable() writable}
   * resolutions.
   */
  public long fromNanos(long nanos) {
    if (!isWritable()) {
      throw new IllegalStateException("cannot write timestamps with resolution " + this);
    }
    int e = exponent();
    if (!isBinary()) {
      return Math.floorDiv(nanos, POW10[9 - e]);
    }
    long secs = Math.floorDiv(nanos, NANOS_PER_SECOND);
    long fracNanos = Math.floorMod(nanos, NANOS_PER_SECOND);
    return (secs << e) + ((fracNanos << e) / NANOS_PER_SECOND);
  }

  @Override
  public String toString() {
    return (isBinary() ? "2^-" : "10^-") + exponent() + " s";
  }
}
