package dev.dmvpn.harness.sequence;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Timing bounds as written in expectation files: {@code 500ms}, {@code 2s}, {@code 1.5s}, {@code 2m}. */
final class Durations {
  private static final Pattern FORM = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m)");

  private Durations() {}

  /** The duration, or null when the text is not one of the forms above. */
  static Duration parse(String text) {
    Matcher m = FORM.matcher(text == null ? "" : text.strip());
    if (!m.matches()) {
      return null;
    }
    BigDecimal n = new BigDecimal(m.group(1));
    BigDecimal nanos = switch (m.group(2)) {
      case "ms" -> n.movePointRight(6);
      case "s" -> n.movePointRight(9);
      default -> n.multiply(BigDecimal.valueOf(60)).movePointRight(9);
    };
    return Duration.ofNanos(nanos.longValue());
  }

  /** {@code 2s}, {@code 0.5s}: how the report writes a bound. */
  static String format(Duration d) {
    return BigDecimal.valueOf(d.toNanos()).movePointLeft(9).stripTrailingZeros().toPlainString() + "s";
  }
}
