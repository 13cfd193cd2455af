package dev.dmvpn.harness.scenario;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

import dev.dmvpn.harness.report.ReportScenarioListener;
import dev.dmvpn.harness.report.RunSecretMask;
import dev.dmvpn.harness.scenario.capture.CaptureSession;
import dev.dmvpn.harness.scenario.rack.RackUnderTest;
import dev.dmvpn.reports.Reports;
import dev.dmvpn.reports.RunRecorder;
import dev.dmvpn.reports.TestReport;
import dev.dmvpn.reports.Verdict;
import dev.dmvpn.reports.model.AttachmentRecord;
import dev.dmvpn.reports.model.MediaTypes;
import dev.dmvpn.reports.model.StepRecord;
import dev.dmvpn.reports.model.TestRecord;
import dev.dmvpn.topology.CapturePoint;
import dev.dmvpn.topology.ShippedTestbeds;
import dev.dmvpn.topology.Testbed;
import dev.dmvpn.topology.secrets.SecretResolver;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.testng.annotations.Test;

/**
 * The report adapter on a scenario's phases and artifacts as {@link StepRecorder} delivers them (no rack: the
 * files are written here): phases become steps with their verdicts, the configuration lands in its phase, each
 * capture becomes one step with its pcap (byte for byte), the key files, decoded frames and diagram, the
 * transcripts come after the tear down, and the rack's secrets are masked from the moment it starts.
 */
public class ScenarioReportTest {
  private static final String PSK = "Qx7pK2mZ";

  @Test
  public void phasesAreStepsAndArtifactsLandWhereTheyWereMadeWithTheRacksSecretsMasked() throws Exception {
    Path dir = Files.createTempDirectory("scenario-report");
    RunSecretMask mask = new RunSecretMask();
    RunRecorder recorder = RunRecorder.builder(dir.resolve("report")).mask(mask).start();
    ReportScenarioListener listener = new ReportScenarioListener(mask);
    StepRecorder steps = new StepRecorder();
    steps.addListener(listener);
    byte[] pcap = Files.readAllBytes(
        dev.dmvpn.ref.testing.SharedFiles.shared("captures").resolve("esp-3des-tunnel-decryptable.pcap"));
    TestReport test = recorder.startTest("DocumentScenarioSuite", "bringUp", Map.of());
    Reports.bind(test);
    try {
      steps.step(Scenario.LOAD_TESTBED, () -> { });
      steps.rackStarted(new SecretsOnlyRack(ShippedTestbeds.documentRack(),
          Map.of("DMVPN_PSK", PSK, "DMVPN_NHRP_KEY", "nhrpK3y9")));
      Path config = Files.writeString(dir.resolve("sv9-2.ios"), "crypto isakmp key " + PSK + " address 0.0.0.0\n");
      Path transcript = Files.writeString(dir.resolve("sv9-2.log"), "sv9-2#show run\n ip nhrp authentication"
          + " nhrpK3y9\n");
      steps.step("connect", () -> steps.artifact("transcript", "sv9-2", transcript));
      steps.step("push configs", () -> steps.artifact("config", "sv9-2", config));
      try {
        steps.step("known state", () -> {
          throw new ScenarioException("sv9-3 is not in a known state");
        });
      } catch (ScenarioException expected) {
        // recorded, rethrown: the report step says so
      }
      Path capture = Files.write(dir.resolve("hub-side.pcap"), pcap);
      Path keys = Files.createDirectories(dir.resolve("keys"));
      Files.writeString(keys.resolve("esp_sa"), "\"IPv4\",\"209.168.202.225\",\"209.168.202.131\",\"0x1\"\n");
      Path decoded = Files.writeString(dir.resolve("hub-side.jsonl"), "{\"frame\":1}\n");
      Path svg = Files.writeString(dir.resolve("hub-side.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
      steps.step("stop captures", () -> steps.artifact("pcap", "hub-side", capture));
      steps.step("export keys", () -> steps.artifact("keys", "rack", keys));
      steps.step(Scenario.DECODE_CAPTURES, () -> {
        steps.artifact("decoded", "hub-side", decoded);
        steps.artifact("diagram", "hub-side", svg);
      });
      steps.step(Scenario.TEAR_DOWN, () -> { });
      test.finish(null);
      assertTrue(listener.problems().isEmpty(), listener.problems().toString());
      steps.artifact("config", "sv9-3", config); // after the test ended: no test to attach to, nothing thrown
      assertTrue(listener.problems().isEmpty(), listener.problems().toString());
    } finally {
      Reports.unbind(test);
      recorder.finish();
    }

    TestRecord r = test.snapshot();
    assertEquals(r.steps().stream().map(StepRecord::name).toList(), List.of(Scenario.LOAD_TESTBED, "connect",
        "push configs", "known state", "stop captures", "export keys", Scenario.DECODE_CAPTURES, "capture hub-side",
        Scenario.TEAR_DOWN, "collect artifacts"));
    assertEquals(step(r, "known state").verdict(), Verdict.ERRORED);
    assertTrue(step(r, "known state").message().contains("sv9-3 is not in a known state"));
    assertEquals(step(r, "push configs").verdict(), Verdict.PASSED);

    assertEquals(step(r, "push configs").attachments().size(), 1, "sv9-3's came after the test: not in it");
    AttachmentRecord pushed = step(r, "push configs").attachments().get(0);
    assertEquals(pushed.fileName(), "sv9-2.ios");
    assertEquals(new String(pushed.content(), StandardCharsets.UTF_8), "crypto isakmp key ***** address 0.0.0.0\n");

    List<AttachmentRecord> c = step(r, "capture hub-side").attachments();
    assertEquals(c.stream().map(AttachmentRecord::fileName).toList(),
        List.of("hub-side.pcap", "esp_sa", "hub-side.jsonl", "hub-side.svg"));
    assertEquals(c.get(0).mediaType(), MediaTypes.PCAP);
    assertTrue(Arrays.equals(c.get(0).content(), pcap), "the capture byte for byte");
    assertEquals(c.get(1).mediaType(), MediaTypes.WIRESHARK_KEYS);
    assertEquals(c.get(3).mediaType(), MediaTypes.SVG);
    assertTrue(step(r, Scenario.DECODE_CAPTURES).attachments().isEmpty(), "the capture's step stands beside it");

    AttachmentRecord log = step(r, "collect artifacts").attachments().get(0);
    assertEquals(log.fileName(), "sv9-2-transcript.log");
    assertEquals(new String(log.content(), StandardCharsets.UTF_8),
        "sv9-2#show run\n ip nhrp authentication *****\n", "attached after the tear down, masked");
    assertTrue(step(r, "connect").attachments().isEmpty(), "not when the transcript was just opened");
    assertFalse(Files.readString(dir.resolve("report/report.html")).contains(PSK));
  }

  @Test
  public void withoutARecordedTestPhasesStillRunAndNothingIsAttached() throws Exception {
    StepRecorder steps = new StepRecorder();
    ReportScenarioListener listener = new ReportScenarioListener(new RunSecretMask());
    steps.addListener(listener);
    assertEquals(steps.step("connect", () -> 42), Integer.valueOf(42));
    steps.artifact("config", "sv9-2", Files.writeString(Files.createTempFile("cfg", ".ios"), "hostname sv9-2\n"));
    assertTrue(listener.problems().isEmpty());
  }

  private static StepRecord step(TestRecord r, String name) {
    return r.steps().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
  }

  /** A rack that only answers for its testbed and secrets (the adapter reads nothing else). */
  private record SecretsOnlyRack(Testbed testbed, Map<String, String> env) implements RackUnderTest {
    @Override
    public SecretResolver secrets() {
      return new SecretResolver(env);
    }

    @Override
    public CaptureSession startCapture(CapturePoint point, Path file) {
      throw new UnsupportedOperationException();
    }

    @Override
    public boolean exportKeys(Path dir) {
      return false;
    }

    @Override
    public String describe() {
      return "secrets only";
    }

    @Override
    public void close() {}
  }
}
