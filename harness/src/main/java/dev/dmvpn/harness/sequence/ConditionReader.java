package dev.dmvpn.harness.sequence;

import dev.dmvpn.harness.sequence.YamlNode.Entry;
import dev.dmvpn.harness.sequence.YamlNode.Mapping;
import dev.dmvpn.harness.sequence.YamlNode.Scalar;
import dev.dmvpn.harness.sequence.YamlNode.Sequence;
import java.util.ArrayList;
import java.util.List;

/**
 * A matcher's {@code match:} mapping to {@link FieldCondition}s: a value is equality, a list is "one of", a mapping
 * holds tests by name ({@code eq ne lt le gt ge in present matches}). Field names must be known
 * ({@link FieldNames}); problems go to the loader's list.
 */
final class ConditionReader {
  private final String file;
  private final List<SequenceProblem> problems;

  ConditionReader(String file, List<SequenceProblem> problems) {
    this.file = file;
    this.problems = problems;
  }

  /** The tests under a matcher's {@code match:} (none without one). */
  List<FieldCondition> read(Mapping matcher, String path) {
    List<FieldCondition> out = new ArrayList<>();
    Entry e = matcher.entries().get("match");
    if (e == null) {
      return out;
    }
    Mapping m = mapping(e.value(), path);
    if (m == null) {
      return out;
    }
    for (Entry c : m.entries().values()) {
      String fieldPath = path + "." + c.key();
      knownField(c.key(), c.keyLine(), fieldPath);
      if (c.value() instanceof Scalar s) {
        out.add(new FieldCondition(c.key(), Operator.EQ, List.of(text(s)), c.keyLine()));
      } else if (c.value() instanceof Sequence seq) {
        out.add(new FieldCondition(c.key(), Operator.IN, texts(seq, fieldPath), c.keyLine()));
      } else if (c.value() instanceof Mapping ops) {
        operators(c.key(), ops, fieldPath, out);
      }
    }
    return out;
  }

  private void operators(String field, Mapping ops, String path, List<FieldCondition> out) {
    for (Entry op : ops.entries().values()) {
      Operator o = operator(op.key());
      if (o == null) {
        problem(op.keyLine(), path + "." + op.key(),
            "unknown test; use eq, ne, lt, le, gt, ge, in, present, matches");
      } else if (o == Operator.IN) {
        List<String> values = op.value() instanceof Sequence seq ? texts(seq, path + ".in") : null;
        if (values == null) {
          problem(op.keyLine(), path + ".in", "expected a list, found " + op.value().describe());
        } else {
          out.add(new FieldCondition(field, o, values, op.keyLine()));
        }
      } else if (!(op.value() instanceof Scalar s) || s.text() == null) {
        problem(op.keyLine(), path + "." + op.key(), "expected a value, found " + op.value().describe());
      } else if (o == Operator.PRESENT) {
        presence(field, s, op.keyLine(), path, out);
      } else {
        if (o == Operator.MATCHES) {
          regex(s.text(), op.keyLine(), path);
        }
        out.add(new FieldCondition(field, o, List.of(s.text()), op.keyLine()));
      }
    }
  }

  private void presence(String field, Scalar s, int line, String path, List<FieldCondition> out) {
    if (s.text().equals("true") || s.text().equals("false")) {
      out.add(new FieldCondition(field, s.text().equals("true") ? Operator.PRESENT : Operator.MISSING, List.of(),
          line));
    } else {
      problem(line, path + ".present", "expected true or false, found " + s.describe());
    }
  }

  private void regex(String text, int line, String path) {
    try {
      java.util.regex.Pattern.compile(text);
    } catch (java.util.regex.PatternSyntaxException e) {
      problem(line, path + ".matches", "not a regular expression: " + e.getDescription());
    }
  }

  private static Operator operator(String key) {
    for (Operator o : Operator.values()) {
      if (o.key().equals(key) && o != Operator.MISSING) {
        return o;
      }
    }
    return null;
  }

  void knownField(String field, int line, String path) {
    if (!FieldNames.known(field)) {
      List<String> hints = FieldNames.suggestions(field);
      problem(line, path, "unknown field '" + field + "'"
          + (hints.isEmpty() ? "; see the decode output's names" : "; did you mean " + String.join(" or ", hints)
          + "?"));
    }
  }

  private List<String> texts(Sequence seq, String path) {
    List<String> out = new ArrayList<>();
    for (YamlNode n : seq.items()) {
      if (n instanceof Scalar s && s.text() != null) {
        out.add(s.text());
      } else {
        problem(n.line(), path, "expected values, found " + n.describe());
      }
    }
    return out;
  }

  private static String text(Scalar s) {
    return s.text() == null ? "null" : s.text();
  }

  private Mapping mapping(YamlNode node, String path) {
    if (node instanceof Mapping m) {
      return m;
    }
    problem(node.line(), path, "expected a mapping, found " + node.describe());
    return null;
  }

  private void problem(int line, String field, String message) {
    problems.add(new SequenceProblem(file, line, field, message));
  }
}
