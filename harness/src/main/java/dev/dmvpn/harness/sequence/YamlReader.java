package dev.dmvpn.harness.sequence;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.dmvpn.harness.sequence.YamlNode.Entry;
import dev.dmvpn.harness.sequence.YamlNode.Mapping;
import dev.dmvpn.harness.sequence.YamlNode.Scalar;
import dev.dmvpn.harness.sequence.YamlNode.Sequence;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Jackson's YAML token stream to a {@link YamlNode} tree with lines (the approach of topology's loader: token
 * locations). Never throws: syntax errors, duplicate keys and anchors become problems. Expectation files are
 * small, so the limits are tight.
 */
final class YamlReader {
  static final int MAX_DEPTH = 32;
  static final int MAX_CHARS = 1 << 20;

  private static final YAMLFactory FACTORY = buildFactory();

  private final String file;
  private final List<SequenceProblem> problems;

  YamlReader(String file, List<SequenceProblem> problems) {
    this.file = file;
    this.problems = problems;
  }

  private static YAMLFactory buildFactory() {
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(0);
    options.setNestingDepthLimit(MAX_DEPTH);
    options.setCodePointLimit(MAX_CHARS);
    return YAMLFactory.builder()
        .loaderOptions(options)
        .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
        .build();
  }

  /** The document's root, or empty after reporting why there is none. */
  Optional<YamlNode> read(String text) {
    try (JsonParser p = FACTORY.createParser(text)) {
      JsonToken first = p.nextToken();
      if (first == null) {
        problems.add(new SequenceProblem(file, 0, "(file)", "the file is empty"));
        return Optional.empty();
      }
      YamlNode root = node(p, first, line(p));
      if (p.nextToken() != null) {
        problems.add(new SequenceProblem(file, line(p), "(file)", "more than one YAML document"));
      }
      return Optional.of(root);
    } catch (JsonProcessingException e) {
      problems.add(new SequenceProblem(file, problemLine(e), "(file)", "not valid YAML: " + summary(e)));
      return Optional.empty();
    } catch (IOException | RuntimeException e) {
      problems.add(new SequenceProblem(file, 0, "(file)", "cannot read YAML: " + e.getMessage()));
      return Optional.empty();
    }
  }

  private YamlNode node(JsonParser p, JsonToken t, int keyLine) throws IOException {
    int line = line(p);
    if (p instanceof YAMLParser y && y.getCurrentAnchor() != null) {
      problems.add(new SequenceProblem(file, line, "(file)",
          "YAML anchors and aliases (&" + y.getCurrentAnchor() + ") are not supported: write the values out"));
    }
    if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
      line = Math.min(line, keyLine); // "missing field" reads better at the key than on the line after it
    }
    return switch (t) {
      case START_OBJECT -> mapping(p, line);
      case START_ARRAY -> sequence(p, line);
      case VALUE_NULL -> new Scalar(null, line);
      default -> new Scalar(p.getText(), line);
    };
  }

  private Mapping mapping(JsonParser p, int line) throws IOException {
    Map<String, Entry> entries = new LinkedHashMap<>();
    JsonToken t;
    while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
      String key = p.currentName();
      int keyLine = line(p);
      YamlNode value = node(p, p.nextToken(), keyLine);
      if (entries.containsKey(key)) {
        problems.add(new SequenceProblem(file, keyLine, key,
            "duplicate key (first at line " + entries.get(key).keyLine() + "); YAML keeps only one"));
        continue;
      }
      entries.put(key, new Entry(key, keyLine, value));
    }
    if (t != JsonToken.END_OBJECT) {
      throw new IllegalStateException("unexpected " + t + " in a mapping");
    }
    return new Mapping(entries, line);
  }

  private Sequence sequence(JsonParser p, int line) throws IOException {
    List<YamlNode> items = new ArrayList<>();
    JsonToken t;
    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
      if (t == null) {
        throw new IllegalStateException("the list never ends");
      }
      items.add(node(p, t, line(p)));
    }
    return new Sequence(items, line);
  }

  private static int line(JsonParser p) {
    return lineOf(p.currentTokenLocation());
  }

  private static int lineOf(JsonLocation loc) {
    return loc == null || loc.getLineNr() < 0 ? 0 : loc.getLineNr();
  }

  /**
   * The line SnakeYAML blames (its problem mark); Jackson's own location is where the enclosing node started,
   * which for an unclosed list is the line above the mistake.
   */
  private static int problemLine(JsonProcessingException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof MarkedYAMLException m && m.getProblemMark() != null) {
        return m.getProblemMark().getLine() + 1;
      }
    }
    return lineOf(e.getLocation());
  }

  private static String summary(JsonProcessingException e) {
    String m = e.getOriginalMessage();
    if (m == null) {
      return e.getClass().getSimpleName();
    }
    m = m.replace('\n', ' ').replaceAll("\\s+", " ").strip();
    return m.length() > 200 ? m.substring(0, 200) + "..." : m;
  }
}
