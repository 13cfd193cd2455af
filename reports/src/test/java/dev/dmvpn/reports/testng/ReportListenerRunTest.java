package dev.dmvpn.reports.testng;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dmvpn.reports.RunRecorder;
import dev.dmvpn.reports.SecretMask;
import dev.dmvpn.reports.Verdict;
import dev.dmvpn.reports.Verdicts;
import dev.dmvpn.reports.sample.SampleSuite;
import dev.dmvpn.reports.sample.SetupFailsSample;
import dev.dmvpn.reports.testing.Chromium;
import dev.dmvpn.reports.testing.OutputFiles;
import dev.dmvpn.reports.testing.SharedFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.testng.ITestListener;
import org.testng.ITestResult;
import org.testng.TestNG;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;
import org.w3c.dom.Element;

/**
 * Runs {@link SampleSuite} and {@link SetupFailsSample} in-process through TestNG with the {@link ReportListener}
 * and reads what the run left the way its readers do: Allure's JSON, JUnit XML with a DOM parser, the summary's last
 * line, and the HTML in headless Chromium. Expected verdicts are the samples' own design (one test per verdict).
 */
public class ReportListenerRunTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private Path dir;
  private final List<ITestResult> testngResults = new ArrayList<>();

  @BeforeClass
  public void runSamples() throws IOException {
    dir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "sample-run");
    RunRecorder recorder = RunRecorder.builder(dir).title("sample run")
        .label(RunRecorder.TESTBED, "virtual-rack").label(RunRecorder.DEVICES, "hub,sv9-3,sv9-4")
        .label(RunRecorder.IOS_IMAGE, "c3725-ik9s-mz.123-3.bin")
        .mask(SecretMask.of(List.of(SampleSuite.SECRET))).start();
    TestNG testng = new TestNG(false);
    testng.setUseDefaultListeners(false);
    testng.setVerbose(0);
    testng.setTestClasses(new Class<?>[] {SampleSuite.class, SetupFailsSample.class});
    testng.addListener(new ReportListener(recorder));
    testng.addListener(new ITestListener() {
      @Override
      public void onTestSuccess(ITestResult r) {
        testngResults.add(r);
      }

      @Override
      public void onTestFailure(ITestResult r) {
        testngResults.add(r);
      }

      @Override
      public void onTestSkipped(ITestResult r) {
        testngResults.add(r);
      }
    });
    testng.run();
    recorder.finish();
    assertEquals(recorder.writeErrors(), List.of());
  }

  private static final Map<String, Verdict> EXPECTED = Map.of("passing", Verdict.PASSED, "failingAssertion",
      Verdict.FAILED, "erroring", Verdict.ERRORED, "blockedByDependency", Verdict.BLOCKED, "blockedExplicitly",
      Verdict.BLOCKED, "skipped", Verdict.SKIPPED, "spokesRegister", Verdict.BLOCKED);

  @Test
  public void verdictsFromTestngResults() {
    Map<String, Verdict> seen = new HashMap<>();
    for (ITestResult r : testngResults) {
      Verdict v = Verdicts.of(r);
      seen.put(r.getMethod().getMethodName(), v);
      assertEquals(Verdicts.testngStatus(v), r.getStatus(), r.getMethod().getMethodName());
    }
    assertEquals(seen, EXPECTED);
  }

  @Test
  public void allureResultsCarryStatusesLabelsAndAttachments() throws IOException {
    Map<String, JsonNode> byName = new HashMap<>();
    for (Path p : files("-result.json")) {
      JsonNode n = JSON.readTree(p.toFile());
      byName.put(n.get("name").asText(), n);
    }
    Map<String, String> status = new HashMap<>();
    byName.forEach((k, n) -> status.put(k, n.get("status").asText()));
    assertEquals(status, Map.of("passing", "passed", "failingAssertion", "failed", "erroring", "broken",
        "blockedByDependency", "skipped", "blockedExplicitly", "skipped", "skipped", "skipped",
        "spokesRegister", "skipped"));
    for (JsonNode n : byName.values()) {
      assertEquals(n.get("stage").asText(), "finished");
    }
    JsonNode passing = byName.get("passing");
    assertEquals(labels(passing, "testbed"), List.of("virtual-rack"));
    assertEquals(labels(passing, "device"), List.of("hub", "sv9-3", "sv9-4"));
    assertEquals(labels(passing, "iosImage"), List.of("c3725-ik9s-mz.123-3.bin"));
    assertEquals(labels(passing, "suite"), List.of("SampleSuite"));
    assertEquals(labels(byName.get("blockedByDependency"), "verdict"), List.of("BLOCKED"));
    assertTrue(byName.get("blockedByDependency").at("/statusDetails/message").asText()
        .contains("blocked by failed SampleSuite.failingAssertion"));
    assertTrue(byName.get("failingAssertion").at("/statusDetails/trace").asText().contains("AssertionError"));

    List<String> steps = new ArrayList<>();
    passing.get("steps").forEach(s -> steps.add(s.get("name").asText()));
    assertEquals(steps, List.of("push configs", "capture on the WAN", "login with *****"));
    assertEquals(passing.at("/steps/0/steps/0/name").asText(), "verify with show running-config");
    JsonNode pcap = passing.at("/steps/1/attachments/0");
    assertEquals(pcap.get("name").asText(), "WAN capture");
    assertEquals(pcap.get("type").asText(), "application/vnd.tcpdump.pcap");
    assertTrue(pcap.get("source").asText().endsWith("-attachment.pcap"), pcap.toString());
    byte[] written = Files.readAllBytes(dir.resolve("allure-results").resolve(pcap.get("source").asText()));
    assertEquals(written, Files.readAllBytes(SharedFiles.capture(SampleSuite.PCAP)));
    // every attachment a result names exists
    for (JsonNode n : byName.values()) {
      for (JsonNode a : n.findValues("attachments")) {
        a.forEach(x -> assertTrue(Files.isRegularFile(dir.resolve("allure-results").resolve(x.get("source")
            .asText())), x.toString()));
      }
    }
  }

  @Test
  public void allureContainersHoldSuitesAndFixtures() throws IOException {
    Map<String, JsonNode> byName = new HashMap<>();
    for (Path p : files("-container.json")) {
      JsonNode n = JSON.readTree(p.toFile());
      byName.put(n.get("name").asText(), n);
    }
    assertEquals(byName.keySet(), java.util.Set.of("SampleSuite", "SetupFailsSample"));
    assertEquals(byName.get("SampleSuite").get("children").size(), 6);
    JsonNode bringUp = byName.get("SetupFailsSample").at("/befores/0");
    assertEquals(bringUp.get("name").asText(), "bringUp");
    assertEquals(bringUp.get("status").asText(), "broken");
    assertEquals(bringUp.at("/steps/0/name").asText(), "connect to the hub");
    assertTrue(Files.readString(dir.resolve("allure-results/environment.properties")).contains("testbed=virtual-rack"));
  }

  @Test
  public void junitXmlCounts() throws Exception {
    Element sample = parse(dir.resolve("junit/TEST-SampleSuite.xml"));
    assertEquals(sample.getTagName(), "testsuite");
    assertEquals(attrs(sample), List.of("6", "1", "1", "3"));
    Element setup = parse(dir.resolve("junit/TEST-SetupFailsSample.xml"));
    assertEquals(attrs(setup), List.of("2", "0", "1", "1"));
    Element first = (Element) setup.getElementsByTagName("testcase").item(0);
    assertEquals(first.getAttribute("name"), "bringUp [setup]");
    assertEquals(((Element) first.getElementsByTagName("error").item(0)).getAttribute("type"), "ERRORED");
  }

  @Test
  public void summaryEndsWithCounts() throws IOException {
    Path summary = dir.resolve("summary.txt");
    // SampleSuite: 1 passed, 1 failed, 1 errored, 2 blocked, 1 skipped; SetupFailsSample: setup errored, 1 blocked
    assertEquals(OutputFiles.lastLine(summary), "1 passed, 1 failed, 1 skipped, 2 errored, 3 blocked");
    String text = Files.readString(summary);
    assertTrue(text.contains("  FAILED   failingAssertion"), text);
    assertTrue(text.contains("  ERRORED  bringUp [setup]"), text);
  }

  @Test
  public void htmlOpensInChromiumWithSuitesPcapLinkAndInlineSvg() throws Exception {
    String dom = Chromium.dumpDom(dir.resolve("report.html"), dir);
    assertTrue(dom.contains("Suite: SampleSuite"), "suite heading");
    assertTrue(dom.contains("Suite: SetupFailsSample"), "suite heading");
    assertTrue(dom.contains("download=\"" + SampleSuite.PCAP + "\""), "pcap download link");
    assertTrue(dom.contains("download=\"" + SampleSuite.KEYS + "\""), "keys download link");
    assertTrue(dom.contains("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"320\" height=\"120\""
        + " id=\"sequence-diagram\">"), "inline svg");
    assertTrue(dom.contains("1 passed, 1 failed, 1 skipped, 2 errored, 3 blocked"));
    assertTrue(dom.contains("class=\"entry v-failed\""));
    assertFalse(dom.contains("id=\"running\""), "nothing runs after the run finished");
    byte[] pcap = Files.readAllBytes(SharedFiles.capture(SampleSuite.PCAP));
    assertTrue(OutputFiles.dataLinks(dom).stream().anyMatch(b -> Arrays.equals(b, pcap)),
        "the pcap's data: link decodes to the capture");
  }

  @Test
  public void secretNeverWritten() throws IOException {
    assertEquals(OutputFiles.containing(dir.resolve("allure-results"), SampleSuite.SECRET), List.of());
    for (String f : List.of("report.html", "summary.txt", "junit")) {
      assertEquals(OutputFiles.containing(dir.resolve(f), SampleSuite.SECRET), List.of(), f);
    }
    String html = Files.readString(dir.resolve("report.html"));
    for (byte[] link : OutputFiles.dataLinks(html)) {
      assertTrue(OutputFiles.indexOf(link, SampleSuite.SECRET.getBytes(StandardCharsets.UTF_8)) < 0);
    }
    // masked, not dropped: the transcript says where the key was
    assertTrue(html.contains("crypto isakmp key ***** address 0.0.0.0"));
    assertTrue(html.contains("closed while logging in with *****"));
  }

  @Test
  public void noTemporaryFilesLeft() throws IOException {
    for (Path p : OutputFiles.all(dir)) {
      assertFalse(p.getFileName().toString().endsWith(".tmp"), p.toString());
    }
  }

  private List<Path> files(String suffix) throws IOException {
    try (Stream<Path> s = Files.list(dir.resolve("allure-results"))) {
      return s.filter(p -> p.getFileName().toString().endsWith(suffix)).toList();
    }
  }

  private static List<String> labels(JsonNode result, String name) {
    List<String> out = new ArrayList<>();
    result.get("labels").forEach(l -> {
      if (l.get("name").asText().equals(name)) {
        out.add(l.get("value").asText());
      }
    });
    return out;
  }

  static Element parse(Path xml) throws Exception {
    return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile()).getDocumentElement();
  }

  /** tests, failures, errors, skipped. */
  private static List<String> attrs(Element suite) {
    return List.of(suite.getAttribute("tests"), suite.getAttribute("failures"), suite.getAttribute("errors"),
        suite.getAttribute("skipped"));
  }
}
