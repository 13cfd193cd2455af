package org.awaitility.core;

/**
 * A stand-in with the exact name of Awaitility's timeout (reports does not depend on Awaitility; {@code Verdicts}
 * recognises it by name). Test sources only.
 */
public class ConditionTimeoutException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ConditionTimeoutException(String message) {
    super(message);
  }
}
