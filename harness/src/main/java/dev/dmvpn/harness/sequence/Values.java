package dev.dmvpn.harness.sequence;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.regex.Pattern;

/**
 * Compares a frame's field value with a value written in a file. Numbers compare as numbers whichever way they
 * are written ({@code 0x8002}, {@code 32770} and the decode output's {@code "0x8002"} are equal); anything else
 * compares as text, ignoring case (hex cookies, SPIs).
 */
final class Values {
  private static final Pattern DECIMAL = Pattern.compile("-?\\d+(\\.\\d+)?");
  private static final Pattern HEX = Pattern.compile("0[xX][0-9a-fA-F]+");

  private Values() {}

  /** A value as the report prints it. */
  static String text(Object value) {
    if (value instanceof BigDecimal d) {
      return d.toPlainString();
    }
    return String.valueOf(value);
  }

  static boolean equal(Object actual, String expected) {
    if (actual == null) {
      return expected.equals("null");
    }
    BigDecimal a = number(actual);
    BigDecimal e = number(expected);
    if (a != null && e != null) {
      return a.compareTo(e) == 0;
    }
    return text(actual).equalsIgnoreCase(expected);
  }

  /**
   * Sign of {@code actual - expected}; null when either is not a number.
   */
  static Integer compare(Object actual, String expected) {
    BigDecimal a = number(actual);
    BigDecimal e = number(expected);
    return a == null || e == null ? null : a.compareTo(e);
  }

  static BigDecimal number(Object v) {
    if (v instanceof Long l) {
      return BigDecimal.valueOf(l);
    }
    if (v instanceof BigDecimal d) {
      return d;
    }
    if (v instanceof String s) {
      if (DECIMAL.matcher(s).matches()) {
        return new BigDecimal(s);
      }
      if (HEX.matcher(s).matches()) {
        return new BigDecimal(new BigInteger(s.substring(2), 16));
      }
    }
    return null;
  }
}
