package dev.dmvpn.reports.testng;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

import dev.dmvpn.reports.sample.SetupFailsSample;
import dev.dmvpn.reports.testing.OutputFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.testng.TestNG;
import org.testng.annotations.Test;

/**
 * The listener registered by class name (as {@code @Listeners} or surefire would): it makes its own recorder in the
 * directory of {@value ReportListener#DIR_PROPERTY} and finishes it when TestNG's execution ends.
 */
public class ListenerByClassNameTest {
  @Test
  public void ownRecorderInTheConfiguredDirectoryFinishedAtTheEnd() throws Exception {
    Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "by-class-name");
    String old = System.getProperty(ReportListener.DIR_PROPERTY);
    System.setProperty(ReportListener.DIR_PROPERTY, dir.toString());
    try {
      TestNG testng = new TestNG(false);
      testng.setUseDefaultListeners(false);
      testng.setVerbose(0);
      testng.setTestClasses(new Class<?>[] {SetupFailsSample.class});
      testng.setListenerClasses(List.of(ReportListener.class));
      testng.run();
    } finally {
      if (old == null) {
        System.clearProperty(ReportListener.DIR_PROPERTY);
      } else {
        System.setProperty(ReportListener.DIR_PROPERTY, old);
      }
    }
    String summary = Files.readString(dir.resolve("summary.txt"));
    assertTrue(summary.startsWith("dmvpn-harness run: finished "), summary);
    assertEquals(OutputFiles.lastLine(dir.resolve("summary.txt")), "0 passed, 0 failed, 0 skipped, 1 errored, 1 blocked");
  }
}
