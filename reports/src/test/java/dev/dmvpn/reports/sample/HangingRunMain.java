package dev.dmvpn.reports.sample;

import dev.dmvpn.reports.RunRecorder;
import dev.dmvpn.reports.testng.ReportListener;
import java.nio.file.Path;
import java.util.List;
import org.testng.TestNG;

/** The child JVM of {@code KilledRunTest}: runs {@link HangingSample} into the report directory given as argument. */
public final class HangingRunMain {
  private HangingRunMain() {}

  public static void main(String[] args) {
    RunRecorder recorder = RunRecorder.builder(Path.of(args[0])).title("killed run")
        .label(RunRecorder.TESTBED, "virtual-rack").start();
    TestNG testng = new TestNG(false);
    testng.setUseDefaultListeners(false);
    testng.setVerbose(0);
    testng.setTestClasses(new Class<?>[] {HangingSample.class});
    testng.setListenerClasses(List.of());
    testng.addListener(new ReportListener(recorder));
    testng.run();
    recorder.finish();
  }
}
