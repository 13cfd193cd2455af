package dev.dmvpn.ref.time;

import java.time.Instant;

/** {@link Clock} backed by {@link System#nanoTime()} and {@link Instant#now()}. */
enum SystemClock implements Clock {
  INSTANCE;

  @Override
  public long nanoTime() {
    return System.nanoTime();
  }

  @Override
  public Instant now() {
    return Instant.now();
  }
}
