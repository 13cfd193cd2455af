package dev.dmvpn.reports.write;

import dev.dmvpn.reports.model.RunRecord;
import dev.dmvpn.reports.model.TestRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A short plain-text summary: run state and labels, one line per counted entry by suite, the running entries, and
 * as its last line {@link dev.dmvpn.reports.model.Counts#line()} ({@code N passed, N failed, N skipped, N errored,
 * N blocked}).
 */
public final class SummaryWriter implements ReportWriter {
  private final Path file;

  public SummaryWriter(Path file) {
    this.file = file;
  }

  @Override
  public void runChanged(RunRecord run) throws IOException {
    AtomicFiles.write(file, render(run).getBytes(StandardCharsets.UTF_8));
  }

  public static String render(RunRecord run) {
    StringBuilder s = new StringBuilder();
    s.append(run.title()).append(run.finished() ? ": finished " + Markup.utc(run.stopMillis())
        : ": in progress (started " + Markup.utc(run.startMillis()) + "; stopped or killed if nothing runs)")
        .append('\n');
    run.labels().forEach((k, v) -> s.append("  ").append(k).append(": ").append(v).append('\n'));
    for (Map.Entry<String, List<TestRecord>> e : run.bySuite().entrySet()) {
      s.append(e.getKey()).append('\n');
      for (TestRecord t : e.getValue()) {
        if (t.running() || t.counted()) {
          line(s, t);
        }
      }
    }
    s.append(run.counts().line()).append('\n');
    return s.toString();
  }

  private static void line(StringBuilder s, TestRecord t) {
    String v = t.running() ? "RUNNING" : t.verdict().name();
    s.append(String.format(Locale.ROOT, "  %-8s %s", v, t.displayName()));
    if (!t.running()) {
      s.append(" (").append(Markup.duration(t.durationMillis())).append(')');
    }
    String firstLine = t.message().lines().findFirst().orElse("");
    if (!firstLine.isEmpty()) {
      s.append(": ").append(firstLine);
    }
    s.append('\n');
  }
}
