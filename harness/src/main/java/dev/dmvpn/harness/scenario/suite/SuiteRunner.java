package dev.dmvpn.harness.scenario.suite;

import dev.dmvpn.harness.scenario.ScenarioListener;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.testng.ISuite;
import org.testng.ISuiteListener;
import org.testng.TestNG;
import org.testng.xml.XmlClass;
import org.testng.xml.XmlSuite;
import org.testng.xml.XmlTest;

/**
 * Runs suites in this process through TestNG's API (no testng.xml): one XmlSuite per call with the scenario
 * settings as parameters, progress per test on {@code out}, TestNG's own reports off (the reports module adds its
 * writers as listeners). Group filter: {@code demo} runs the {@code virtual-rack} group without {@code interop}
 * (tools the bare machine lacks); {@code run} runs the named suite whole.
 */
public final class SuiteRunner {
  private final PrintWriter out;
  private final List<Object> listeners = new ArrayList<>();
  private final List<ScenarioListener> scenarioListeners = new ArrayList<>();

  public SuiteRunner(PrintWriter out) {
    this.out = out;
  }

  /** A TestNG listener (reports: result writers) added to the run. */
  public SuiteRunner withTestNgListener(Object listener) {
    listeners.add(listener);
    return this;
  }

  /** A scenario listener handed to the suites' scenarios (progress, report steps). */
  public SuiteRunner withScenarioListener(ScenarioListener l) {
    scenarioListeners.add(l);
    return this;
  }

  /**
   * Runs {@code suites} with {@code parameters} ({@link SuiteParameters} names), only the methods of
   * {@code includedGroups} when it is not empty and none of {@code excludedGroups}; TestNG's output directory is
   * {@code outputDir}.
   */
  public SuiteRunSummary run(List<SuiteDefinition> suites, Map<String, String> parameters,
      List<String> includedGroups, List<String> excludedGroups, Path outputDir) {
    XmlSuite xml = new XmlSuite();
    xml.setName("dmvpn-harness");
    xml.setParameters(parameters);
    for (SuiteDefinition s : suites) {
      XmlTest test = new XmlTest(xml);
      test.setName(s.name());
      test.setXmlClasses(s.classes().stream().map(c -> new XmlClass(c.getName(), false)).toList());
      includedGroups.forEach(test::addIncludedGroup);
      excludedGroups.forEach(test::addExcludedGroup);
    }
    ProgressReporter progress = new ProgressReporter(out);
    TestNG tng = new TestNG(false);
    tng.setUseDefaultListeners(false);
    tng.setVerbose(0);
    tng.setOutputDirectory(outputDir.toString());
    tng.setXmlSuites(List.of(xml));
    tng.addListener(progress);
    tng.addListener(new ScenarioListenersInstaller(List.copyOf(scenarioListeners)));
    listeners.forEach(tng::addListener);
    tng.run();
    return progress.summary();
  }

  /** Puts the scenario listeners into the suite's attributes, where {@link SuiteParameters#listeners} finds them. */
  private record ScenarioListenersInstaller(List<ScenarioListener> listeners) implements ISuiteListener {
    @Override
    public void onStart(ISuite suite) {
      suite.setAttribute(SuiteParameters.LISTENERS, listeners);
    }
  }
}
