package dev.dmvpn.harness.sequence;

import java.util.List;
import java.util.stream.Collectors;

/**
 * An expectation file that cannot be used: unreadable, not YAML, a bad field, or (at check time) a variable nobody
 * gave a value. The message lists every problem as {@code FILE:LINE: field: message}, one per line.
 */
public final class SequenceFileException extends Exception {
  private final transient List<SequenceProblem> problems;

  public SequenceFileException(List<SequenceProblem> problems) {
    super(problems.stream().map(SequenceProblem::toString).collect(Collectors.joining("\n")));
    this.problems = List.copyOf(problems);
  }

  public List<SequenceProblem> problems() {
    return problems;
  }
}
