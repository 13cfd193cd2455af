package dev.dmvpn.virtualrack.node;

import java.util.List;
import java.util.Locale;

/**
 * The keywords after {@code ping A.B.C.D} in any order, each at most once as IOS takes them: {@code repeat <1-
 * 2147483647>}, {@code size <36-18024>}, {@code source A.B.C.D|interface}, {@code timeout <0-3600>} (unique
 * prefixes: {@code rep}, {@code si}, {@code so}, {@code t}). Ranges from the IOS 12.3 command reference of {@code
 * ping} as best known [unconfirmed for 12.3(3)]. The result is the request, or the offset in the text of the first
 * word no keyword can continue (where IOS puts its caret), or -1 - offset when the line ended too early.
 */
final class PingKeywords {
  private static final List<String> KEYWORDS = List.of("repeat", "size", "source", "timeout");

  /** Either a request or an error position. */
  record Parsed(PingRequest request, int invalidAt, boolean incomplete) {}

  private PingKeywords() {}

  static Parsed parse(PingRequest base, String text) {
    PingRequest r = base;
    int i = 0;
    while (true) {
      while (i < text.length() && text.charAt(i) == ' ') {
        i++;
      }
      if (i >= text.length()) {
        return new Parsed(r, -1, false);
      }
      int end = text.indexOf(' ', i);
      end = end < 0 ? text.length() : end;
      String word = text.substring(i, end).toLowerCase(Locale.ROOT);
      String keyword = null;
      for (String k : KEYWORDS) {
        if (k.startsWith(word)) {
          if (keyword != null) {
            return new Parsed(null, i, false); // ambiguous ("s"): IOS says so; the caret is close enough here
          }
          keyword = k;
        }
      }
      if (keyword == null) {
        return new Parsed(null, i, false);
      }
      int v = end;
      while (v < text.length() && text.charAt(v) == ' ') {
        v++;
      }
      if (v >= text.length()) {
        return new Parsed(null, v, true);
      }
      int vEnd = text.indexOf(' ', v);
      vEnd = vEnd < 0 ? text.length() : vEnd;
      String value = text.substring(v, vEnd);
      if (keyword.equals("source")) {
        r = r.withSource(value);
      } else {
        long n = number(value);
        long min = keyword.equals("repeat") ? 1 : keyword.equals("size") ? 36 : 0;
        long max = keyword.equals("repeat") ? 2147483647L : keyword.equals("size") ? 18024 : 3600;
        if (n < min || n > max) {
          return new Parsed(null, v, false);
        }
        r = switch (keyword) {
          case "repeat" -> r.withRepeat((int) n);
          case "size" -> r.withSize((int) n);
          default -> r.withTimeout((int) n);
        };
      }
      i = vEnd;
    }
  }

  private static long number(String s) {
    if (s.isEmpty() || s.length() > 10) {
      return -1;
    }
    for (int i = 0; i < s.length(); i++) {
      if (!Character.isDigit(s.charAt(i))) {
        return -1;
      }
    }
    return Long.parseLong(s);
  }
}
