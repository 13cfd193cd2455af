package dev.dmvpn.reports.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A snapshot of a run: labels (testbed, devices, IOS image...), entries in start order, and whether it finished.
 * {@code stopMillis} is 0 while it runs.
 */
public record RunRecord(String id, String title, Map<String, String> labels, long startMillis, long stopMillis,
    List<TestRecord> tests) {
  public RunRecord {
    labels = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(labels));
    tests = List.copyOf(tests);
  }

  public boolean finished() {
    return stopMillis != 0;
  }

  public Counts counts() {
    return Counts.of(tests);
  }

  /** Entries grouped by suite, suites in the order their first entry started. */
  public Map<String, List<TestRecord>> bySuite() {
    Map<String, List<TestRecord>> m = new LinkedHashMap<>();
    for (TestRecord t : tests) {
      m.computeIfAbsent(t.suite(), k -> new java.util.ArrayList<>()).add(t);
    }
    return m;
  }

  /** Entries still running (a killed run leaves them). */
  public List<TestRecord> running() {
    return tests.stream().filter(TestRecord::running).toList();
  }
}
