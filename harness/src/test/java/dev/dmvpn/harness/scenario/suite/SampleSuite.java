package dev.dmvpn.harness.scenario.suite;

import static org.testng.Assert.fail;

import org.testng.annotations.Test;

/**
 * A suite with known verdicts for the runner's tests (not a test itself: surefire does not pick {@code *Suite}
 * here): one pass, one failure, one test blocked by it, one test outside the {@code virtual-rack} group, one
 * in it that also needs an outside tool ({@code interop}).
 */
public class SampleSuite {
  @Test(groups = "virtual-rack")
  public void passes() {}

  @Test(groups = "virtual-rack")
  public void failsOnPurpose() {
    fail("failed on purpose");
  }

  @Test(groups = "virtual-rack", dependsOnMethods = "failsOnPurpose")
  public void blockedByTheFailure() {}

  @Test(groups = "lab")
  public void labOnly() {}

  @Test(groups = {"virtual-rack", "interop"})
  public void needsAnOutsideTool() {}
}
