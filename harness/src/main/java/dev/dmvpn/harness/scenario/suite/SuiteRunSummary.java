package dev.dmvpn.harness.scenario.suite;

/** Counts of one run; a configuration method that failed (set-up, tear-down) counts as failed. */
public record SuiteRunSummary(int passed, int failed, int skipped) {
  public boolean ok() {
    return failed == 0;
  }

  /** {@code N passed, N failed, N skipped}: the last line of {@code run} and {@code demo}. */
  @Override
  public String toString() {
    return passed + " passed, " + failed + " failed, " + skipped + " skipped";
  }
}
