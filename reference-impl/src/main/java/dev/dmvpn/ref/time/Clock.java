package dev.dmvpn.ref.time;

import java.time.Instant;

/**
 * The time source of the reference peer, injected so that lifetimes, retransmissions and DPD can be tested
 * without sleeping. {@link #nanoTime()} is monotonic (for durations); {@link #now()} is wall-clock (for logs and
 * capture timestamps) and may jump.
 */
public interface Clock {
  /** Monotonic nanoseconds with an arbitrary origin, as {@link System#nanoTime()}. */
  long nanoTime();

  /** Wall-clock time. */
  Instant now();

  /** The JVM's clocks. */
  static Clock system() {
    return SystemClock.INSTANCE;
  }
}
