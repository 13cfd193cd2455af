package dev.dmvpn.harness.cli;

import dev.dmvpn.harness.scenario.suite.SuiteCatalog;
import dev.dmvpn.harness.scenario.suite.SuiteDefinition;
import dev.dmvpn.harness.scenario.suite.SuiteParameters;
import dev.dmvpn.topology.ShippedTestbeds;
import dev.dmvpn.topology.Testbed;
import dev.dmvpn.topology.load.LoadResult;
import dev.dmvpn.topology.load.TestbedLoader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code dmvpn-harness run}: one suite against one testbed, a real rack or the virtual rack. */
@Command(name = "run", mixinStandardHelpOptions = true, description = {
    "Run a suite against a testbed: each device is reached through the drivers (console per the testbed),",
    "configured from the testbed's DMVPN section, captured at the testbed's capture points and checked.",
    "Without --testbed: the document's rack on the virtual rack. Prints each scenario phase and test as it ends,",
    "then 'N passed, N failed, N skipped'. Exit 0 when every test passed, 1 when one failed or errored,",
    "2 on bad usage (unknown suite, testbed with problems)."})
public final class RunCommand implements Callable<Integer> {
  @Option(names = "--testbed", paramLabel = "FILE",
      description = "testbed file (default: the shipped document-rack.yaml on the virtual rack)")
  Path testbed;

  @Option(names = "--suite", required = true, paramLabel = "NAME", description = "suite to run, e.g. document")
  String suite;

  @Option(names = "--rack", paramLabel = "KIND",
      description = "virtual (emulate the testbed's routers for the run) or lab (the real routers); "
          + "default: lab with --testbed, virtual without")
  String rack;

  @Option(names = "--report-dir", paramLabel = "DIR",
      description = "report directory: report.html, allure-results/, junit/, summary.txt and each suite's run"
          + " directory (default: build-output/run under the project root)")
  Path reportDir;

  @Option(names = "--time-scale", defaultValue = "10", paramLabel = "X",
      description = "virtual rack: router seconds per real second (default: ${DEFAULT-VALUE})")
  double timeScale;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<SuiteDefinition> all = SuiteCatalog.all();
    if (all.isEmpty()) {
      err.println(SuiteLauncher.noSuitesMessage("run"));
      return 2;
    }
    SuiteDefinition chosen = all.stream().filter(s -> s.name().equals(suite)).findFirst().orElse(null);
    if (chosen == null) {
      err.println("run: no suite '" + suite + "'; suites: " + all.stream().map(SuiteDefinition::name).toList());
      return 2;
    }
    String kind = rack != null ? rack.toLowerCase(Locale.ROOT) : testbed != null ? "lab" : "virtual";
    if (!kind.equals("virtual") && !kind.equals("lab") || !(timeScale > 0 && timeScale <= 1000)) {
      err.println("run: --rack must be virtual or lab and --time-scale in (0, 1000]");
      return 2;
    }
    Testbed loaded = ShippedTestbeds.documentRack();
    if (testbed != null) {
      LoadResult r = TestbedLoader.loadAndValidate(testbed);
      if (!r.ok()) {
        err.print(r.report());
        return 2;
      }
      loaded = r.testbed().orElseThrow();
    }
    Path root = Path.of(System.getProperty("dmvpn.root", "."));
    Path dir = (reportDir != null ? reportDir : root.resolve("build-output/run")).toAbsolutePath();
    Map<String, String> params = new LinkedHashMap<>();
    params.put(SuiteParameters.TESTBED, testbed == null ? "" : testbed.toAbsolutePath().toString());
    params.put(SuiteParameters.RACK, kind);
    params.put(SuiteParameters.TIME_SCALE, String.valueOf(timeScale));
    params.put(SuiteParameters.RUN_DIR, dir.toString());
    out.println("run: suite " + chosen.name() + " (" + chosen.description() + ") on "
        + (testbed == null ? "the document rack" : testbed.toString()) + ", " + kind + " rack"
        + (kind.equals("virtual") ? " x" + timeScale : ""));
    return SuiteLauncher.launch(out, err, List.of(chosen), params, List.of(), List.of(), dir,
        "run: suite " + chosen.name() + " on " + loaded.name() + " (" + kind + " rack)", loaded);
  }
}
