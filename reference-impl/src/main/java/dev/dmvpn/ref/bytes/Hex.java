package dev.dmvpn.ref.bytes;

/** Lower-case hex without separators, as tshark prints bytes and as the JSON output uses them. */
public final class Hex {
  private static final char[] DIGITS = "0123456789abcdef".toCharArray();

  private Hex() {}

  public static String of(byte[] b) {
    return of(b, 0, b.length);
  }

  public static String of(byte[] b, int off, int len) {
    char[] out = new char[len * 2];
    for (int i = 0; i < len; i++) {
      int v = b[off + i] & 0xFF;
      out[2 * i] = DIGITS[v >>> 4];
      out[2 * i + 1] = DIGITS[v & 0xF];
    }
    return new String(out);
  }

  /** Parses hex, ignoring whitespace, colons and a leading "0x"; throws on odd length or a bad digit. */
  public static byte[] parse(String s) {
    String t = s.strip();
    if (t.startsWith("0x") || t.startsWith("0X")) {
      t = t.substring(2);
    }
    t = t.replaceAll("[\\s:]", "");
    if (t.length() % 2 != 0) {
      throw new IllegalArgumentException("odd number of hex digits: " + t.length());
    }
    byte[] out = new byte[t.length() / 2];
    for (int i = 0; i < out.length; i++) {
      int hi = Character.digit(t.charAt(2 * i), 16);
      int lo = Character.digit(t.charAt(2 * i + 1), 16);
      if (hi < 0 || lo < 0) {
        throw new IllegalArgumentException("not a hex digit near position " + (2 * i));
      }
      out[i] = (byte) ((hi << 4) | lo);
    }
    return out;
  }
}
