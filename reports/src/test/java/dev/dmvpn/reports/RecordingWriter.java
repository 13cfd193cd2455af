package dev.dmvpn.reports;

import dev.dmvpn.reports.model.AttachmentRecord;
import dev.dmvpn.reports.model.RunRecord;
import dev.dmvpn.reports.model.TestRecord;
import dev.dmvpn.reports.write.ReportWriter;
import java.util.ArrayList;
import java.util.List;

/** A writer that keeps every call, in order, as a line naming what it saw; and the last run snapshot. */
final class RecordingWriter implements ReportWriter {
  final List<String> calls = new ArrayList<>();
  RunRecord last;

  @Override
  public void runChanged(RunRecord run) {
    last = run;
    calls.add("run " + run.tests().size() + (run.finished() ? " finished" : ""));
  }

  @Override
  public void testChanged(RunRecord run, TestRecord test) {
    calls.add("test " + test.name() + " " + (test.running() ? "RUNNING" : test.verdict()));
  }

  @Override
  public void attachmentAdded(TestRecord test, AttachmentRecord a) {
    calls.add("attachment " + a.name() + " to " + test.name());
  }
}
