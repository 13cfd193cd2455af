package dev.dmvpn.reports;

import dev.dmvpn.reports.model.AttachmentRecord;
import dev.dmvpn.reports.model.StepRecord;
import java.util.ArrayList;
import java.util.List;

/** A step while it is recorded; guarded by the recorder's lock. */
final class MutableStep {
  final String name;
  final long start;
  long stop;
  Verdict verdict;
  String message = "";
  final List<MutableStep> steps = new ArrayList<>();
  final List<AttachmentRecord> attachments = new ArrayList<>();

  MutableStep(String name, long start) {
    this.name = name;
    this.start = start;
  }

  StepRecord snapshot() {
    List<StepRecord> children = new ArrayList<>(steps.size());
    for (MutableStep s : steps) {
      children.add(s.snapshot());
    }
    return new StepRecord(name, start, stop, verdict, message, children, attachments);
  }
}
