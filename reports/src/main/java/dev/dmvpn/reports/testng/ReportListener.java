package dev.dmvpn.reports.testng;

import dev.dmvpn.reports.Reports;
import dev.dmvpn.reports.RunRecorder;
import dev.dmvpn.reports.TestReport;
import dev.dmvpn.reports.Verdict;
import dev.dmvpn.reports.Verdicts;
import dev.dmvpn.reports.model.TestKind;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.testng.IConfigurationListener;
import org.testng.IExecutionListener;
import org.testng.ISuite;
import org.testng.ISuiteListener;
import org.testng.ITestContext;
import org.testng.ITestListener;
import org.testng.ITestNGMethod;
import org.testng.ITestResult;
import org.testng.xml.XmlTest;

/**
 * Records a TestNG run: each test method is an entry of the suite named after its class (simple name), each
 * configuration method a setup or teardown entry; verdicts come from {@link Verdicts#of(ITestResult)}. While an
 * entry runs it is {@link Reports#current()} on its thread.
 *
 * <p>Two ways to register it. Programmatically with a recorder the caller made (labels, secret mask):
 * {@code testng.addListener(new ReportListener(recorder))}; the caller finishes the recorder after
 * {@code testng.run()}. Or by class name ({@code @Listeners}, {@code -listener}, surefire): the listener then makes
 * its own recorder writing to the directory in the system property {@value #DIR_PROPERTY} (default
 * {@value #DEFAULT_DIR}) and finishes it when TestNG's execution ends.
 */
public class ReportListener
    implements IExecutionListener, ISuiteListener, ITestListener, IConfigurationListener {
  public static final String DIR_PROPERTY = "dmvpn.report.dir";
  public static final String DEFAULT_DIR = "target/dmvpn-report";
  private static final String ATTRIBUTE = ReportListener.class.getName() + ".entry";

  private RunRecorder recorder;
  private final boolean owned;

  /** A listener that makes and finishes its own recorder (see the class comment). */
  public ReportListener() {
    this.owned = true;
  }

  /** A listener recording into {@code recorder}; the caller finishes it. */
  public ReportListener(RunRecorder recorder) {
    this.recorder = recorder;
    this.owned = false;
  }

  /** The recorder this listener drives (made on first use when it owns it). */
  public synchronized RunRecorder recorder() {
    if (recorder == null) {
      recorder = RunRecorder.builder(Path.of(System.getProperty(DIR_PROPERTY, DEFAULT_DIR))).start();
    }
    return recorder;
  }

  @Override
  public void onExecutionStart() {
    Reports.activate(recorder());
  }

  @Override
  public void onExecutionFinish() {
    if (owned) {
      recorder().finish();
    }
    Reports.activate(null);
  }

  @Override
  public void onStart(ISuite suite) {
    Reports.activate(recorder());
  }

  @Override
  public void onTestStart(ITestResult result) {
    start(result, TestKind.TEST);
  }

  @Override
  public void onTestSuccess(ITestResult result) {
    finish(result, TestKind.TEST);
  }

  @Override
  public void onTestFailure(ITestResult result) {
    finish(result, TestKind.TEST);
  }

  @Override
  public void onTestSkipped(ITestResult result) {
    finish(result, TestKind.TEST);
  }

  @Override
  public void onTestFailedButWithinSuccessPercentage(ITestResult result) {
    finish(result, TestKind.TEST);
  }

  @Override
  public void onTestFailedWithTimeout(ITestResult result) {
    finish(result, TestKind.TEST);
  }

  @Override
  public void beforeConfiguration(ITestResult result) {
    start(result, kindOf(result.getMethod()));
  }

  @Override
  public void onConfigurationSuccess(ITestResult result) {
    finish(result, kindOf(result.getMethod()));
  }

  @Override
  public void onConfigurationFailure(ITestResult result) {
    finish(result, kindOf(result.getMethod()));
  }

  @Override
  public void onConfigurationSkip(ITestResult result) {
    finish(result, kindOf(result.getMethod()));
  }

  private TestReport start(ITestResult result, TestKind kind) {
    TestReport t = recorder().start(kind, suiteOf(result), nameOf(result), labelsOf(result));
    result.setAttribute(ATTRIBUTE, t);
    Reports.bind(t);
    return t;
  }

  private void finish(ITestResult result, TestKind kind) {
    Object a = result.getAttribute(ATTRIBUTE);
    // TestNG reports a test skipped for a failed dependency without starting it
    TestReport t = a instanceof TestReport ? (TestReport) a : start(result, kind);
    Verdict v = Verdicts.of(result);
    t.finish(v, messageOf(result, v), result.getThrowable());
    Reports.unbind(t);
  }

  private static TestKind kindOf(ITestNGMethod m) {
    boolean after = m.isAfterMethodConfiguration() || m.isAfterClassConfiguration() || m.isAfterTestConfiguration()
        || m.isAfterSuiteConfiguration() || m.isAfterGroupsConfiguration();
    return after ? TestKind.TEARDOWN : TestKind.SETUP;
  }

  /** The suite is the test class: the project names classes by behaviour (SpokeRegistrationTest...). */
  static String suiteOf(ITestResult r) {
    return r.getTestClass().getRealClass().getSimpleName();
  }

  /**
   * The method's name, with its data parameters when it has any. Values TestNG injects (an {@code ITestContext}, an
   * {@code ITestResult}, the {@code XmlTest}, the {@code Method}) are left out: they print as object hashes that
   * differ at every run ({@code bringUp(org.testng.TestRunner@36f48b4)}).
   */
  static String nameOf(ITestResult r) {
    String name = r.getMethod().getMethodName();
    Object[] params = r.getParameters();
    List<Object> shown = params == null ? List.of()
        : Arrays.stream(params).filter(p -> !injected(p)).toList();
    if (shown.isEmpty()) {
      return name;
    }
    return name + shown.stream().map(String::valueOf).collect(Collectors.joining(", ", "(", ")"));
  }

  private static boolean injected(Object p) {
    return p instanceof ITestContext || p instanceof ITestResult || p instanceof XmlTest
        || p instanceof java.lang.reflect.Method;
  }

  private static Map<String, String> labelsOf(ITestResult r) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("parentSuite", r.getTestContext().getSuite().getName());
    labels.put("testClass", r.getTestClass().getRealClass().getName());
    labels.put("testMethod", r.getMethod().getMethodName());
    String description = r.getMethod().getDescription();
    if (description != null && !description.isBlank()) {
      labels.put("description", description);
    }
    return labels;
  }

  /** What ended it: the throwable, or for a blocked test the methods whose failure blocked it. */
  private static String messageOf(ITestResult r, Verdict v) {
    List<ITestNGMethod> causes = v == Verdict.BLOCKED ? skipCauses(r) : List.of();
    if (!causes.isEmpty()) {
      return "blocked by failed " + causes.stream().map(m -> m.getRealClass().getSimpleName() + "." + m.getMethodName())
          .collect(Collectors.joining(", "));
    }
    Throwable t = r.getThrowable();
    return t == null ? "" : String.valueOf(t);
  }

  private static List<ITestNGMethod> skipCauses(ITestResult r) {
    try {
      return r.getSkipCausedBy();
    } catch (RuntimeException e) {
      return List.of();
    }
  }
}
