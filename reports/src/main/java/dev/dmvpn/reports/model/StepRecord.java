package dev.dmvpn.reports.model;

import dev.dmvpn.reports.Verdict;
import java.util.List;

/**
 * A finished (or, in a snapshot of a running test, unfinished) step: its verdict is {@code null} and {@code stopMillis}
 * 0 while it runs. Times are epoch milliseconds.
 */
public record StepRecord(String name, long startMillis, long stopMillis, Verdict verdict, String message,
    List<StepRecord> steps, List<AttachmentRecord> attachments) {
  public StepRecord {
    steps = List.copyOf(steps);
    attachments = List.copyOf(attachments);
  }

  public boolean running() {
    return verdict == null;
  }

  public long durationMillis() {
    return running() ? 0 : stopMillis - startMillis;
  }
}
