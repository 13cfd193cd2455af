package dev.dmvpn.virtualrack.router;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * IOS's time formats. A router whose clock was never set starts at 00:00:00 UTC Mon Mar 1 1993 and marks times
 * with {@code *} (not authoritative): {@code show clock} prints {@code *02:06:01.667 UTC Mon Mar 1 1993}; log
 * stamps are {@code *Mar  1 02:06:01.667:} with {@code service timestamps log datetime msec} and
 * {@code 02:06:01:} with {@code uptime} (the document's debugs: sv9-4 and sv9-3; ios-12.3-formats.md).
 */
public final class IosTime {
  static final LocalDateTime EPOCH = LocalDateTime.of(1993, 3, 1, 0, 0, 0);

  private IosTime() {}

  public static String showClock(Duration sinceBoot) {
    LocalDateTime t = EPOCH.plus(sinceBoot);
    return "*" + t.format(DateTimeFormatter.ofPattern("HH:mm:ss.SSS", Locale.ROOT)) + " UTC "
        + t.format(DateTimeFormatter.ofPattern("EEE MMM d yyyy", Locale.ROOT));
  }

  /** The stamp before a log message, for the router's {@code service timestamps log} setting. */
  public static String logStamp(Duration sinceBoot, boolean datetime) {
    if (!datetime) {
      return uptime(sinceBoot) + ": ";
    }
    LocalDateTime t = EPOCH.plus(sinceBoot);
    String day = String.format(Locale.ROOT, "%2d", t.getDayOfMonth());
    return "*" + t.format(DateTimeFormatter.ofPattern("MMM", Locale.ROOT)) + " " + day + " "
        + t.format(DateTimeFormatter.ofPattern("HH:mm:ss.SSS", Locale.ROOT)) + ": ";
  }

  /** {@code hh:mm:ss} below a day, {@code 1d02h} above (IOS uptime stamps). */
  public static String uptime(Duration d) {
    long s = d.getSeconds();
    if (s < 86400) {
      return String.format(Locale.ROOT, "%02d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }
    return (s / 86400) + "d" + String.format(Locale.ROOT, "%02d", s / 3600 % 24) + "h";
  }

  /** {@code show version}'s {@code 1 hour, 39 minutes} (weeks, days, hours, minutes; zero units left out). */
  public static String uptimeWords(Duration d) {
    long m = d.toMinutes();
    long[] v = {m / (7 * 1440), m / 1440 % 7, m / 60 % 24, m % 60};
    String[] unit = {"week", "day", "hour", "minute"};
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 4; i++) {
      if (v[i] == 0 && !(i == 3 && sb.length() == 0)) {
        continue;
      }
      if (sb.length() > 0) {
        sb.append(", ");
      }
      sb.append(v[i]).append(' ').append(unit[i]).append(v[i] == 1 ? "" : "s");
    }
    return sb.toString();
  }
}
