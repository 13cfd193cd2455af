package dev.dmvpn.reports.sample;

import dev.dmvpn.reports.Reports;
import org.testng.annotations.Test;

/** Run in a child JVM by {@code KilledRunTest}: the second test never ends, and the JVM is killed with SIGKILL. */
public class HangingSample {
  public static final String HANGING = "waitsForever";
  /** A step that ends while its test runs on: it lasts over the recorder's 1 s progress interval. */
  public static final String DONE_STEP = "ping 2.2.2.2 through the hub";

  @Test(priority = 1)
  public void finishesFirst() {
    Reports.current().attachText("transcript", "sv9-4#show ip nhrp\n");
  }

  @Test(priority = 2)
  public void waitsForever() throws InterruptedException {
    Reports.current().attachText("transcript so far", "sv9-4#ping 2.2.2.2\n");
    Reports.step(DONE_STEP, () -> Thread.sleep(1_100));
    Thread.sleep(600_000);
  }
}
