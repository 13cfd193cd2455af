package dev.dmvpn.ref.interop;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** A small stand-in for Awaitility: polls a supplier until its value satisfies a condition or time runs out. */
public final class Poll {
  private Poll() {}

  /**
   * Returns the first value of {@code probe} that satisfies {@code done}; throws an AssertionError naming
   * {@code what} and the last value seen when {@code timeout} passes first.
   */
  public static <T> T until(String what, Duration timeout, Duration interval, Supplier<T> probe, Predicate<T> done) {
    long deadline = System.nanoTime() + timeout.toNanos();
    T last;
    while (true) {
      last = probe.get();
      if (done.test(last)) {
        return last;
      }
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError("not reached within " + timeout + ": " + what + "; last value: " + last);
      }
      sleep(interval);
    }
  }

  public static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
