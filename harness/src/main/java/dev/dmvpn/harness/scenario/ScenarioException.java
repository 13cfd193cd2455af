package dev.dmvpn.harness.scenario;

/** A phase of the scenario failed; the message names the phase and the device or capture point involved. */
public final class ScenarioException extends Exception {
  public ScenarioException(String message) {
    super(message);
  }

  public ScenarioException(String message, Throwable cause) {
    super(message, cause);
  }
}
