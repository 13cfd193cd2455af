package dev.dmvpn.harness.cli;

import dev.dmvpn.harness.scenario.ConsoleProgress;
import dev.dmvpn.harness.scenario.suite.SuiteDefinition;
import dev.dmvpn.harness.scenario.suite.SuiteParameters;
import dev.dmvpn.harness.scenario.suite.SuiteRunSummary;
import dev.dmvpn.harness.scenario.suite.SuiteRunner;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What {@code run} and {@code demo} share: the suites run in this process with scenario phases and test verdicts
 * printed as they end, the run directory named, and the closing line {@code N passed, N failed, N skipped}.
 * Exit status 0 when nothing failed and something ran, 1 otherwise.
 */
final class SuiteLauncher {
  private SuiteLauncher() {}

  static int launch(PrintWriter out, List<SuiteDefinition> suites, Map<String, String> parameters,
      List<String> groups, List<String> excluded, Path reportDir) {
    out.println("suites: " + suites.stream().map(SuiteDefinition::name).toList()
        + (groups.isEmpty() ? "" : ", groups " + groups) + (excluded.isEmpty() ? "" : " without " + excluded)
        + "; run directory " + reportDir);
    out.flush();
    SuiteRunSummary summary = new SuiteRunner(out)
        .withScenarioListener(new ConsoleProgress(out))
        .run(suites, parameters, groups, excluded, reportDir.resolve("testng"));
    out.println("artifacts (transcripts, configs, show outputs, captures, keys): "
        + Path.of(parameters.get(SuiteParameters.RUN_DIR)));
    out.println(summary);
    out.flush();
    return summary.ok() && summary.passed() > 0 ? 0 : 1;
  }

  /** The suites on the classpath, or a usage message (the suites jar missing from the command line's classpath). */
  static String noSuitesMessage(String command) {
    return command + ": no suites on the classpath (bin/dmvpn-harness puts suites/target/dmvpn-suites.jar there;"
        + " build it with 'mvn -B -DskipTests package')";
  }
}
