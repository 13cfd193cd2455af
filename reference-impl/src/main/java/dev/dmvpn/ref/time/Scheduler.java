package dev.dmvpn.ref.time;

import java.time.Duration;

/** Runs tasks after a delay measured on {@link #clock()}. Tasks of one scheduler never run concurrently. */
public interface Scheduler {

  Clock clock();

  /** Runs {@code task} once after {@code delay}; the returned handle cancels it if it has not run yet. */
  Timer schedule(Duration delay, Runnable task);

  /** A scheduled task. */
  interface Timer {
    /** Cancels the task; returns false if it already ran or was cancelled. */
    boolean cancel();
  }
}
