package dev.dmvpn.ref.capture;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertThrows;
import static org.testng.Assert.assertTrue;

import org.testng.annotations.Test;

/** if_tsresol conversions (draft-ietf-opsawg-pcapng section 4.2, option if_tsresol). */
public class TimestampResolutionTest {

  @Test
  public void decimalUnits() {
    assertEquals(TimestampResolution.MICROS.toNanos(1_500_000), 1_500_000_000L);
    assertEquals(TimestampResolution.NANOS.toNanos(7), 7);
    assertEquals(TimestampResolution.decimal(0).toNanos(3), 3_000_000_000L);
    assertEquals(TimestampResolution.decimal(12).toNanos(1_234_567), 1_234); // picoseconds truncate
    assertEquals(TimestampResolution.decimal(30).toNanos(Long.MAX_VALUE), 0);
  }

  @Test
  public void binaryUnits() {
    assertEquals(TimestampResolution.binary(0).toNanos(2), 2_000_000_000L);
    assertEquals(TimestampResolution.binary(1).toNanos(3), 1_500_000_000L);
    assertEquals(TimestampResolution.binary(10).toNanos(1023), 999_023_437L);
    // 2^-40 s units: 2^40 units are one second, half of that half a second
    assertEquals(TimestampResolution.binary(40).toNanos((1L << 40) + (1L << 39)), 1_500_000_000L);
    assertEquals(TimestampResolution.binary(100).toNanos(-1L), 0); // 2^64 - 1 units of 2^-100 s
    assertEquals(TimestampResolution.binary(64).toNanos(1L << 63), 500_000_000L);
  }

  @Test
  public void codes() {
    assertEquals(TimestampResolution.binary(10).code(), 0x8a);
    assertTrue(TimestampResolution.binary(10).isBinary());
    assertEquals(TimestampResolution.binary(10).exponent(), 10);
    assertEquals(TimestampResolution.MICROS.toString(), "10^-6 s");
    assertThrows(IllegalArgumentException.class, () -> new TimestampResolution(256));
    assertThrows(IllegalArgumentException.class, () -> TimestampResolution.decimal(128));
  }

  @Test
  public void fromNanosInvertsToNanosForWritableUnits() {
    long t = 1_700_000_000_123_456_789L;
    assertEquals(TimestampResolution.NANOS.fromNanos(t), t);
    assertEquals(TimestampResolution.MICROS.fromNanos(t), t / 1000);
    long units = TimestampResolution.binary(32).fromNanos(t);
    long back = TimestampResolution.binary(32).toNanos(units);
    assertTrue(t - back >= 0 && t - back <= 1, "2^-32 s is 0.23 ns; both ways truncate: " + (t - back));
    assertFalse(TimestampResolution.decimal(12).isWritable());
    assertThrows(IllegalStateException.class, () -> TimestampResolution.binary(40).fromNanos(1));
  }
}
