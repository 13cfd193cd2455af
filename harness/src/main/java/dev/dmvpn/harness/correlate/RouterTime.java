package dev.dmvpn.harness.correlate;

import dev.dmvpn.drivers.parse.DebugTimestamp;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * A debug stamp on the router's own time axis, in nanoseconds: the time since boot for an uptime stamp, the time
 * since 1 January 00:00 (of a non-leap year: the stamp has no year) for a datetime stamp. Only differences on one
 * device's axis matter: its offset to the capture clock is estimated, never assumed. A stamp is truncated to its
 * resolution (1 ms with {@code msec}, 1 s without, 1 h for {@code 1d02h}), so the event lies in
 * {@code [nanos, nanos + resolution)}. Not handled: a run across 31 December, a device switching stamp styles.
 *
 * @param style {@code uptime} or {@code datetime}: two axes that cannot be compared
 */
public record RouterTime(long nanos, long resolutionNanos, String style) {
  private static final long MS = 1_000_000L;
  private static final long S = 1_000 * MS;

  public static RouterTime of(DebugTimestamp t) {
    long resolution = t.printed().matches(".*\\d:\\d{2}:\\d{2}\\.\\d+.*") ? MS
        : t.printed().matches(".*\\d:\\d{2}:\\d{2}.*") ? S : 3600 * S;
    if (t.uptime()) {
      return new RouterTime(t.time().toNanos(), resolution, "uptime");
    }
    long days = dayOfYear(t.month()) - 1 + t.day() - 1;
    return new RouterTime(days * 86_400 * S + t.time().toNanos(), resolution, "datetime");
  }

  /** The middle of the interval the stamp stands for. */
  public long midNanos() {
    return nanos + resolutionNanos / 2;
  }

  private static int dayOfYear(String month) {
    for (Month m : Month.values()) {
      if (m.getDisplayName(TextStyle.SHORT, Locale.ROOT).equalsIgnoreCase(month)) {
        return m.firstDayOfYear(false);
      }
    }
    throw new IllegalArgumentException("debug stamp: unknown month '" + month + "'");
  }
}
