package dev.dmvpn.topology.load;

import dev.dmvpn.ref.bytes.Ipv4Address;
import dev.dmvpn.topology.FilledNote;
import dev.dmvpn.topology.Ipv4Cidr;
import dev.dmvpn.topology.load.YamlNode.Entry;
import dev.dmvpn.topology.load.YamlNode.Kind;
import dev.dmvpn.topology.load.YamlNode.Mapping;
import dev.dmvpn.topology.load.YamlNode.Scalar;
import dev.dmvpn.topology.load.YamlNode.Sequence;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Typed reads from the YAML tree. Each read records the field's line and turns a wrong type or value into a
 * problem naming the field's path, then returns empty so the caller carries on (all problems are reported at once).
 */
final class Fields {
  /** The key for notes on what a testbed adds to its source document; allowed in most mappings. */
  static final String FILLED = "filled";

  private final String file;
  private final List<TestbedProblem> problems;
  private final Map<String, Integer> lines = new HashMap<>();
  private final List<FilledNote> filled = new ArrayList<>();

  Fields(String file, List<TestbedProblem> problems) {
    this.file = file;
    this.problems = problems;
  }

  String file() {
    return file;
  }

  Locations locations() {
    return new Locations(file, lines);
  }

  List<FilledNote> filled() {
    return List.copyOf(filled);
  }

  /** Collects the mapping's {@code filled:} notes (a text or a list of texts). */
  void filledNotes(Mapping m, String path) {
    for (String note : strings(m, path, FILLED)) {
      filled.add(new FilledNote(path, note));
    }
  }

  void error(int line, String path, String message) {
    problems.add(new TestbedProblem(file, line, path, message));
  }

  void at(String path, int line) {
    lines.putIfAbsent(path, line);
  }

  /**
   * Makes the lines recorded under {@code from} (a path as written, {@code ...interfaces.Tu0}) also known under
   * {@code to} (the canonical {@code ...interfaces.Tunnel0}) that later checks use.
   */
  void alias(String from, String to) {
    if (from.equals(to)) {
      return;
    }
    Map<String, Integer> copies = new HashMap<>();
    lines.forEach((path, line) -> {
      if (path.equals(from) || path.startsWith(from + ".")) {
        copies.put(to + path.substring(from.length()), line);
      }
    });
    copies.forEach(lines::putIfAbsent);
  }

  static String child(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  /** The node as a mapping, or a problem. Records the node's line under {@code path}. */
  Optional<Mapping> mapping(YamlNode node, String path) {
    at(path, node.line());
    if (node instanceof Mapping m) {
      return Optional.of(m);
    }
    error(node.line(), path, "expected a mapping (key: value lines), found " + node.describe());
    return Optional.empty();
  }

  Optional<Sequence> sequence(YamlNode node, String path) {
    at(path, node.line());
    if (node instanceof Sequence s) {
      return Optional.of(s);
    }
    error(node.line(), path, "expected a list, found " + node.describe());
    return Optional.empty();
  }

  /** Every key not in {@code known} is a problem (a typo would otherwise be silently ignored). */
  void onlyKeys(Mapping m, String path, Set<String> known) {
    for (Entry e : m.entries().values()) {
      if (!known.contains(e.key())) {
        error(e.keyLine(), child(path, e.key()), "unknown key" + suggestion(e.key(), known)
            + "; allowed here: " + String.join(", ", known.stream().sorted().toList()));
      }
    }
  }

  /** The entry's value, recording its line; a missing required key is a problem at the mapping's line. */
  Optional<YamlNode> value(Mapping m, String path, String key, boolean required) {
    Entry e = m.entries().get(key);
    String p = child(path, key);
    if (e == null) {
      if (required) {
        error(m.line(), p, "required field is missing");
      }
      return Optional.empty();
    }
    at(p, e.keyLine());
    return Optional.of(e.value());
  }

  /** A string scalar. Numbers are accepted as text only where {@code numbersAsText} (names such as {@code 2691}). */
  Optional<String> string(Mapping m, String path, String key, boolean required) {
    return value(m, path, key, required).flatMap(n -> text(n, child(path, key)));
  }

  Optional<String> text(YamlNode n, String path) {
    if (n instanceof Scalar s && s.kind() != Kind.NULL && s.kind() != Kind.BOOLEAN) {
      if (s.text().isBlank()) {
        error(n.line(), path, "must not be empty");
        return Optional.empty();
      }
      return Optional.of(s.text().strip());
    }
    error(n.line(), path, "expected text, found " + n.describe());
    return Optional.empty();
  }

  /**
   * A keyword. YAML 1.1 reads plain {@code off}, {@code on}, {@code yes}, {@code no} as booleans; where a word is
   * expected (e.g. {@code host_key: off}) the word as written is what the user meant.
   */
  private Optional<String> word(Mapping m, String path, String key, boolean required) {
    return value(m, path, key, required).flatMap(n -> n instanceof Scalar s && s.kind() == Kind.BOOLEAN
        ? Optional.of(s.text().strip()) : text(n, child(path, key)));
  }

  Optional<Integer> integer(Mapping m, String path, String key, boolean required, long min, long max) {
    return value(m, path, key, required).flatMap(n -> integer(n, child(path, key), min, max));
  }

  Optional<Integer> integer(YamlNode n, String path, long min, long max) {
    return longValue(n, path, min, max).map(Long::intValue);
  }

  Optional<Long> longValue(Mapping m, String path, String key, boolean required, long min, long max) {
    return value(m, path, key, required).flatMap(n -> longValue(n, child(path, key), min, max));
  }

  private Optional<Long> longValue(YamlNode n, String path, long min, long max) {
    if (!(n instanceof Scalar s) || s.kind() != Kind.INTEGER) {
      error(n.line(), path, "expected a whole number, found " + n.describe());
      return Optional.empty();
    }
    long v;
    try {
      v = Long.parseLong(s.text().replace("_", "").replace("+", ""));
    } catch (NumberFormatException e) {
      error(n.line(), path, "expected a decimal whole number, found " + n.describe());
      return Optional.empty();
    }
    if (v < min || v > max) {
      error(n.line(), path, v + " is out of range " + min + ".." + max);
      return Optional.empty();
    }
    return Optional.of(v);
  }

  Optional<Boolean> bool(Mapping m, String path, String key) {
    return value(m, path, key, false).flatMap(n -> {
      if (n instanceof Scalar s && s.kind() == Kind.BOOLEAN) {
        return Optional.of(Boolean.parseBoolean(s.text()) || s.text().equalsIgnoreCase("yes")
            || s.text().equalsIgnoreCase("on"));
      }
      error(n.line(), child(path, key), "expected true or false, found " + n.describe());
      return Optional.empty();
    });
  }

  Optional<Ipv4Address> address(Mapping m, String path, String key, boolean required) {
    return string(m, path, key, required).flatMap(t -> parsed(t, child(path, key), m, key, Ipv4Address::parse));
  }

  Optional<Ipv4Cidr> cidr(Mapping m, String path, String key, boolean required) {
    return string(m, path, key, required).flatMap(t -> parsed(t, child(path, key), m, key, Ipv4Cidr::parse));
  }

  /** One of a fixed set of words. */
  <T> Optional<T> choice(Mapping m, String path, String key, boolean required, Function<String, Optional<T>> parse,
      String allowed) {
    return word(m, path, key, required).flatMap(t -> {
      Optional<T> v = parse.apply(t);
      if (v.isEmpty()) {
        error(m.entries().get(key).keyLine(), child(path, key), "'" + t + "' is not one of: " + allowed);
      }
      return v;
    });
  }

  /** A list of strings (a single string is accepted as a list of one). */
  List<String> strings(Mapping m, String path, String key) {
    List<String> out = new ArrayList<>();
    value(m, path, key, false).ifPresent(n -> {
      String p = child(path, key);
      if (n instanceof Sequence s) {
        for (int i = 0; i < s.items().size(); i++) {
          text(s.items().get(i), p + "[" + i + "]").ifPresent(out::add);
        }
      } else {
        text(n, p).ifPresent(out::add);
      }
    });
    return out;
  }

  private <T> Optional<T> parsed(String text, String path, Mapping m, String key, Function<String, T> parse) {
    try {
      return Optional.of(parse.apply(text));
    } catch (IllegalArgumentException e) {
      error(m.entries().get(key).keyLine(), path, e.getMessage());
      return Optional.empty();
    }
  }

  /** "did you mean" for keys one or two edits away from a known one. */
  private static String suggestion(String key, Set<String> known) {
    String best = null;
    int bestDistance = 3;
    for (String k : known) {
      int d = distance(key, k);
      if (d < bestDistance) {
        best = k;
        bestDistance = d;
      }
    }
    return best == null ? "" : " (did you mean '" + best + "'?)";
  }

  private static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
