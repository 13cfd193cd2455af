package dev.dmvpn.harness.sequence;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An expectation file as read by {@link SequenceLoader}.
 *
 * @param file the file as the user named it (problems and reports use it)
 * @param defaults {@code variables:}, the values used when the caller gives none
 * @param hosts {@code hosts:} alias to address template (may be {@code ${var}}, or a comma-separated list)
 * @param lines the line of each top-level item, by a key such as {@code variables.hub} (for check-time errors)
 */
public record ExpectedSequence(
    String file,
    String description,
    Map<String, String> defaults,
    Map<String, String> hosts,
    List<ExpectedGroup> groups,
    Map<String, Integer> lines) {
  public ExpectedSequence {
    defaults = Collections.unmodifiableMap(new LinkedHashMap<>(defaults));
    hosts = Collections.unmodifiableMap(new LinkedHashMap<>(hosts));
    groups = List.copyOf(groups);
    lines = Map.copyOf(lines);
  }
}
