package dev.dmvpn.reports.sample;

import dev.dmvpn.reports.Reports;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

/** A suite whose bring-up breaks: the setup must show as ERRORED and its test as BLOCKED. */
public class SetupFailsSample {
  @BeforeClass
  public void bringUp() {
    Reports.step("connect to the hub", () -> {
      throw new java.io.IOException("connection refused: 127.0.0.1:2001");
    });
  }

  @Test
  public void spokesRegister() {}
}
