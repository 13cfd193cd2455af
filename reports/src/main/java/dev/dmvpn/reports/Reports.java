package dev.dmvpn.reports;

import java.util.List;

/**
 * Where suite code finds the test being recorded: {@code Reports.current().step("push configs", () -> ...)}.
 * The {@link dev.dmvpn.reports.testng.ReportListener} binds each test (and setup/teardown method) to the thread it
 * runs on. {@link #current()} falls back to the one running entry of the active recorder (a TestNG {@code timeOut}
 * runs the method on another thread), and then to a {@link TestReport#detached() detached} report, so suite code
 * also runs, unrecorded, without the listener.
 */
public final class Reports {
  private static final ThreadLocal<TestReport> CURRENT = new ThreadLocal<>();
  private static volatile RunRecorder active;

  private Reports() {}

  /** The entry being recorded for this thread; never {@code null}. */
  public static TestReport current() {
    TestReport t = CURRENT.get();
    if (t != null && t.running()) {
      return t;
    }
    RunRecorder r = active;
    if (r != null) {
      List<TestReport> running = r.running();
      if (running.size() == 1) {
        return running.get(0);
      }
    }
    return TestReport.detached();
  }

  /** Shorthand for {@code current().step(name, body)}. */
  public static void step(String name, ThrowingRunnable body) {
    current().step(name, body);
  }

  /** Shorthand for {@code current().step(name, body)}, returning its value. */
  public static <T> T step(String name, ThrowingSupplier<T> body) {
    return current().step(name, body);
  }

  /** The recorder a listener currently drives, or {@code null}. */
  public static RunRecorder activeRecorder() {
    return active;
  }

  /** Makes {@code t} this thread's current entry (called by the listener when an entry starts). */
  public static void bind(TestReport t) {
    CURRENT.set(t);
  }

  /** Clears this thread's current entry if it is {@code t} (a skip reported on the thread of another test). */
  public static void unbind(TestReport t) {
    if (CURRENT.get() == t) {
      CURRENT.remove();
    }
  }

  /** Sets the recorder {@link #current()} falls back to; {@code null} clears it. */
  public static void activate(RunRecorder recorder) {
    active = recorder;
  }
}
