package dev.dmvpn.ref.time;

import java.time.Instant;

/** {@link System#nanoTime()} and {@link Instant#now()}. */
final class SystemClock implements Clock {
  static final SystemClock INSTANCE = new SystemClock();

  private SystemClock() {}

  @Override
  public long nanoTime() {
    return System.nanoTime();
  }

  @Override
  public Instant now() {
    return Instant.now();
  }
}
