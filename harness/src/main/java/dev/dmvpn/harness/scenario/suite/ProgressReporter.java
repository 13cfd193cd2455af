package dev.dmvpn.harness.scenario.suite;

import java.io.PrintWriter;
import org.testng.IConfigurationListener;
import org.testng.ITestListener;
import org.testng.ITestResult;

/**
 * One line per test as it ends ({@code PASS  DocumentScenarioSuite.hubRegistersBothSpokes  1234 ms}), the failure's
 * first line under it, and the counts for {@link SuiteRunSummary}. A failed set-up or tear-down method counts as a
 * failure (the harness or the rack broke), and the tests it blocked count as skipped, as TestNG reports them.
 */
final class ProgressReporter implements ITestListener, IConfigurationListener {
  /** Characters of a failure's first line shown under its test (the report keeps the whole text). */
  static final int MAX_REASON = 200;

  private final PrintWriter out;
  private int passed;
  private int failed;
  private int skipped;

  ProgressReporter(PrintWriter out) {
    this.out = out;
  }

  @Override
  public synchronized void onTestSuccess(ITestResult r) {
    passed++;
    line("PASS", r);
  }

  @Override
  public synchronized void onTestFailure(ITestResult r) {
    failed++;
    line("FAIL", r);
  }

  @Override
  public synchronized void onTestFailedButWithinSuccessPercentage(ITestResult r) {
    onTestFailure(r);
  }

  @Override
  public synchronized void onTestFailedWithTimeout(ITestResult r) {
    onTestFailure(r);
  }

  @Override
  public synchronized void onTestSkipped(ITestResult r) {
    skipped++;
    line("SKIP", r);
  }

  @Override
  public synchronized void onConfigurationFailure(ITestResult r) {
    failed++;
    line("ERROR", r);
  }

  synchronized SuiteRunSummary summary() {
    return new SuiteRunSummary(passed, failed, skipped);
  }

  private void line(String verdict, ITestResult r) {
    out.printf("%-5s %s.%s  %d ms%n", verdict, r.getTestClass().getRealClass().getSimpleName(),
        r.getMethod().getMethodName(), r.getEndMillis() - r.getStartMillis());
    Throwable t = r.getThrowable();
    if (t != null && !"PASS".equals(verdict)) {
      String first = String.valueOf(t.getMessage()).lines().findFirst().orElse("");
      if (first.length() > MAX_REASON) {
        first = first.substring(0, MAX_REASON) + "...";
      }
      out.println("      " + t.getClass().getSimpleName() + ": " + first);
    }
    out.flush();
  }
}
