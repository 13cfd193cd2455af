package dev.dmvpn.ref.time;

import java.time.Duration;
import java.time.Instant;
import java.util.PriorityQueue;

/**
 * A fully simulated clock and scheduler for tests: time moves only when the test calls {@link #advance} or
 * {@link #runUntilIdle}; tasks due at the same instant run in the order they were scheduled. Not thread-safe:
 * drive it from the test thread.
 */
public final class SimulatedScheduler implements Scheduler, Clock {
  private final Instant epoch;
  private final PriorityQueue<Entry> queue = new PriorityQueue<>();
  private long now;
  private long sequence;

  public SimulatedScheduler() {
    this(Instant.parse("2026-01-01T00:00:00Z"));
  }

  public SimulatedScheduler(Instant epoch) {
    this.epoch = epoch;
  }

  @Override
  public Clock clock() {
    return this;
  }

  @Override
  public long nanoTime() {
    return now;
  }

  @Override
  public Instant now() {
    return epoch.plusNanos(now);
  }

  @Override
  public Timer schedule(Duration delay, Runnable task) {
    if (delay.isNegative()) {
      delay = Duration.ZERO;
    }
    Entry e = new Entry(now + delay.toNanos(), sequence++, task);
    queue.add(e);
    return e;
  }

  /** Moves time forward by {@code d}, running every task that falls due on the way, at its due time. */
  public void advance(Duration d) {
    long until = now + d.toNanos();
    Entry e;
    while ((e = queue.peek()) != null && e.due <= until) {
      queue.poll();
      now = Math.max(now, e.due);
      if (!e.cancelled) {
        e.cancelled = true;
        e.task.run();
      }
    }
    now = until;
  }

  /** Runs tasks until none is left or {@code limit} of simulated time has passed; returns tasks run. */
  public int runUntilIdle(Duration limit) {
    long until = now + limit.toNanos();
    int ran = 0;
    Entry e;
    while ((e = queue.peek()) != null && e.due <= until) {
      queue.poll();
      now = Math.max(now, e.due);
      if (!e.cancelled) {
        e.cancelled = true;
        e.task.run();
        ran++;
      }
    }
    return ran;
  }

  /** Tasks scheduled and not yet run or cancelled. */
  public long pending() {
    return queue.stream().filter(x -> !x.cancelled).count();
  }

  private static final class Entry implements Comparable<Entry>, Timer {
    final long due;
    final long seq;
    final Runnable task;
    boolean cancelled;

    Entry(long due, long seq, Runnable task) {
      this.due = due;
      this.seq = seq;
      this.task = task;
    }

    @Override
    public boolean cancel() {
      boolean was = !cancelled;
      cancelled = true;
      return was;
    }

    @Override
    public int compareTo(Entry o) {
      return due != o.due ? Long.compare(due, o.due) : Long.compare(seq, o.seq);
    }
  }
}
