package dev.dmvpn.harness.sequence;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What one expected frame (or {@code count} frames) looks like.
 *
 * @param name unique in its file; the report and {@code after:} use it
 * @param from a host alias, an address or {@code ${var}}: the frame's {@code ip.src}; null = any
 * @param to the same for {@code ip.dst}
 * @param count at least this many distinct matching frames (the first {@code count} are bound)
 * @param within for an ordered group, the first frame must come at most this long after the latest frame that
 *     passes the previous matcher's tests (its match or a repeat of it, e.g. a retransmitted request), or after
 *     the group's start for the first matcher; for an unordered group, after the group's start; null = no bound
 * @param captures variable name to field: the first matched frame's value is bound for the matchers after it
 * @param line the line of the matcher in its file
 */
public record FrameMatcher(
    String name,
    String from,
    String to,
    List<FieldCondition> conditions,
    int count,
    Duration within,
    Map<String, String> captures,
    int line) {
  public FrameMatcher {
    conditions = List.copyOf(conditions);
    captures = Map.copyOf(captures);
  }
}
