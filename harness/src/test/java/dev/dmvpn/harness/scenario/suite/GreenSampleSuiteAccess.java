package dev.dmvpn.harness.scenario.suite;

import dev.dmvpn.harness.scenario.ScenarioSettings;

/** What {@link GreenSampleSuite} recorded, for tests in other packages. */
public final class GreenSampleSuiteAccess {
  private GreenSampleSuiteAccess() {}

  public static ScenarioSettings seen() {
    return GreenSampleSuite.seen;
  }

  public static int listeners() {
    return GreenSampleSuite.listeners;
  }
}
