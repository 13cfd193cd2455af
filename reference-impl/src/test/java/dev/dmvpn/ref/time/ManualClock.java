package dev.dmvpn.ref.time;

import java.time.Duration;
import java.time.Instant;

/** A test clock that only moves when told to. */
public final class ManualClock implements Clock {
  private long nanos;
  private Instant wall = Instant.parse("2025-01-01T00:00:00Z");

  @Override
  public long nanoTime() {
    return nanos;
  }

  @Override
  public Instant now() {
    return wall;
  }

  public void advance(Duration d) {
    nanos += d.toNanos();
    wall = wall.plus(d);
  }
}
