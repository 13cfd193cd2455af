package dev.dmvpn.harness.sequence;

import java.util.List;

/**
 * One matcher's outcome.
 *
 * @param ok ordered/unordered: {@code count} frames matched; absent: no frame matched
 * @param frames the frame numbers matched (absent: the frames that violate it)
 * @param evidence the first matched frame's tests, or when nothing matched the closest candidate's (null when the
 *     window held no frame at all)
 * @param reason why it failed, in one line; empty when ok
 */
public record StepResult(String matcher, int line, boolean ok, List<Long> frames, Candidate evidence,
    String reason) {
  public StepResult {
    frames = List.copyOf(frames);
  }
}
