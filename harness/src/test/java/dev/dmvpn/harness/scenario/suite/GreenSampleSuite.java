package dev.dmvpn.harness.scenario.suite;

import dev.dmvpn.harness.scenario.ScenarioSettings;
import org.testng.ITestContext;
import org.testng.annotations.Test;

/** A suite that passes and keeps the settings its scenario would get, so a test can see what reached it. */
public class GreenSampleSuite {
  static volatile ScenarioSettings seen;
  static volatile int listeners;

  @Test(groups = "virtual-rack")
  public void recordsItsSettings(ITestContext ctx) {
    seen = SuiteParameters.settings(ctx, "green");
    listeners = SuiteParameters.listeners(ctx).length;
  }
}
