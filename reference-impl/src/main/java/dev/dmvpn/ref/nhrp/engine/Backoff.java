package dev.dmvpn.ref.nhrp.engine;

import java.time.Duration;

/** Doubling delays 1, 2, 4, ..., capped (IOS registration retries: 1, 2, 4, ..., 64 s). */
final class Backoff {
  static final int FIRST_SECONDS = 1;
  static final int MAX_SECONDS = 64;

  private int nextSeconds = FIRST_SECONDS;

  /** The delay to wait now; the following call returns twice as much, up to the cap. */
  Duration next() {
    int s = nextSeconds;
    nextSeconds = Math.min(nextSeconds * 2, MAX_SECONDS);
    return Duration.ofSeconds(s);
  }

  void reset() {
    nextSeconds = FIRST_SECONDS;
  }
}
