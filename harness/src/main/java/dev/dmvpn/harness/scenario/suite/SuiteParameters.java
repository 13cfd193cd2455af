package dev.dmvpn.harness.scenario.suite;

import dev.dmvpn.harness.scenario.ScenarioListener;
import dev.dmvpn.harness.scenario.ScenarioSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.testng.ITestContext;

/**
 * What a suite class reads to set up its scenario: TestNG suite parameters set by {@link SuiteRunner} (strings:
 * testbed, rack, time scale, run directory), and the scenario listeners it put in the suite's attributes. Run by
 * surefire, without parameters, a suite gets the document rack on the virtual rack and a run directory under
 * {@code -Ddmvpn.runDir} (or the temporary directory).
 */
public final class SuiteParameters {
  public static final String TESTBED = "dmvpn.testbed";
  public static final String RACK = "dmvpn.rack";
  public static final String TIME_SCALE = "dmvpn.timeScale";
  public static final String RUN_DIR = "dmvpn.runDir";
  /** Suite attribute holding a {@code List<ScenarioListener>}. */
  public static final String LISTENERS = "dmvpn.scenarioListeners";

  private SuiteParameters() {}

  /** The settings for one suite class's scenario; its run directory is {@code RUN_DIR/<name>}. */
  public static ScenarioSettings settings(ITestContext ctx, String name) {
    Map<String, String> p = ctx.getSuite().getXmlSuite().getAllParameters();
    String testbed = p.getOrDefault(TESTBED, "");
    ScenarioSettings.RackKind rack = ScenarioSettings.RackKind.valueOf(
        p.getOrDefault(RACK, "virtual").toUpperCase(java.util.Locale.ROOT));
    double scale = Double.parseDouble(p.getOrDefault(TIME_SCALE, String.valueOf(ScenarioSettings.DEFAULT_TIME_SCALE)));
    Path base = Path.of(p.getOrDefault(RUN_DIR,
        System.getProperty(RUN_DIR, Path.of(System.getProperty("java.io.tmpdir"), "dmvpn-runs").toString())));
    return new ScenarioSettings(testbed.isEmpty() ? Optional.empty() : Optional.of(Path.of(testbed)), rack, scale, 1,
        base.resolve(name), Duration.ofSeconds(60));
  }

  /** The listeners {@link SuiteRunner} registered for this run (none under surefire). */
  @SuppressWarnings("unchecked")
  public static ScenarioListener[] listeners(ITestContext ctx) {
    Object o = ctx.getSuite().getAttribute(LISTENERS);
    List<ScenarioListener> ls = o instanceof List<?> l ? (List<ScenarioListener>) l : new ArrayList<>();
    return ls.toArray(new ScenarioListener[0]);
  }
}
