package dev.dmvpn.harness.sequence;

import java.util.List;

/**
 * One group's outcome (a {@code for_each} group gives one per value, named {@code name [var=value]}).
 *
 * @param note why the group could not be checked (its {@code after:} matcher did not match), or empty
 */
public record GroupResult(String name, GroupKind kind, int line, String note, List<StepResult> steps) {
  public GroupResult {
    steps = List.copyOf(steps);
  }

  public boolean ok() {
    return note.isEmpty() && steps.stream().allMatch(StepResult::ok);
  }
}
