package dev.dmvpn.harness.report;

import dev.dmvpn.harness.scenario.rack.TestbedSecrets;
import dev.dmvpn.reports.RunRecorder;
import dev.dmvpn.reports.model.Counts;
import dev.dmvpn.reports.testng.ReportListener;
import dev.dmvpn.topology.Device;
import dev.dmvpn.topology.DmvpnMember;
import dev.dmvpn.topology.Testbed;
import dev.dmvpn.topology.secrets.SecretResolver;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One run's report, as {@code run} and {@code demo} make it: a {@link RunRecorder} writing into the report
 * directory (report.html, allure-results/, junit/, summary.txt) labelled with the testbed, its DMVPN devices and
 * their IOS images, its mask fed with the testbed's secrets the process can resolve and then each rack's own (a
 * virtual rack's per-run values); the TestNG listener recording the suites, and the scenario listener putting
 * each scenario's phases and artifacts into the test running them. The caller finishes it (in a {@code finally}).
 */
public final class RunReport {
  private final RunRecorder recorder;
  private final ReportListener testNg;
  private final ReportScenarioListener scenarios;

  private RunReport(RunRecorder recorder, RunSecretMask mask) {
    this.recorder = recorder;
    this.testNg = new ReportListener(recorder);
    this.scenarios = new ReportScenarioListener(mask);
  }

  /**
   * Starts the report in {@code dir} (the HTML already says the run is in progress).
   *
   * @param environment resolves the testbed's secret references that the run's process has (a lab run's)
   */
  public static RunReport start(Path dir, String title, Testbed testbed, SecretResolver environment) {
    RunSecretMask mask = new RunSecretMask();
    mask.add(TestbedSecrets.values(testbed, environment));
    List<Device> devices = devices(testbed);
    Set<String> images = new LinkedHashSet<>();
    devices.forEach(d -> d.image().ifPresent(images::add));
    RunRecorder recorder = RunRecorder.builder(dir)
        .title(title)
        .label(RunRecorder.TESTBED, testbed.name())
        .label(RunRecorder.DEVICES, String.join(",", devices.stream().map(Device::name).toList()))
        .label(RunRecorder.IOS_IMAGE, images.isEmpty() ? "not stated in the testbed" : String.join(",", images))
        .mask(mask)
        .start();
    return new RunReport(recorder, mask);
  }

  /** The DMVPN members' devices (the routers under test), else every device of the testbed. */
  private static List<Device> devices(Testbed t) {
    List<Device> out = new ArrayList<>();
    for (DmvpnMember m : t.dmvpn().map(d -> d.members()).orElse(List.of())) {
      t.device(m.device()).ifPresent(out::add);
    }
    return out.isEmpty() ? List.copyOf(t.devices().values()) : out;
  }

  public ReportListener testNgListener() {
    return testNg;
  }

  public ReportScenarioListener scenarioListener() {
    return scenarios;
  }

  public RunRecorder recorder() {
    return recorder;
  }

  public Path html() {
    return recorder.outputDir().resolve("report.html");
  }

  /** Writes the reports a last time; returns the five counts (summary.txt's last line). */
  public Counts finish() {
    return recorder.finish();
  }

  /** What went wrong while writing the report (files, attachments), masked; empty when nothing did. */
  public List<String> problems() {
    List<String> p = new ArrayList<>(recorder.writeErrors());
    scenarios.problems().forEach(m -> p.add(recorder.mask(m)));
    return p;
  }
}
