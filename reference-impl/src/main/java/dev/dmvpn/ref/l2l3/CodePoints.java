package dev.dmvpn.ref.l2l3;

/** Formatting shared by the open enums (no String.format: these run in toString of hot objects). */
final class CodePoints {
  private static final char[] DIGITS = "0123456789abcdef".toCharArray();

  private CodePoints() {}

  /** {@code value} as "0x" and exactly four lower-case hex digits (16-bit code points). */
  static String hex16(int value) {
    return "0x" + DIGITS[(value >>> 12) & 0xF] + DIGITS[(value >>> 8) & 0xF] + DIGITS[(value >>> 4) & 0xF]
        + DIGITS[value & 0xF];
  }
}
