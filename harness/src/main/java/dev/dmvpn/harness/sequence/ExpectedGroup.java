package dev.dmvpn.harness.sequence;

import java.time.Duration;
import java.util.List;

/**
 * A group of matchers checked together over one window of the capture.
 *
 * @param after a matcher name of an earlier group: the window starts after the last frame it matched (null = at
 *     the first frame of the capture)
 * @param within the window's length from its start (null = to the end of the capture)
 * @param forEachVariable with {@code forEachValues}: the group is checked once per comma-separated value of that
 *     template, the variable bound to the value (e.g. once per spoke); null = once
 * @param line the line of the group in its file
 */
public record ExpectedGroup(
    String name,
    GroupKind kind,
    List<FrameMatcher> matchers,
    String after,
    Duration within,
    String forEachVariable,
    String forEachValues,
    int line) {
  public ExpectedGroup {
    matchers = List.copyOf(matchers);
  }
}
