package dev.dmvpn.suites.report;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

import dev.dmvpn.harness.cli.Main;
import dev.dmvpn.reports.testing.Chromium;
import dev.dmvpn.reports.testing.OutputFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.testng.annotations.Test;
import org.w3c.dom.Element;

/**
 * {@code dmvpn-harness demo} killed with SIGKILL in the middle of the document's scenario (a child JVM, as the
 * command line runs: its own process, {@code System.exit}) leaves a report that opens in Chromium and names the
 * test that was running, with the bring-up before it (phases and configurations pushed); the summary and the
 * JUnit XML say so too.
 */
public class KilledDemoTest {
  private static final Pattern RUNNING = Pattern.compile("RUNNING: DocumentScenarioSuite / ([A-Za-z0-9]+) \\(");

  @Test
  public void demoKilledDuringTheScenarioLeavesAReportNamingTheRunningTest() throws Exception {
    Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "killed-demo").toAbsolutePath();
    Path html = dir.resolve("report.html");
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process child = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
        Main.class.getName(), "demo", "--report-dir", dir.toString())
        .redirectErrorStream(true).redirectOutput(dir.resolve("demo-console.txt").toFile()).start();
    try {
      waitForATestRunning(child, html);
      child.destroyForcibly(); // SIGKILL on Linux
      assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the demo did not die");
      assertEquals(child.exitValue(), 137, "killed by SIGKILL (128 + 9)");
    } finally {
      child.destroyForcibly();
    }

    // the file as the kill left it, then as a browser shows it
    Matcher m = RUNNING.matcher(Files.readString(html, StandardCharsets.UTF_8));
    assertTrue(m.find(), "the page names a running test of the suite");
    String running = m.group(1);
    String dom = Chromium.dumpDom(html, Files.createTempDirectory(dir.getParent(), "chromium"));
    assertTrue(dom.contains("RUNNING: DocumentScenarioSuite / " + running + " ("), "running test named: " + running);
    assertTrue(dom.contains("</html>"), "the whole page was written");
    assertTrue(dom.contains("Suite: DocumentScenarioSuite"));
    assertTrue(dom.contains("<span class=\"verdict\">PASSED</span> <span class=\"name\">bringUpTheDocumentsRack"
        + " [setup]</span>"), "the bring-up before it, finished");
    assertTrue(dom.contains("<span class=\"verdict\">PASSED</span> push configs <span class=\"time\">"),
        "its phases");
    assertTrue(dom.contains("download=\"sv9-2.ios\""), "the configuration pushed to the hub");

    List<String> summary = Files.readAllLines(dir.resolve("summary.txt"));
    assertTrue(summary.contains("  RUNNING  " + running), summary.toString());
    Element suite = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(dir.resolve("junit/TEST-DocumentScenarioSuite.xml").toFile()).getDocumentElement();
    assertTrue(Files.readString(dir.resolve("junit/TEST-DocumentScenarioSuite.xml")).contains("type=\"RUNNING\""),
        "the running test is an error of type RUNNING in the JUnit XML");
    assertEquals(suite.getAttribute("failures"), "0");
    assertTrue(OutputFiles.lastLine(dir.resolve("summary.txt")).endsWith(" blocked"));
  }

  /** Until the report shows a test (not the bring-up) of the suite running; 3 minutes at most. */
  private static void waitForATestRunning(Process child, Path html) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
    while (System.nanoTime() < deadline) {
      if (Files.exists(html) && RUNNING.matcher(Files.readString(html, StandardCharsets.UTF_8)).find()) {
        return;
      }
      if (!child.isAlive()) {
        throw new IllegalStateException("the demo ended (exit " + child.exitValue() + ") before a test ran; see "
            + html.resolveSibling("demo-console.txt"));
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("the report never showed a test of DocumentScenarioSuite running: " + html);
  }
}
