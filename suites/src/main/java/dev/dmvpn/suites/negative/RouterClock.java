package dev.dmvpn.suites.negative;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code show clock} read as a point in the router's time, so a suite can say "the router's clock advanced past
 * the retransmission schedule" on a scaled virtual rack and on a real router alike. IOS prints
 * {@code *00:12:34.567 UTC Mon Mar 1 1993} ({@code *}: not set by NTP or the calendar, {@code .}: not
 * authoritative) [ios-12.3 command reference of {@code show clock}; the virtual rack's {@code IosTime}].
 */
final class RouterClock {
  private static final Pattern LINE = Pattern.compile(
      "[*.]?(\\d{1,2}:\\d{2}:\\d{2})\\.(\\d{3}) \\S+ \\w{3} (\\w{3}) +(\\d{1,2}) (\\d{4})");
  private static final DateTimeFormatter FORM = DateTimeFormatter.ofPattern("H:mm:ss MMM d yyyy", Locale.ROOT);

  private RouterClock() {}

  /** The router's time in {@code output}; fails naming the output when it holds no {@code show clock} line. */
  static LocalDateTime parse(String output) {
    Matcher m = LINE.matcher(output);
    if (!m.find()) {
      throw new IllegalArgumentException("not show clock output: " + output.strip());
    }
    return LocalDateTime.parse(m.group(1) + " " + m.group(3) + " " + m.group(4) + " " + m.group(5), FORM)
        .plusNanos(Integer.parseInt(m.group(2)) * 1_000_000L);
  }
}
