package dev.dmvpn.ref.config;

import java.util.List;

/**
 * What {@link IosConfigParser#parse} returns: the model (built from every line that could be used) and what was
 * wrong or ignored.
 *
 * @param config the configuration read; always present, possibly partial when there are errors
 * @param problems errors and warnings in line order
 * @param ignored known commands deliberately ignored ({@link ConfigProblem.Severity#IGNORED}), in line order
 */
public record IosParseResult(IosConfig config, List<ConfigProblem> problems, List<ConfigProblem> ignored) {

  public IosParseResult {
    problems = List.copyOf(problems);
    ignored = List.copyOf(ignored);
  }

  public List<ConfigProblem> errors() {
    return problems.stream().filter(ConfigProblem::isError).toList();
  }

  public List<ConfigProblem> warnings() {
    return problems.stream().filter(p -> p.severity() == ConfigProblem.Severity.WARNING).toList();
  }

  /** True when no line is in error: a strict consumer may use {@link #config}. */
  public boolean ok() {
    return errors().isEmpty();
  }

  /** The config when there are no errors, else {@link IllegalArgumentException} listing every error. */
  public IosConfig configOrThrow() {
    List<ConfigProblem> errors = errors();
    if (errors.isEmpty()) {
      return config;
    }
    StringBuilder sb = new StringBuilder("configuration has ").append(errors.size()).append(" error(s):");
    for (ConfigProblem p : errors) {
      sb.append('\n').append(p.message());
    }
    throw new IllegalArgumentException(sb.toString());
  }
}
