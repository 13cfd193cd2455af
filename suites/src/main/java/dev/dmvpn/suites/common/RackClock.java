package dev.dmvpn.suites.common;

import dev.dmvpn.harness.scenario.ScenarioSettings;
import java.time.Duration;

/**
 * Router time against real time for one run: a virtual rack runs its routers' clocks {@code timeScale} times
 * faster than the wall clock, a real rack at x1. A suite states its waits in router time (an SA lifetime, an NHRP
 * holdtime) and gets the real limit to wait with, so the same suite runs on both.
 */
public record RackClock(double scale) {
  /** Real time added to every limit: commands, polling and a loaded host (2 shared cores). */
  static final Duration SLACK = Duration.ofSeconds(30);

  public RackClock {
    if (!(scale > 0)) {
      throw new IllegalArgumentException("time scale must be positive, got " + scale);
    }
  }

  public static RackClock of(ScenarioSettings s) {
    return new RackClock(s.rack() == ScenarioSettings.RackKind.VIRTUAL ? s.timeScale() : 1);
  }

  /** The real time {@code routerTime} takes on this rack. */
  public Duration real(Duration routerTime) {
    return Duration.ofNanos((long) (routerTime.toNanos() / scale));
  }

  /** A wait limit for something the routers do within {@code routerTime}: half again, plus {@link #SLACK}. */
  public Duration limit(Duration routerTime) {
    return real(routerTime).multipliedBy(3).dividedBy(2).plus(SLACK);
  }

  /** Router seconds elapsed between two wire timestamps (nanoseconds): a virtual rack's captures are stamped by its
   * own (scaled) clock, a real rack's by the capturing host, both in router time. */
  public static double seconds(long fromNanos, long toNanos) {
    return (toNanos - fromNanos) / 1e9;
  }
}
