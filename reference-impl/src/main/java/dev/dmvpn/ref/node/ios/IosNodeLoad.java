package dev.dmvpn.ref.node.ios;

import dev.dmvpn.ref.config.ConfigProblem;
import java.util.List;

/**
 * The outcome of reading a configuration for a node: every problem the parser, the validator and the builder
 * found (errors, warnings and ignored-notes, in line order) and the plan, present only when there is no error.
 *
 * @param plan what the node will be, or {@code null} when {@link #errors()} is not empty
 * @param problems everything said about the configuration; messages never contain a secret
 */
public record IosNodeLoad(IosNodePlan plan, List<ConfigProblem> problems) {

  public IosNodeLoad {
    problems = List.copyOf(problems);
    if (plan == null && problems.stream().noneMatch(ConfigProblem::isError)) {
      throw new IllegalArgumentException("a load without plan needs at least one error");
    }
  }

  public List<ConfigProblem> errors() {
    return problems.stream().filter(ConfigProblem::isError).toList();
  }

  /** Warnings and ignored-notes: accepted, but said so. */
  public List<ConfigProblem> notes() {
    return problems.stream().filter(p -> !p.isError()).toList();
  }

  public boolean ok() {
    return plan != null;
  }

  /**
   * {@code FILE:LINE: message}, as compilers print it ({@code FILE: message} for problems of the whole file);
   * the message is {@link ConfigProblem#message()} without its {@code line N: } prefix.
   */
  public static String format(String file, ConfigProblem p) {
    if (p.lineNumber() == 0) {
      return file + ": " + p.message();
    }
    String prefix = "line " + p.lineNumber() + ": ";
    String m = p.message();
    return file + ":" + p.lineNumber() + ": " + (m.startsWith(prefix) ? m.substring(prefix.length()) : m);
  }
}
