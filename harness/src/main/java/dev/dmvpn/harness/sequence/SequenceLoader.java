package dev.dmvpn.harness.sequence;

import dev.dmvpn.harness.sequence.YamlNode.Entry;
import dev.dmvpn.harness.sequence.YamlNode.Mapping;
import dev.dmvpn.harness.sequence.YamlNode.Scalar;
import dev.dmvpn.harness.sequence.YamlNode.Sequence;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads an expectation file (format: ARCHITECTURE.md, "Expected sequences") into an {@link ExpectedSequence}.
 * Every problem is collected with its line before failing, so one run shows them all.
 */
public final class SequenceLoader {
  private static final Set<String> TOP_KEYS = Set.of("description", "variables", "hosts", "groups");
  private static final Set<String> GROUP_KEYS = Set.of("name", "ordered", "unordered", "absent", "after", "within",
      "for_each");
  private static final Set<String> MATCHER_KEYS = Set.of("name", "from", "to", "match", "count", "within",
      "capture");
  /** The shipped expectations, in the jar under {@code expect/}. */
  public static final List<String> SHIPPED = List.of("registration.yaml", "resolution-via-hub.yaml",
      "isakmp-main-quick.yaml", "wrong-psk.yaml", "esp-both-ways.yaml");

  private final String file;
  private final List<SequenceProblem> problems = new ArrayList<>();
  private final Map<String, Integer> lines = new HashMap<>();
  private final Set<String> matcherNames = new HashSet<>();
  private final ConditionReader conditionReader;

  private SequenceLoader(String file) {
    this.file = file;
    this.conditionReader = new ConditionReader(file, problems);
  }

  /** Reads a file. */
  public static ExpectedSequence load(Path path) throws SequenceFileException {
    String name = path.toString();
    try {
      if (Files.size(path) > YamlReader.MAX_CHARS) {
        throw fail(name, "the file is larger than " + YamlReader.MAX_CHARS + " bytes");
      }
      return parse(name, utf8(Files.readAllBytes(path)));
    } catch (CharacterCodingException e) {
      throw fail(name, "the file is not UTF-8 text");
    } catch (IOException e) {
      throw fail(name, "cannot read the file: " + e.getMessage());
    }
  }

  /** Reads one of {@link #SHIPPED} from the class path. */
  public static ExpectedSequence shipped(String name) throws SequenceFileException {
    String resource = "expect/" + name;
    try (InputStream in = SequenceLoader.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw fail(resource, "no such shipped expectation; there are " + SHIPPED);
      }
      return parse(resource, utf8(in.readAllBytes()));
    } catch (IOException e) {
      throw fail(resource, "cannot read: " + e.getMessage());
    }
  }

  /** Reads text; {@code name} is what problems call the file. */
  public static ExpectedSequence parse(String name, String text) throws SequenceFileException {
    SequenceLoader l = new SequenceLoader(name);
    Optional<YamlNode> root = new YamlReader(name, l.problems).read(text);
    ExpectedSequence s = root.isPresent() ? l.top(root.get()) : null;
    if (!l.problems.isEmpty() || s == null) {
      throw new SequenceFileException(l.problems);
    }
    return s;
  }

  private static String utf8(byte[] bytes) throws CharacterCodingException {
    return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(bytes)).toString();
  }

  private static SequenceFileException fail(String file, String message) {
    return new SequenceFileException(List.of(new SequenceProblem(file, 0, "(file)", message)));
  }

  private ExpectedSequence top(YamlNode root) {
    Mapping m = mapping(root, "(file)");
    if (m == null) {
      return null;
    }
    unknownKeys(m, TOP_KEYS, "");
    String description = scalarOr(m, "description", "", "description");
    Map<String, String> defaults = stringMap(m, "variables");
    Map<String, String> hosts = stringMap(m, "hosts");
    List<ExpectedGroup> groups = new ArrayList<>();
    Entry g = m.entries().get("groups");
    if (g == null) {
      problem(m.line(), "groups", "missing: a file needs at least one group (ordered, unordered or absent)");
    } else if (g.value() instanceof Sequence seq && !seq.items().isEmpty()) {
      for (int i = 0; i < seq.items().size(); i++) {
        ExpectedGroup group = group(seq.items().get(i), "groups[" + i + "]", i);
        if (group != null) {
          groups.add(group);
        }
      }
    } else {
      problem(g.keyLine(), "groups", "expected a non-empty list of groups, found " + g.value().describe());
    }
    checkAfter(groups);
    return new ExpectedSequence(file, description, defaults, hosts, groups, lines);
  }

  private ExpectedGroup group(YamlNode node, String path, int index) {
    Mapping m = mapping(node, path);
    if (m == null) {
      return null;
    }
    unknownKeys(m, GROUP_KEYS, path + ".");
    GroupKind kind = null;
    Entry list = null;
    for (GroupKind k : GroupKind.values()) {
      Entry e = m.entries().get(k.key());
      if (e != null && kind != null) {
        problem(e.keyLine(), path + "." + k.key(), "a group is one of ordered, unordered, absent; this one is "
            + kind.key() + " already");
      } else if (e != null) {
        kind = k;
        list = e;
      }
    }
    if (kind == null) {
      problem(m.line(), path, "missing the matchers: write them under ordered:, unordered: or absent:");
      return null;
    }
    String name = scalarOr(m, "name", "group " + (index + 1), path + ".name");
    List<FrameMatcher> matchers = new ArrayList<>();
    String listPath = path + "." + kind.key();
    if (list.value() instanceof Sequence seq && !seq.items().isEmpty()) {
      for (int i = 0; i < seq.items().size(); i++) {
        FrameMatcher fm = matcher(seq.items().get(i), listPath + "[" + i + "]", kind);
        if (fm != null) {
          matchers.add(fm);
        }
      }
    } else {
      problem(list.keyLine(), listPath, "expected a non-empty list of matchers, found " + list.value().describe());
    }
    String after = scalarOr(m, "after", null, path + ".after");
    Duration within = duration(m, "within", path + ".within");
    String[] forEach = forEach(m, path + ".for_each");
    lines.put(path, m.line());
    return new ExpectedGroup(name, kind, matchers, after, within, forEach[0], forEach[1], m.line());
  }

  private String[] forEach(Mapping group, String path) {
    Entry e = group.entries().get("for_each");
    if (e == null) {
      return new String[2];
    }
    Mapping m = mapping(e.value(), path);
    if (m == null) {
      return new String[2];
    }
    unknownKeys(m, Set.of("var", "in"), path + ".");
    String var = scalarOr(m, "var", null, path + ".var");
    String in = scalarOr(m, "in", null, path + ".in");
    if (var == null || in == null) {
      problem(e.keyLine(), path, "needs var: (the variable's name) and in: (comma-separated values or ${list})");
      return new String[2];
    }
    return new String[] {var, in};
  }

  private FrameMatcher matcher(YamlNode node, String path, GroupKind kind) {
    Mapping m = mapping(node, path);
    if (m == null) {
      return null;
    }
    unknownKeys(m, MATCHER_KEYS, path + ".");
    String name = scalarOr(m, "name", null, path + ".name");
    if (name == null) {
      problem(m.line(), path + ".name", "missing: every matcher has a name (the report uses it)");
      name = path;
    } else if (!matcherNames.add(name)) {
      problem(m.entries().get("name").keyLine(), path + ".name", "'" + name + "' is used twice; names are unique");
    }
    String from = scalarOr(m, "from", null, path + ".from");
    String to = scalarOr(m, "to", null, path + ".to");
    List<FieldCondition> conditions = conditionReader.read(m, path + ".match");
    int count = count(m, path + ".count");
    Duration within = duration(m, "within", path + ".within");
    Map<String, String> captures = stringMap(m, "capture", path + ".capture");
    captures.forEach((var, field) -> conditionReader.knownField(field, m.entries().get("capture").keyLine(),
        path + ".capture." + var));
    if (kind == GroupKind.ABSENT && (!captures.isEmpty() || count != 1)) {
      problem(m.line(), path, "an absent matcher takes neither capture: nor count:");
    }
    return new FrameMatcher(name, from, to, conditions, count, within, captures, m.line());
  }

  private int count(Mapping m, String path) {
    Entry e = m.entries().get("count");
    if (e == null) {
      return 1;
    }
    String t = e.value() instanceof Scalar s ? s.text() : null;
    try {
      int n = Integer.parseInt(t);
      if (n >= 1 && n <= 10_000) {
        return n;
      }
    } catch (NumberFormatException ignored) {
      // reported below
    }
    problem(e.keyLine(), path, "expected a whole number from 1 to 10000, found " + e.value().describe());
    return 1;
  }

  private Duration duration(Mapping m, String key, String path) {
    Entry e = m.entries().get(key);
    if (e == null) {
      return null;
    }
    Duration d = e.value() instanceof Scalar s ? Durations.parse(s.text()) : null;
    if (d == null) {
      problem(e.keyLine(), path, "expected a duration such as 500ms, 2s or 1m, found " + e.value().describe());
    }
    return d;
  }

  /** {@code after:} must name a matcher of an earlier group. */
  private void checkAfter(List<ExpectedGroup> groups) {
    Set<String> earlier = new HashSet<>();
    for (int i = 0; i < groups.size(); i++) {
      ExpectedGroup g = groups.get(i);
      if (g.after() != null && !earlier.contains(g.after())) {
        problem(g.line(), "groups[" + i + "].after", "'" + g.after() + "' is not a matcher of an earlier group");
      }
      if (g.kind() != GroupKind.ABSENT) {
        g.matchers().forEach(fm -> earlier.add(fm.name()));
      }
    }
  }

  private Map<String, String> stringMap(Mapping parent, String key) {
    return stringMap(parent, key, key);
  }

  private Map<String, String> stringMap(Mapping parent, String key, String path) {
    Map<String, String> out = new LinkedHashMap<>();
    Entry e = parent.entries().get(key);
    if (e == null) {
      return out;
    }
    Mapping m = mapping(e.value(), path);
    if (m == null) {
      return out;
    }
    for (Entry item : m.entries().values()) {
      if (item.value() instanceof Scalar s && s.text() != null) {
        out.put(item.key(), s.text());
        lines.put(path + "." + item.key(), item.keyLine());
      } else {
        problem(item.keyLine(), path + "." + item.key(), "expected a value, found " + item.value().describe());
      }
    }
    return out;
  }

  private String scalarOr(Mapping m, String key, String fallback, String path) {
    Entry e = m.entries().get(key);
    if (e == null) {
      return fallback;
    }
    if (e.value() instanceof Scalar s && s.text() != null) {
      return s.text();
    }
    problem(e.keyLine(), path, "expected a value, found " + e.value().describe());
    return fallback;
  }

  private Mapping mapping(YamlNode node, String path) {
    if (node instanceof Mapping m) {
      return m;
    }
    problem(node.line(), path, "expected a mapping, found " + node.describe());
    return null;
  }

  private void unknownKeys(Mapping m, Set<String> allowed, String prefix) {
    for (Entry e : m.entries().values()) {
      if (!allowed.contains(e.key())) {
        problem(e.keyLine(), prefix + e.key(), "unknown key; expected one of " + new java.util.TreeSet<>(allowed));
      }
    }
  }

  private void problem(int line, String field, String message) {
    problems.add(new SequenceProblem(file, line, field, message));
  }
}
