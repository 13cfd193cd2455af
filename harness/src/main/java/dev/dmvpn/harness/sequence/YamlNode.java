package dev.dmvpn.harness.sequence;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML document as a tree that keeps the line of every node, so a problem in an expectation file names
 * {@code FILE:LINE} (Jackson's {@code JsonNode} drops locations; topology's loader keeps them the same way).
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

  /** A scalar as written ({@code text} null for YAML null); numbers, booleans and strings all keep their text. */
  record Scalar(String text, int line) implements YamlNode {
    @Override
    public String describe() {
      return text == null ? "nothing (null)" : "'" + text + "'";
    }
  }
}
