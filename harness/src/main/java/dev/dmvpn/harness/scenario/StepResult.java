package dev.dmvpn.harness.scenario;

import java.time.Duration;
import java.util.Optional;

/**
 * One named phase of a scenario and how it went: its wall time and, when it failed, why (the exception's text).
 *
 * @param name the phase, e.g. {@code push configs}
 * @param elapsed wall time from start to end
 * @param failure the reason when the phase threw, empty when it completed
 */
public record StepResult(String name, Duration elapsed, Optional<String> failure) {
  public boolean ok() {
    return failure.isEmpty();
  }
}
