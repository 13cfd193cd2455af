package dev.dmvpn.harness.cli;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

import dev.dmvpn.harness.scenario.ScenarioSettings;
import dev.dmvpn.harness.scenario.suite.GreenSampleSuiteAccess;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.testng.annotations.Test;

/**
 * {@code run} and {@code demo} on the sample suites of the test classpath (found through META-INF/services as
 * the real suites are): progress per test, the closing counts, exit statuses, the settings reaching the suite.
 */
public class RunCommandTest {

  @Test
  public void runPrintsEachVerdictAndTheCountsAndFailsWhenATestFailed() throws Exception {
    Path dir = Files.createTempDirectory("run");
    StringWriter out = new StringWriter();
    int status = Main.run(new PrintWriter(out), new PrintWriter(new StringWriter()), "run", "--suite", "sample",
        "--report-dir", dir.toString());
    String text = out.toString();
    assertEquals(status, 1, text);
    assertTrue(text.contains("PASS  SampleSuite.passes"), text);
    assertTrue(text.contains("FAIL  SampleSuite.failsOnPurpose"), text);
    assertTrue(text.contains("AssertionError: failed on purpose"), text);
    assertTrue(text.contains("SKIP  SampleSuite.blockedByTheFailure"), text);
    assertTrue(text.contains("PASS  SampleSuite.labOnly"), "run takes the whole suite: " + text);
    List<String> lines = text.lines().toList();
    assertEquals(lines.get(lines.size() - 1), "3 passed, 1 failed, 1 skipped", text);
    // the run's report, beside the run directories: the five counts (the skip is BLOCKED by the failure)
    assertTrue(text.contains("report: " + dir.toAbsolutePath().normalize().resolve("report.html")), text);
    List<String> summary = Files.readAllLines(dir.resolve("summary.txt"));
    assertEquals(summary.get(summary.size() - 1), "3 passed, 1 failed, 0 skipped, 0 errored, 1 blocked");
    assertTrue(summary.contains("  testbed: document-rack"), summary.toString());
    String junit = Files.readString(dir.resolve("junit/TEST-SampleSuite.xml"));
    assertTrue(junit.contains("tests=\"5\"") && junit.contains("failures=\"1\""), junit);
    String html = Files.readString(dir.resolve("report.html"));
    assertTrue(html.contains("Suite: SampleSuite") && html.contains("failed on purpose"), html);
  }

  @Test
  public void demoRunsOnlyTheVirtualRackGroup() throws Exception {
    StringWriter out = new StringWriter();
    int status = Main.run(new PrintWriter(out), new PrintWriter(new StringWriter()), "demo", "--report-dir",
        Files.createTempDirectory("demo").toString());
    String text = out.toString();
    assertEquals(status, 1, text);
    assertTrue(!text.contains("labOnly"), text);
    assertTrue(!text.contains("needsAnOutsideTool"), "interop tests are not the demo's: " + text);
    assertTrue(text.contains("PASS  GreenSampleSuite.recordsItsSettings"), text);
    assertTrue(text.strip().endsWith("2 passed, 1 failed, 1 skipped"), text);
  }

  @Test
  public void aPassingSuiteExitsZeroAndGetsTheTestbedRackAndRunDirectory() throws Exception {
    Path dir = Files.createTempDirectory("green");
    Path testbed = Path.of(System.getProperty("project.root", ".."), "topology", "src", "main", "resources", "dev",
        "dmvpn", "topology", "testbeds", "document-rack.yaml").toAbsolutePath();
    StringWriter out = new StringWriter();
    int status = Main.run(new PrintWriter(out), new PrintWriter(new StringWriter()), "run", "--suite", "green",
        "--testbed", testbed.toString(), "--report-dir", dir.toString(), "--time-scale", "50");
    assertEquals(status, 0, out.toString());
    assertTrue(out.toString().strip().endsWith("1 passed, 0 failed, 0 skipped"), out.toString());
    ScenarioSettings seen = GreenSampleSuiteAccess.seen();
    assertEquals(seen.rack(), ScenarioSettings.RackKind.LAB, "a testbed file means its real rack by default");
    assertEquals(seen.testbedFile().orElseThrow(), testbed);
    assertEquals(seen.timeScale(), 50.0);
    assertEquals(seen.runDir(), dir.toAbsolutePath().resolve("green"));
    assertEquals(GreenSampleSuiteAccess.listeners(), 2, "the console progress and the report reach the scenario");
  }

  @Test
  public void unknownSuiteAndBadTestbedExitTwo() throws Exception {
    StringWriter err = new StringWriter();
    assertEquals(Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "run", "--suite", "nosuch"), 2);
    assertTrue(err.toString().contains("run: no suite 'nosuch'; suites: [sample, green]"), err.toString());

    Path bad = Files.createTempFile("testbed", ".yaml");
    Files.writeString(bad, "devices:\n  r1:\n    os: ios\n    platfrom: c2691\n");
    StringWriter err2 = new StringWriter();
    assertEquals(Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err2), "run", "--suite", "green",
        "--testbed", bad.toString()), 2);
    assertTrue(err2.toString().contains(bad + ":4: devices.r1.platfrom"), err2.toString());
  }
}
