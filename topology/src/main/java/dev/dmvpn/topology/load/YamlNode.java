package dev.dmvpn.topology.load;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML document as a tree that keeps the line of every node (Jackson's {@code JsonNode} drops locations).
 */
sealed interface YamlNode permits YamlNode.Mapping, YamlNode.Sequence, YamlNode.Scalar {

  /** 1-based line where the node starts. */
  int line();

  /** What the node is, for "expected a mapping, found a list" messages. */
  String describe();

  /** A mapping; keys keep file order. */
  record Mapping(Map<String, Entry> entries, int line) implements YamlNode {
    public Mapping {
      entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    @Override
    public String describe() {
      return "a mapping";
    }
  }

  /** A key with the line it sits on and its value. */
  record Entry(String key, int keyLine, YamlNode value) {}

  /** A sequence. */
  record Sequence(List<YamlNode> items, int line) implements YamlNode {
    public Sequence {
      items = List.copyOf(items);
    }

    @Override
    public String describe() {
      return "a list";
    }
  }

  /**
   * A scalar with the type YAML resolved for it (plain {@code 22} is a number, {@code "22"} a string).
   *
   * @param text the scalar's text; null for YAML null
   */
  record Scalar(String text, Kind kind, int line) implements YamlNode {
    @Override
    public String describe() {
      return switch (kind) {
        case STRING -> "the text '" + text + "'";
        case INTEGER -> "the number " + text;
        case FLOAT -> "the number " + text;
        case BOOLEAN -> "the boolean " + text;
        case NULL -> "nothing (null)";
      };
    }
  }

  /** Scalar types after YAML 1.1 resolution (as SnakeYAML, under Jackson, resolves them). */
  enum Kind {
    STRING,
    INTEGER,
    FLOAT,
    BOOLEAN,
    NULL
  }
}
