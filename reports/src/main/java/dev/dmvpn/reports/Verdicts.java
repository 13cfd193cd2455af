package dev.dmvpn.reports;

import io.qameta.allure.model.Status;
import java.util.List;
import org.testng.ITestNGMethod;
import org.testng.ITestResult;
import org.testng.SkipException;

/**
 * The one place that turns an outcome into a {@link Verdict}, and a verdict into Allure's, TestNG's and JUnit's
 * vocabularies. Rules (pyATS separates Failed, Errored and Blocked the same way; Allure's {@code ResultsUtils.getStatus}
 * splits FAILED from BROKEN on {@link AssertionError}):
 * <ul>
 *   <li>no throwable: PASSED;
 *   <li>{@link AssertionError} (TestNG, JUnit, AssertJ assertions all extend it): FAILED, the device misbehaved;
 *   <li>Awaitility's {@code ConditionTimeoutException}: FAILED, the device never reached the state the test waited
 *       for (recognised by name: this module does not depend on Awaitility);
 *   <li>{@link BlockedException}, or a TestNG skip caused by a failed dependency or configuration method: BLOCKED;
 *   <li>any other {@link SkipException}, or a skip with no cause: SKIPPED;
 *   <li>any other throwable: ERRORED, the harness or the lab broke.
 * </ul>
 */
public final class Verdicts {
  static final String AWAITILITY_TIMEOUT = "org.awaitility.core.ConditionTimeoutException";

  private Verdicts() {}

  /** The verdict for a body that ended with {@code thrown} ({@code null}: it returned normally). */
  public static Verdict of(Throwable thrown) {
    if (thrown == null) {
      return Verdict.PASSED;
    }
    if (thrown instanceof BlockedException) {
      return Verdict.BLOCKED;
    }
    if (thrown instanceof SkipException) {
      return Verdict.SKIPPED;
    }
    if (thrown instanceof AssertionError || thrown.getClass().getName().equals(AWAITILITY_TIMEOUT)) {
      return Verdict.FAILED;
    }
    return Verdict.ERRORED;
  }

  /**
   * The verdict of a finished TestNG result (test or configuration method).
   *
   * @throws IllegalArgumentException when the result has not finished (status CREATED or STARTED)
   */
  public static Verdict of(ITestResult result) {
    switch (result.getStatus()) {
      case ITestResult.SUCCESS:
        return Verdict.PASSED;
      case ITestResult.FAILURE:
        return result.getThrowable() == null ? Verdict.ERRORED : of(result.getThrowable());
      case ITestResult.SUCCESS_PERCENTAGE_FAILURE:
        return Verdict.FAILED;
      case ITestResult.SKIP:
        return ofSkip(result.getThrowable(), skipCauses(result));
      default:
        throw new IllegalArgumentException("TestNG result " + result.getName() + " has not finished (status "
            + result.getStatus() + ")");
    }
  }

  /** A skip: BLOCKED when blocked explicitly or by a failed prerequisite, else SKIPPED. */
  static Verdict ofSkip(Throwable thrown, List<ITestNGMethod> causedBy) {
    if (thrown instanceof BlockedException || !causedBy.isEmpty()) {
      return Verdict.BLOCKED;
    }
    return Verdict.SKIPPED;
  }

  /** TestNG's own record of which failed methods made this one skip; empty when it cannot tell. */
  private static List<ITestNGMethod> skipCauses(ITestResult result) {
    try {
      List<ITestNGMethod> causes = result.getSkipCausedBy();
      return causes == null ? List.of() : causes;
    } catch (RuntimeException e) {
      // a configuration result has no context to search in some TestNG versions; not a blocked test then
      return List.of();
    }
  }

  /** Allure's status: FAILED stays failed, ERRORED is Allure's "broken", BLOCKED and SKIPPED are "skipped". */
  public static Status allureStatus(Verdict verdict) {
    switch (verdict) {
      case PASSED:
        return Status.PASSED;
      case FAILED:
        return Status.FAILED;
      case ERRORED:
        return Status.BROKEN;
      default:
        return Status.SKIPPED;
    }
  }

  /** TestNG's {@link ITestResult} status constant for a verdict. */
  public static int testngStatus(Verdict verdict) {
    switch (verdict) {
      case PASSED:
        return ITestResult.SUCCESS;
      case FAILED:
      case ERRORED:
        return ITestResult.FAILURE;
      default:
        return ITestResult.SKIP;
    }
  }

  /** The JUnit XML (surefire schema) child element of a {@code <testcase>}; {@code null} for PASSED. */
  public static String junitElement(Verdict verdict) {
    switch (verdict) {
      case PASSED:
        return null;
      case FAILED:
        return "failure";
      case ERRORED:
        return "error";
      default:
        return "skipped";
    }
  }
}
