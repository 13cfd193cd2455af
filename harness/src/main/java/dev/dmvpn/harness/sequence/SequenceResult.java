package dev.dmvpn.harness.sequence;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of one check: per group and matcher, what matched or why not; the frames as checked (for the report
 * and the diagram) and the host labels.
 *
 * @param hostLabels address to alias, in the file's order of {@code hosts:}
 */
public record SequenceResult(String file, String description, List<GroupResult> groups, List<FrameView> frames,
    Map<String, String> hostLabels) {
  public SequenceResult {
    groups = List.copyOf(groups);
    frames = List.copyOf(frames);
    hostLabels = Collections.unmodifiableMap(new LinkedHashMap<>(hostLabels));
  }

  /** True when every group matched (and no absent matcher was seen). */
  public boolean matched() {
    return groups.stream().allMatch(GroupResult::ok);
  }

  /** Every failed matcher with its group. */
  public List<Map.Entry<GroupResult, StepResult>> failures() {
    return groups.stream()
        .flatMap(g -> g.steps().stream().filter(s -> !s.ok()).map(s -> Map.entry(g, s)))
        .toList();
  }

  /** Time of the capture's first frame (report times are relative to it), 0 for an empty capture. */
  public long startNanos() {
    return frames.isEmpty() ? 0 : frames.get(0).timeNanos();
  }
}
