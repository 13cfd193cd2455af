package dev.dmvpn.reports;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

import dev.dmvpn.reports.testing.Chromium;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.testng.annotations.Test;

/**
 * Allure's own single-file report from the results the recorder wrote. The command line zip is a test dependency of
 * this module, so it is in the local Maven repository whenever these tests run.
 */
public class AllureHtmlTest {
  @Test
  public void generatesAllureSingleFileReportFromOurResults() throws Exception {
    Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "allure-html");
    RunRecorder r = RunRecorder.builder(dir).label(RunRecorder.TESTBED, "virtual-rack").start();
    TestReport t = r.startTest("DocumentScenario", "hubRegistersBothSpokes", Map.of());
    t.step("wait for registrations", () -> t.attachText("show ip nhrp", "2.2.2.2/32 via 192.168.1.2\n"));
    t.finish(null);
    r.startTest("DocumentScenario", "wrongKeyFailsPhase1", Map.of()).finish(new AssertionError("MM5 answered"));
    r.finish();

    Optional<Path> index = AllureHtml.generate(dir.resolve("allure-results"), dir.resolve("allure-report"),
        Duration.ofSeconds(120));
    assertTrue(index.isPresent(), "allure-commandline " + AllureHtml.VERSION + " zip not found in the local"
        + " Maven repository (a test dependency of reports)");
    // Allure's page renders with script: give it virtual time, then its overview names our suite and testbed
    String dom = Chromium.dumpDom(index.get(), dir, java.util.List.of("--virtual-time-budget=5000"));
    assertTrue(dom.contains("<title>Allure Report"), "an Allure page");
    assertTrue(dom.contains("DocumentScenario"), "the suite in Allure's overview");
    assertTrue(dom.contains("virtual-rack"), "the testbed from environment.properties");
  }

  @Test
  public void absentCommandLineIsNoError() throws Exception {
    String old = System.getProperty(AllureHtml.HOME_PROPERTY);
    System.setProperty(AllureHtml.HOME_PROPERTY, "/nonexistent/allure");
    try {
      assertEquals(AllureHtml.generate(Path.of("target/none"), Path.of("target/none-out"), Duration.ofSeconds(5)),
          Optional.empty());
    } finally {
      if (old == null) {
        System.clearProperty(AllureHtml.HOME_PROPERTY);
      } else {
        System.setProperty(AllureHtml.HOME_PROPERTY, old);
      }
    }
  }
}
