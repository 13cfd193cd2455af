package dev.dmvpn.reports;

import org.testng.SkipException;

/**
 * Thrown by a test (or a step) whose prerequisite is missing, e.g. "hub never registered sv9-3, cannot test the
 * shortcut". TestNG sees a skip (it extends {@link SkipException}); {@link Verdicts} sees {@link Verdict#BLOCKED}.
 */
public class BlockedException extends SkipException {
  private static final long serialVersionUID = 1L;

  public BlockedException(String message) {
    super(message);
  }

  public BlockedException(String message, Throwable cause) {
    super(message, cause);
  }
}
