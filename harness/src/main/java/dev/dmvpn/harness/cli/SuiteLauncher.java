package dev.dmvpn.harness.cli;

import dev.dmvpn.harness.report.RunReport;
import dev.dmvpn.harness.scenario.ConsoleProgress;
import dev.dmvpn.harness.scenario.ScenarioListener;
import dev.dmvpn.harness.scenario.suite.SuiteDefinition;
import dev.dmvpn.harness.scenario.suite.SuiteParameters;
import dev.dmvpn.harness.scenario.suite.SuiteRunSummary;
import dev.dmvpn.harness.scenario.suite.SuiteRunner;
import dev.dmvpn.reports.model.Counts;
import dev.dmvpn.topology.Testbed;
import dev.dmvpn.topology.secrets.SecretResolver;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * What {@code run} and {@code demo} share: the suites run in this process with scenario phases and test verdicts
 * printed as they end, the run recorded into a report in the report directory (report.html, allure-results/,
 * junit/, summary.txt; the per-suite run directories beside them), the report named, and the closing line
 * {@code N passed, N failed, N skipped}. Exit status 0 when nothing failed and something ran, 1 otherwise.
 */
final class SuiteLauncher {
  private SuiteLauncher() {}

  static int launch(PrintWriter out, PrintWriter err, List<SuiteDefinition> suites, Map<String, String> parameters,
      List<String> groups, List<String> excluded, Path reportDir, String title, Testbed testbed) {
    out.println("suites: " + suites.stream().map(SuiteDefinition::name).toList()
        + (groups.isEmpty() ? "" : ", groups " + groups) + (excluded.isEmpty() ? "" : " without " + excluded)
        + "; report directory " + reportDir);
    out.println("report (updated as tests start and end): " + reportDir.resolve("report.html"));
    out.flush();
    RunReport report = RunReport.start(reportDir, title, testbed, SecretResolver.fromProcess());
    // Ctrl-C (SIGTERM, SIGINT) skips the finally below but runs shutdown hooks: the report then says the run
    // ended with the test that was running still RUNNING. SIGKILL runs nothing: the files as last written stay.
    Thread onInterrupt = new Thread(report::finish, "report-on-exit");
    Runtime.getRuntime().addShutdownHook(onInterrupt);
    SuiteRunSummary summary;
    Counts counts;
    try {
      SuiteRunner runner = new SuiteRunner(out)
          .withScenarioListener(new ConsoleProgress(out))
          .withScenarioListener(report.scenarioListener())
          .withTestNgListener(report.testNgListener());
      // plug-ins on the classpath (META-INF/services), after the report's, e.g. a test's probe of the rack
      ServiceLoader.load(ScenarioListener.class).forEach(runner::withScenarioListener);
      summary = runner.run(suites, parameters, groups, excluded, reportDir.resolve("testng"));
    } finally {
      removeHook(onInterrupt);
      counts = report.finish();
      report.problems().forEach(p -> err.println("report: " + p));
      err.flush();
    }
    out.println("run directory per suite (transcripts, configs, show outputs, captures, keys, decoded frames,"
        + " diagrams): " + Path.of(parameters.get(SuiteParameters.RUN_DIR)).resolve("<suite>"));
    out.println("report: " + report.html() + " (also allure-results/, junit/, summary.txt: " + counts.line() + ")");
    out.println(summary);
    out.flush();
    return summary.ok() && summary.passed() > 0 ? 0 : 1;
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // the JVM is shutting down already: the hook runs (or ran), finish() twice changes nothing
    }
  }

  /** The suites on the classpath, or a usage message (the suites jar missing from the command line's classpath). */
  static String noSuitesMessage(String command) {
    return command + ": no suites on the classpath (bin/dmvpn-harness puts suites/target/dmvpn-suites.jar there;"
        + " build it with 'mvn -B -DskipTests package')";
  }
}
