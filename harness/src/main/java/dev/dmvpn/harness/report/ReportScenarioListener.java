package dev.dmvpn.harness.report;

import dev.dmvpn.harness.scenario.Scenario;
import dev.dmvpn.harness.scenario.ScenarioListener;
import dev.dmvpn.harness.scenario.StepRecorder;
import dev.dmvpn.harness.scenario.StepResult;
import dev.dmvpn.harness.scenario.rack.RackUnderTest;
import dev.dmvpn.reports.Reports;
import dev.dmvpn.reports.TestReport;
import dev.dmvpn.reports.model.MediaTypes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A scenario as it goes into the run's report, through {@link Reports#current()} (the TestNG entry running the
 * phase: the suite's {@code [setup]} entry for the bring-up, a test for the waits and triggers, {@code [teardown]}
 * for the tear down):
 *
 * <ul>
 *   <li>each phase is a report step around the phase (its timing and verdict);
 *   <li>the configurations pushed are attached in the "push configs" step;
 *   <li>each capture, once decoded, is a step {@code capture <point>} beside the phases, holding the pcap, the
 *       Wireshark key files it was decoded with (download them into one directory and run
 *       {@code WIRESHARK_CONFIG_DIR=DIR wireshark -r <point>.pcap}), its decoded frames (the {@code decode}
 *       command's JSON Lines) and the SVG sequence diagram of what it saw;
 *   <li>each device's transcript and command-output log are attached after the tear down (complete, sessions
 *       closed), in a step {@code collect artifacts} of the teardown entry.
 * </ul>
 *
 * The rack's secrets are added to the run's mask as soon as the rack starts. One instance serves every scenario of
 * a run, one after the other (TestNG runs the suite classes in turn): its state starts afresh at each scenario's
 * first phase. Without a recording test ({@link TestReport#isDetached()}), it does nothing.
 */
public final class ReportScenarioListener implements ScenarioListener {
  private final RunSecretMask mask;
  private final Map<String, Path> logs = new LinkedHashMap<>();       // "transcript sv9-2" -> file
  private final Map<String, CaptureFiles> captures = new LinkedHashMap<>();
  private Path keys;
  private final List<String> problems = new ArrayList<>();

  /** Files of one capture point, attached together once it is decoded. */
  private static final class CaptureFiles {
    Path pcap;
    Path decoded;
    Path diagram;
  }

  public ReportScenarioListener(RunSecretMask mask) {
    this.mask = mask;
  }

  @Override
  public synchronized void rackStarted(RackUnderTest rack) {
    mask.add(rack.secretValues());
  }

  @Override
  public synchronized void stepStarted(String step) {
    if (step.equals(Scenario.LOAD_TESTBED)) {
      logs.clear();
      captures.clear();
      keys = null;
    }
  }

  @Override
  public <T> T around(String step, StepRecorder.Body<T> body) throws Exception {
    TestReport t = Reports.current();
    if (t.isDetached()) {
      return body.run();
    }
    return t.step(step, body::run);
  }

  @Override
  public synchronized void stepFinished(StepResult result) {
    if (result.name().equals(Scenario.DECODE_CAPTURES)) {
      attachCaptures();
    } else if (result.name().equals(Scenario.TEAR_DOWN)) {
      attachCaptures(); // any not decoded (a failed decode): the pcap alone is still evidence
      attachLogs();
    }
  }

  @Override
  public synchronized void artifact(String kind, String device, Path file) {
    switch (kind) {
      case "config" -> attach(Reports.current(), "configuration pushed to " + device, MediaTypes.TEXT, file);
      case "transcript", "show" -> logs.put(kind + " " + device, file);
      case "pcap" -> capture(device).pcap = file;
      case "decoded" -> capture(device).decoded = file;
      case "diagram" -> capture(device).diagram = file;
      case "keys" -> keys = file;
      default -> attach(Reports.current(), kind + " " + device, MediaTypes.TEXT, file);
    }
  }

  private CaptureFiles capture(String point) {
    return captures.computeIfAbsent(point, p -> new CaptureFiles());
  }

  private void attachCaptures() {
    TestReport t = Reports.current();
    List<Path> keyFiles = keyFiles();
    for (Map.Entry<String, CaptureFiles> e : captures.entrySet()) {
      CaptureFiles c = e.getValue();
      if (c.pcap == null) {
        continue;
      }
      t.step("capture " + e.getKey(), () -> {
        attach(t, "capture " + e.getKey(), MediaTypes.PCAP, c.pcap);
        for (Path k : keyFiles) {
          attach(t, "Wireshark key file " + k.getFileName(), keyType(k), k);
        }
        if (c.decoded != null) {
          attach(t, "decoded frames of " + e.getKey() + " (decode's JSON Lines)", MediaTypes.TEXT, c.decoded);
        }
        if (c.diagram != null) {
          attach(t, "sequence diagram of " + e.getKey(), MediaTypes.SVG, c.diagram);
        }
      });
    }
    captures.clear();
  }

  private List<Path> keyFiles() {
    if (keys == null || !Files.isDirectory(keys)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(keys)) {
      return s.filter(Files::isRegularFile).sorted().toList();
    } catch (IOException e) {
      problems.add("report: cannot list the key files in " + keys + ": " + e.getMessage());
      return List.of();
    }
  }

  /** {@code esp_sa} and {@code ikev1_decryption_table} are Wireshark UAT tables; {@code preferences} is text. */
  private static String keyType(Path k) {
    String n = k.getFileName().toString();
    return n.equals("esp_sa") || n.equals("ikev1_decryption_table") ? MediaTypes.WIRESHARK_KEYS : MediaTypes.TEXT;
  }

  private void attachLogs() {
    if (logs.isEmpty()) {
      return;
    }
    TestReport t = Reports.current();
    List<Map.Entry<String, Path>> files = new ArrayList<>(logs.entrySet());
    logs.clear();
    t.step("collect artifacts", () -> {
      for (Map.Entry<String, Path> e : files) {
        String[] kindDevice = e.getKey().split(" ", 2);
        boolean show = kindDevice[0].equals("show");
        attach(t, (show ? "command outputs of " : "transcript of ") + kindDevice[1], MediaTypes.TEXT,
            kindDevice[1] + (show ? "-commands.txt" : "-transcript.log"), e.getValue());
      }
    });
  }

  /** Attaches a file under its own name; a file that is not there (its phase failed) is left out. */
  private void attach(TestReport t, String name, String mediaType, Path file) {
    attach(t, name, mediaType, file.getFileName().toString(), file);
  }

  /** A report that cannot take an attachment must not fail the scenario: the problem is kept for the command. */
  private void attach(TestReport t, String name, String mediaType, String fileName, Path file) {
    if (!Files.isRegularFile(file)) {
      return;
    }
    try {
      t.attach(name, mediaType, fileName, Files.readAllBytes(file));
    } catch (IOException | RuntimeException e) {
      problems.add("report: cannot attach " + file + ": " + e.getMessage());
    }
  }

  /** Attachments that could not be made (their files stay in the run directory). */
  public synchronized List<String> problems() {
    return List.copyOf(problems);
  }
}
