package dev.dmvpn.reports.testng;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dmvpn.reports.sample.HangingRunMain;
import dev.dmvpn.reports.sample.HangingSample;
import dev.dmvpn.reports.testing.Chromium;
import dev.dmvpn.reports.testing.OutputFiles;
import dev.dmvpn.reports.write.AllureResultsDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.testng.annotations.Test;
import org.w3c.dom.Element;

/**
 * A run killed with SIGKILL halfway leaves readable reports naming the test that was running. A child JVM (same
 * classpath) runs {@link HangingSample} through the listener; once the HTML shows the second test RUNNING the child
 * gets SIGKILL ({@link Process#destroyForcibly()} on Linux), and every report is read as its reader would.
 */
public class KilledRunTest {
  private static final String RUNNING_LINE = "RUNNING: HangingSample / " + HangingSample.HANGING;

  @Test
  public void killedRunLeavesReportsNamingTheRunningTest() throws Exception {
    Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "killed-run");
    Path html = dir.resolve("report.html");
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process child = new ProcessBuilder(java.toString(), "-Xmx128m", "-XX:TieredStopAtLevel=1", "-cp",
        System.getProperty("java.class.path"), HangingRunMain.class.getName(), dir.toString())
        .redirectErrorStream(true).redirectOutput(dir.resolve("child-output.txt").toFile()).start();
    try {
      waitForRunning(child, html);
      child.destroyForcibly();
      assertTrue(child.waitFor(30, TimeUnit.SECONDS), "child JVM did not die");
      assertEquals(child.exitValue(), 137, "exit status of a process killed by SIGKILL (128 + 9)");
    } finally {
      child.destroyForcibly(); // no-op once killed; kills the child if an assertion above failed first
    }

    String dom = Chromium.dumpDom(html, dir);
    assertTrue(dom.contains(RUNNING_LINE), "the page names the running test");
    assertTrue(dom.contains("class=\"entry v-running\""));
    assertTrue(dom.contains("Run in progress"));
    assertTrue(dom.contains("</html>"), "the whole page was written");
    assertTrue(dom.contains("<span class=\"verdict\">PASSED</span> " + HangingSample.DONE_STEP), "the step done so far");
    assertTrue(dom.contains("download=\"transcript-so-far.txt\""), "the running test's attachment so far");

    List<String> summary = Files.readAllLines(dir.resolve("summary.txt"));
    assertTrue(summary.contains("  RUNNING  " + HangingSample.HANGING), summary.toString());
    assertEquals(summary.get(summary.size() - 1), "1 passed, 0 failed, 0 skipped, 0 errored, 0 blocked");

    Element suite = ReportListenerRunTest.parse(dir.resolve("junit/TEST-HangingSample.xml"));
    assertEquals(suite.getAttribute("tests"), "2");
    assertEquals(suite.getAttribute("errors"), "1");
    Element hanging = (Element) suite.getElementsByTagName("testcase").item(1);
    assertEquals(hanging.getAttribute("name"), HangingSample.HANGING);
    assertEquals(((Element) hanging.getElementsByTagName("error").item(0)).getAttribute("type"), "RUNNING");

    JsonNode result = allureResult(dir, HangingSample.HANGING);
    assertEquals(result.get("stage").asText(), "running");
    assertEquals(result.at("/statusDetails/message").asText(), AllureResultsDirectory.RUNNING_MESSAGE);
    assertEquals(result.at("/steps/0/name").asText(), HangingSample.DONE_STEP);
    assertEquals(result.at("/steps/0/status").asText(), "passed");
    for (Path p : OutputFiles.all(dir.resolve("allure-results"))) {
      if (p.toString().endsWith(".json")) {
        new ObjectMapper().readTree(p.toFile()); // every JSON file parses
      }
    }
    assertFalse(Files.readString(dir.resolve("allure-results/environment.properties")).isEmpty());
  }

  /**
   * Polls the HTML (a file replaced atomically) until it names the hanging test as running and shows the step that
   * test finished, 60 s at most.
   */
  private static void waitForRunning(Process child, Path html) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      if (Files.exists(html) && Files.readString(html).contains(RUNNING_LINE)
          && Files.readString(html).contains(HangingSample.DONE_STEP)) {
        return;
      }
      if (!child.isAlive()) {
        throw new IllegalStateException("child JVM ended (exit " + child.exitValue() + ") before "
            + HangingSample.HANGING + " ran; see its output next to " + html);
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("the report never showed " + HangingSample.HANGING + " running: " + html);
  }

  private static JsonNode allureResult(Path dir, String name) throws IOException {
    List<JsonNode> found = new ArrayList<>();
    try (Stream<Path> s = Files.list(dir.resolve("allure-results"))) {
      for (Path p : s.filter(p -> p.toString().endsWith("-result.json")).toList()) {
        JsonNode n = new ObjectMapper().readTree(p.toFile());
        if (n.get("name").asText().equals(name)) {
          found.add(n);
        }
      }
    }
    assertEquals(found.size(), 1, "one Allure result for " + name);
    return found.get(0);
  }
}
