package dev.dmvpn.harness.scenario.suite;

import java.util.List;

/**
 * A suite the command line can run by name: its TestNG classes.
 *
 * @param name what {@code run --suite NAME} takes, e.g. {@code document}
 * @param description one line for {@code run --help} and errors
 */
public record SuiteDefinition(String name, String description, List<Class<?>> classes) {
  public SuiteDefinition {
    classes = List.copyOf(classes);
  }
}
