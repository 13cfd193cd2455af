package dev.dmvpn.harness.sequence;

import java.util.List;

/**
 * A frame held against a matcher: the one it matched, or, when nothing matched, the closest frame (the most tests
 * passed, the earliest on a tie).
 */
public record Candidate(long frame, long timeNanos, List<FieldCheck> checks) {
  public Candidate {
    checks = List.copyOf(checks);
  }

  public boolean ok() {
    return checks.stream().allMatch(FieldCheck::ok);
  }

  public long passed() {
    return checks.stream().filter(FieldCheck::ok).count();
  }

  /** The tests this frame failed. */
  public List<FieldCheck> differences() {
    return checks.stream().filter(c -> !c.ok()).toList();
  }
}
