package dev.dmvpn.reports.model;

import dev.dmvpn.reports.Verdict;
import java.util.Collection;

/**
 * Totals of a run's counted entries ({@link TestRecord#counted}), one per verdict; they never overlap, so they add up
 * to the entries that finished. {@code running} counts entries still running (a killed run leaves one).
 */
public record Counts(int passed, int failed, int skipped, int errored, int blocked, int running) {

  public static Counts of(Collection<TestRecord> records) {
    int[] n = new int[Verdict.values().length];
    int running = 0;
    for (TestRecord r : records) {
      if (r.running()) {
        running += r.kind() == TestKind.TEST ? 1 : 0;
      } else if (r.counted()) {
        n[r.verdict().ordinal()]++;
      }
    }
    return new Counts(n[Verdict.PASSED.ordinal()], n[Verdict.FAILED.ordinal()], n[Verdict.SKIPPED.ordinal()],
        n[Verdict.ERRORED.ordinal()], n[Verdict.BLOCKED.ordinal()], running);
  }

  /**
   * The closing line of every summary: {@code N passed, N failed, N skipped, N errored, N blocked}. It starts with
   * the {@code N passed, N failed, N skipped} the issue asks for; ERRORED and BLOCKED follow as counts of their own
   * (not folded into failed/skipped), so the five numbers are disjoint.
   */
  public String line() {
    return passed + " passed, " + failed + " failed, " + skipped + " skipped, " + errored + " errored, " + blocked
        + " blocked";
  }

  /** Whether a run with these totals is a success: nothing FAILED, ERRORED or still running. */
  public boolean success() {
    return failed == 0 && errored == 0 && running == 0;
  }

  public int total() {
    return passed + failed + skipped + errored + blocked;
  }
}
