package dev.dmvpn.reports.model;

import dev.dmvpn.reports.Verdict;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A test (or setup/teardown) as recorded so far. While it runs, {@code verdict} is {@code null} and
 * {@code stopMillis} 0. {@code id} is a UUID, also the Allure result's. {@code detail} is the masked stack trace of
 * what ended it, or empty.
 */
public record TestRecord(String id, TestKind kind, String suite, String name, Map<String, String> labels,
    long startMillis, long stopMillis, Verdict verdict, String message, String detail, List<StepRecord> steps,
    List<AttachmentRecord> attachments) {
  public TestRecord {
    labels = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(labels));
    steps = List.copyOf(steps);
    attachments = List.copyOf(attachments);
  }

  public boolean running() {
    return verdict == null;
  }

  public long durationMillis() {
    return running() ? 0 : stopMillis - startMillis;
  }

  /**
   * Whether it counts in the totals: every test; a setup or teardown only when it FAILED or ERRORED (a broken bring-up
   * must show in the counts even though its tests are only BLOCKED).
   */
  public boolean counted() {
    return kind == TestKind.TEST || verdict == Verdict.FAILED || verdict == Verdict.ERRORED;
  }

  /** {@code name}, with {@code [setup]} / {@code [teardown]} after it for configuration methods. */
  public String displayName() {
    return kind == TestKind.TEST ? name : name + " [" + kind.name().toLowerCase(java.util.Locale.ROOT) + "]";
  }
}
