package dev.dmvpn.harness.sequence;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Before a check runs: every {@code ${name}} the file uses must get a value from the caller, the file's
 * {@code variables:}, a {@code capture:} or a {@code for_each}; otherwise the check cannot mean anything and the
 * file (with the line) is the error, not the capture.
 */
final class VariableCheck {
  private VariableCheck() {}

  static void requireValues(ExpectedSequence s, Map<String, String> caller) throws SequenceFileException {
    Set<String> known = new HashSet<>(caller.keySet());
    known.addAll(s.defaults().keySet());
    for (ExpectedGroup g : s.groups()) {
      if (g.forEachVariable() != null) {
        known.add(g.forEachVariable());
      }
      g.matchers().forEach(m -> known.addAll(m.captures().keySet()));
    }
    List<SequenceProblem> problems = new ArrayList<>();
    s.hosts().forEach((alias, t) -> unknown(s, known, t, s.lines().getOrDefault("hosts." + alias, 0),
        "hosts." + alias, problems));
    for (ExpectedGroup g : s.groups()) {
      unknown(s, known, g.forEachValues(), g.line(), "group '" + g.name() + "' for_each", problems);
      for (FrameMatcher m : g.matchers()) {
        String where = "matcher '" + m.name() + "'";
        unknown(s, known, m.from(), m.line(), where + " from", problems);
        unknown(s, known, m.to(), m.line(), where + " to", problems);
        for (FieldCondition c : m.conditions()) {
          for (String o : c.operands()) {
            unknown(s, known, o, c.line(), where + " " + c.field(), problems);
          }
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new SequenceFileException(problems);
    }
  }

  private static void unknown(ExpectedSequence s, Set<String> known, String template, int line, String field,
      List<SequenceProblem> problems) {
    for (String n : Template.names(template)) {
      if (!known.contains(n)) {
        problems.add(new SequenceProblem(s.file(), line, field,
            "${" + n + "} has no value: give it (--var " + n + "=VALUE) or add it under variables:"));
      }
    }
  }
}
