package dev.dmvpn.harness.cli;

import dev.dmvpn.harness.demo.DemoRun;
import dev.dmvpn.ref.ipsec.EspMode;
import dev.dmvpn.ref.image.IosImage;
import dev.dmvpn.ref.image.IosImages;
import dev.dmvpn.ref.node.scenario.DocumentScenario;
import java.io.IOException;
import java.io.PrintWriter;
import dev.dmvpn.harness.scenario.ScenarioSettings;
import dev.dmvpn.harness.scenario.suite.SuiteCatalog;
import dev.dmvpn.harness.scenario.suite.SuiteDefinition;
import dev.dmvpn.harness.scenario.suite.SuiteParameters;
import dev.dmvpn.topology.ShippedTestbeds;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code dmvpn-harness demo}: the document's scenario on the embedded default. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Run the virtual-rack suites: the document's rack (hub sv9-2, spokes sv9-3 and sv9-4) as emulated IOS",
      "routers, reached through the drivers, configured, captured and checked; each scenario phase and test is",
      "printed as it ends, then 'N passed, N failed, N skipped'. Exit 0 when every test passed, 1 otherwise.",
      "The report (build-output/demo-report/report.html by default: one HTML file, no script; also Allure results,",
      "JUnit XML and summary.txt) holds each phase as a step, the transcripts, configurations, show outputs,",
      "each capture with its Wireshark key files, its decoded frames and a sequence diagram.",
      "--peer-only runs the earlier demo instead: the reference peers alone (no CLI, no drivers), printing the",
      "exchange as it happens, with captures, key files and the document's sequence checked (options below",
      "marked 'peer-only'); exit 0 when the spoke-to-spoke path came up as the document describes."
    })
public final class DemoCommand implements Callable<Integer> {
  /** The TestNG group of the tests the virtual rack can run. */
  static final String VIRTUAL_RACK_GROUP = "virtual-rack";
  /** Where the suites' report goes without --report-dir, under the project root. */
  static final String DEFAULT_REPORT_DIR = "build-output/demo-report";
  /** The peer-only demo paces its simulated clock to 20x real time. */
  static final double PEER_ONLY_TIME_SCALE = 20;

  @Option(names = "--report-dir", paramLabel = "DIR",
      description = "report directory: report.html, allure-results/, junit/, summary.txt and each suite's run"
          + " directory (default: build-output/demo-report under the project root)")
  Path reportDir;

  @Option(names = "--peer-only", description = "the earlier demo: the reference peers alone, without the rack's CLI")
  boolean peerOnly;

  @Option(names = "--out", paramLabel = "DIR",
      description = "peer-only: where captures and keys are written (default: build-output/demo under the project"
          + " root)")
  Path outDir;

  @Option(names = "--time-scale", paramLabel = "N",
      description = "router seconds per real second (default: 10 for the suites, 20 with --peer-only)")
  Double timeScaleOption;

  double timeScale;

  @Option(names = "--loss", defaultValue = "0", paramLabel = "P",
      description = "peer-only: probability of losing each frame on each segment, 0 to 0.5 (default: ${DEFAULT-VALUE})")
  double loss;

  @Option(names = "--seed", defaultValue = "1", description = "peer-only: seed for losses and the routers' randomness")
  long seed;

  @Option(names = "--real-captures", paramLabel = "DIR", arity = "0..1", fallbackValue = "",
      description = "peer-only: also decode the real captures in DIR (default ../shared/captures next to the project)")
  Path realCaptures;

  @Option(names = "--esp-mode", defaultValue = "tunnel", paramLabel = "MODE",
      description = "peer-only: ESP mode of every transform set: tunnel (the document's, no 'mode' line) or transport"
          + " (default: ${DEFAULT-VALUE})")
  String espMode;

  @Option(names = "--image", paramLabel = "RELEASE",
      description = "peer-only: IOS release the routers behave as: 12.3 (the document's 12.3(3), default), 12.4"
          + " or 15.x")
  String image;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    timeScale = timeScaleOption != null ? timeScaleOption
        : peerOnly ? PEER_ONLY_TIME_SCALE : ScenarioSettings.DEFAULT_TIME_SCALE;
    if (!(timeScale > 0 && timeScale <= 1000) || !(loss >= 0 && loss <= 0.5)) {
      err.println("demo: --time-scale must be in (0, 1000] and --loss in [0, 0.5]");
      return 2;
    }
    if (!espMode.equals("tunnel") && !espMode.equals("transport")) {
      err.println("demo: --esp-mode must be tunnel or transport, not '" + espMode + "'");
      return 2;
    }
    IosImage chosen;
    try {
      chosen = image == null ? IosImage.DEFAULT : IosImages.byRelease(image);
    } catch (IllegalArgumentException e) {
      err.println("demo: --image: " + e.getMessage());
      return 2;
    }
    Path root = Path.of(System.getProperty("dmvpn.root", "."));
    if (!peerOnly) {
      return suites(out, err, root);
    }
    Path shared = realCaptures == null ? null
        : realCaptures.toString().isEmpty() ? root.resolve("../shared/captures").normalize() : realCaptures;
    try {
      DocumentScenario.Options options =
          DocumentScenario.Options.defaults().withSeed(seed).withLoss(loss).withImage(chosen);
      int problems = new DemoRun(out).run(
          outDir != null ? outDir : root.resolve("build-output/demo"), timeScale, options, shared,
          espMode.equals("transport") ? EspMode.TRANSPORT : EspMode.TUNNEL);
      out.flush();
      return problems == 0 ? 0 : 1;
    } catch (IOException e) {
      err.println("demo: " + e.getMessage());
      return 2;
    }
  }

  /** The suites' {@code virtual-rack} group on the document rack, without {@code interop} (tshark may be missing). */
  private int suites(PrintWriter out, PrintWriter err, Path root) {
    List<SuiteDefinition> all = SuiteCatalog.all();
    if (all.isEmpty()) {
      err.println(SuiteLauncher.noSuitesMessage("demo"));
      return 2;
    }
    Path dir = (reportDir != null ? reportDir : root.resolve(DEFAULT_REPORT_DIR)).toAbsolutePath().normalize();
    Map<String, String> params = new LinkedHashMap<>();
    params.put(SuiteParameters.TESTBED, "");
    params.put(SuiteParameters.RACK, "virtual");
    params.put(SuiteParameters.TIME_SCALE, String.valueOf(timeScale));
    params.put(SuiteParameters.RUN_DIR, dir.toString());
    out.println("demo: the document's rack on the virtual rack (time x" + timeScale + "), reached through the drivers");
    return SuiteLauncher.launch(out, err, all, params, List.of(VIRTUAL_RACK_GROUP), List.of("interop", "lab"), dir,
        "demo: the virtual-rack suites on the document's rack", ShippedTestbeds.documentRack());
  }
}
