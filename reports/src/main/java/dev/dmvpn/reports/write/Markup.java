package dev.dmvpn.reports.write;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Escaping for HTML and XML text and attributes, and the time formats the reports print. */
final class Markup {
  private static final DateTimeFormatter UTC =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter ISO =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);

  private Markup() {}

  /**
   * Text or attribute value escaped for HTML and XML 1.0; characters XML 1.0 forbids (control characters from
   * device transcripts, e.g. BEL or the telnet NULs) become U+FFFD so the file always parses.
   */
  static String escape(String s) {
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(allowed(s, i) ? c : '\uFFFD');
      }
    }
    return b.toString();
  }

  private static boolean allowed(String s, int i) {
    char c = s.charAt(i);
    if (c == '\t' || c == '\n' || c == '\r') {
      return true;
    }
    if (c < 0x20 || c == 0xFFFE || c == 0xFFFF) {
      return false;
    }
    if (Character.isHighSurrogate(c)) {
      return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
    }
    if (Character.isLowSurrogate(c)) {
      return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }
    return true;
  }

  static String utc(long epochMillis) {
    return UTC.format(Instant.ofEpochMilli(epochMillis));
  }

  /** JUnit's timestamp attribute: ISO 8601 without zone (surefire writes local time; we write UTC). */
  static String isoTimestamp(long epochMillis) {
    return ISO.format(Instant.ofEpochMilli(epochMillis));
  }

  /** Seconds with millisecond precision, as JUnit's {@code time} attributes take them. */
  static String seconds(long millis) {
    return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
  }

  /** A duration as people read it: 850 ms, 12.3 s. */
  static String duration(long millis) {
    return millis < 1000 ? millis + " ms" : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
  }
}
