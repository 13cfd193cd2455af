package dev.dmvpn.reports.write;

import dev.dmvpn.reports.model.RunRecord;
import dev.dmvpn.reports.model.TestKind;
import dev.dmvpn.reports.model.TestRecord;
import java.io.PrintStream;
import java.util.Locale;

/**
 * Progress for a console, one line per event, to a stream the caller owns (the command line passes stdout):
 * {@code RUNNING  Suite / test} when a test starts, {@code PASSED   Suite / test (1.2 s)[: message]} when it ends (a
 * setup or teardown only when it did not pass), and the counts line when the run finishes.
 */
public final class ProgressWriter implements ReportWriter {
  private final PrintStream out;
  private boolean closed;

  public ProgressWriter(PrintStream out) {
    this.out = out;
  }

  @Override
  public void testChanged(RunRecord run, TestRecord t) {
    if (t.running() ? t.kind() != TestKind.TEST : !t.counted()) {
      return;
    }
    StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-8s %s / %s",
        t.running() ? "RUNNING" : t.verdict().name(), t.suite(), t.displayName()));
    if (!t.running()) {
      line.append(" (").append(Markup.duration(t.durationMillis())).append(')');
      t.message().lines().findFirst().filter(m -> !m.isEmpty()).ifPresent(m -> line.append(": ").append(m));
    }
    out.println(line);
    out.flush();
  }

  @Override
  public void runChanged(RunRecord run) {
    if (run.finished() && !closed) {
      closed = true;
      out.println(run.counts().line());
      out.flush();
    }
  }
}
