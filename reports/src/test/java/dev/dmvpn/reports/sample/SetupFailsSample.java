package dev.dmvpn.reports.sample;

import dev.dmvpn.reports.Reports;
import org.testng.ITestContext;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

/**
 * A suite whose bring-up breaks: the setup must show as ERRORED and its test as BLOCKED. The bring-up takes the
 * {@code ITestContext} TestNG injects, as the project's suites do: its entry is still named {@code bringUp}.
 */
public class SetupFailsSample {
  @BeforeClass
  public void bringUp(ITestContext ctx) {
    Reports.step("connect to the hub", () -> {
      throw new java.io.IOException("connection refused: 127.0.0.1:2001");
    });
  }

  @Test
  public void spokesRegister() {}
}
