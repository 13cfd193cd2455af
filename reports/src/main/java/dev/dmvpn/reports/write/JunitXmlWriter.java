package dev.dmvpn.reports.write;

import dev.dmvpn.reports.Verdict;
import dev.dmvpn.reports.Verdicts;
import dev.dmvpn.reports.model.RunRecord;
import dev.dmvpn.reports.model.TestRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * JUnit XML in the Surefire schema (what Jenkins' junit step and most CI servers read): one
 * {@code TEST-<suite>.xml} per suite with a {@code <testsuite>} root, one {@code <testcase>} per counted entry
 * ({@link TestRecord#counted}). FAILED is {@code <failure>}, ERRORED {@code <error>}, BLOCKED and SKIPPED
 * {@code <skipped>} (message prefixed {@code BLOCKED:}); a test still running is an {@code <error type="RUNNING">}
 * so that the file a killed run leaves marks it as not passed.
 */
public final class JunitXmlWriter implements ReportWriter {
  private final Path dir;

  public JunitXmlWriter(Path dir) {
    this.dir = dir;
  }

  @Override
  public void runChanged(RunRecord run) throws IOException {
    for (Map.Entry<String, List<TestRecord>> e : run.bySuite().entrySet()) {
      String xml = suite(run, e.getKey(), e.getValue().stream().filter(t -> t.running() || t.counted()).toList());
      AtomicFiles.write(dir.resolve(fileName(e.getKey())), xml.getBytes(StandardCharsets.UTF_8));
    }
  }

  /** {@code TEST-<suite>.xml}, the suite name reduced to characters safe in a file name. */
  public static String fileName(String suite) {
    return "TEST-" + suite.replaceAll("[^A-Za-z0-9._-]", "_") + ".xml";
  }

  static String suite(RunRecord run, String name, List<TestRecord> cases) {
    int failures = 0;
    int errors = 0;
    int skipped = 0;
    long time = 0;
    long start = Long.MAX_VALUE;
    for (TestRecord t : cases) {
      start = Math.min(start, t.startMillis());
      time += t.durationMillis();
      String el = t.running() ? "error" : Verdicts.junitElement(t.verdict());
      failures += "failure".equals(el) ? 1 : 0;
      errors += "error".equals(el) ? 1 : 0;
      skipped += "skipped".equals(el) ? 1 : 0;
    }
    StringBuilder x = new StringBuilder(4096);
    x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuite name=\"").append(Markup.escape(name))
        .append("\" tests=\"").append(cases.size()).append("\" failures=\"").append(failures)
        .append("\" errors=\"").append(errors).append("\" skipped=\"").append(skipped).append("\" time=\"")
        .append(Markup.seconds(time)).append("\" timestamp=\"")
        .append(Markup.isoTimestamp(start == Long.MAX_VALUE ? run.startMillis() : start)).append("\">\n");
    x.append("  <properties>\n");
    run.labels().forEach((k, v) -> x.append("    <property name=\"").append(Markup.escape(k)).append("\" value=\"")
        .append(Markup.escape(v)).append("\"/>\n"));
    x.append("  </properties>\n");
    for (TestRecord t : cases) {
      testcase(x, t);
    }
    x.append("</testsuite>\n");
    return x.toString();
  }

  private static void testcase(StringBuilder x, TestRecord t) {
    x.append("  <testcase name=\"").append(Markup.escape(t.displayName())).append("\" classname=\"")
        .append(Markup.escape(t.suite())).append("\" time=\"").append(Markup.seconds(t.durationMillis()))
        .append('"');
    if (t.running()) {
      x.append(">\n    <error type=\"RUNNING\" message=\"RUNNING: not finished when this file was written (the run"
          + " was stopped or killed)\"/>\n  </testcase>\n");
      return;
    }
    String el = Verdicts.junitElement(t.verdict());
    if (el == null) {
      x.append("/>\n");
      return;
    }
    String message = t.verdict() == Verdict.BLOCKED ? "BLOCKED: " + t.message() : t.message();
    x.append(">\n    <").append(el).append(" message=\"").append(Markup.escape(message)).append('"');
    if (!"skipped".equals(el)) {
      x.append(" type=\"").append(t.verdict().name()).append('"');
    }
    if (t.detail().isEmpty()) {
      x.append("/>\n");
    } else {
      x.append('>').append(Markup.escape(t.detail())).append("</").append(el).append(">\n");
    }
    x.append("  </testcase>\n");
  }
}
