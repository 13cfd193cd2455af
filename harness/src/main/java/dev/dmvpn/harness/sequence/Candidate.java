package dev.dmvpn.harness.sequence;

import java.util.List;

/**
 * A frame held against a matcher: the one it matched, or, when nothing matched, the closest frame: the most tests
 * passed, then the most tested fields present (a frame of the right kind with a wrong value is closer than one
 * without the field), then the earliest.
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

  /** True when this frame is closer to the matcher than {@code other} (see the class comment; ties: false). */
  public boolean closerThan(Candidate other) {
    if (passed() != other.passed()) {
      return passed() > other.passed();
    }
    return present() > other.present();
  }

  private long present() {
    return checks.stream().filter(c -> !c.observed().equals("(missing)") && !c.observed().equals("(no IPv4)"))
        .count();
  }

  /** The tests this frame failed. */
  public List<FieldCheck> differences() {
    return checks.stream().filter(c -> !c.ok()).toList();
  }
}
