package dev.dmvpn.topology.load;

import dev.dmvpn.topology.Testbed;
import java.util.List;
import java.util.Optional;

/**
 * What {@link TestbedLoader} read: the model (absent when the file is not YAML or has no usable devices), the
 * line of every field, and every problem found, in file order.
 */
public record LoadResult(Optional<Testbed> testbed, Locations locations, List<TestbedProblem> problems) {
  public LoadResult {
    problems = List.copyOf(problems);
  }

  public boolean ok() {
    return testbed.isPresent() && problems.isEmpty();
  }

  /** The problems, one {@code FILE:LINE: field: message} per line. */
  public String report() {
    StringBuilder b = new StringBuilder();
    problems.forEach(p -> b.append(p).append('\n'));
    return b.toString();
  }
}
