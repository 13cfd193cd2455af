package dev.dmvpn.ref.nhrp.engine;

import java.time.Duration;

/** Doubling delays 1, 2, 4, ..., capped (IOS registration retries: 1, 2, 4, ..., 64 s). */
final class Backoff {
  static final int FIRST_SECONDS = 1;
  static final int MAX_SECONDS = 64;

  private final int firstSeconds;
  private int nextSeconds;

  Backoff() {
    this(FIRST_SECONDS);
  }

  /** Doubling from {@code firstSeconds} (resolution retries start at the image's interval). */
  Backoff(int firstSeconds) {
    if (firstSeconds < 1) {
      throw new IllegalArgumentException("first back-off must be >= 1 s, got " + firstSeconds);
    }
    this.firstSeconds = firstSeconds;
    this.nextSeconds = firstSeconds;
  }

  /** The delay to wait now; the following call returns twice as much, up to the cap. */
  Duration next() {
    int s = nextSeconds;
    nextSeconds = Math.min(nextSeconds * 2, MAX_SECONDS);
    return Duration.ofSeconds(s);
  }

  void reset() {
    nextSeconds = firstSeconds;
  }
}
