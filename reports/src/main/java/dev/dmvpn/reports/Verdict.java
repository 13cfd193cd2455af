package dev.dmvpn.reports;

/**
 * What a test's outcome means for the device under test. Decided only by {@link Verdicts}; the writers map it to
 * their own vocabularies there too (Allure, TestNG, JUnit).
 */
public enum Verdict {
  /** The device did what was expected. */
  PASSED,
  /** The device behaved wrongly: an assertion on its behaviour failed. */
  FAILED,
  /** The harness or the lab broke (exception, lost connection, timeout of our own code): says nothing of the device. */
  ERRORED,
  /** Not run because a prerequisite (a method it depends on, a setup) failed. */
  BLOCKED,
  /** Not run on purpose (disabled, not applicable to this testbed). */
  SKIPPED;

  /** Lower-case name as the summary line prints it ({@code passed}, {@code failed}, ...). */
  public String word() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
