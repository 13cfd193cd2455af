package dev.dmvpn.topology.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The crypto, Tunnel0 and EIGRP sections of an IOS configuration, as trimmed lines without comments or {@code !}
 * separators. The document's text lost its indentation and has trailing blanks, so both sides are compared in
 * this normal form.
 */
final class DocumentSections {
  private DocumentSections() {}

  static List<String> normal(String config) {
    List<String> out = new ArrayList<>();
    for (String l : config.split("\n")) {
      String s = l.strip();
      if (!s.isEmpty() && !s.startsWith("!")) {
        out.add(s);
      }
    }
    return out;
  }

  static List<String> crypto(String config) {
    return block(normal(config), l -> l.startsWith("crypto isakmp policy"),
        l -> l.startsWith("crypto ") || l.matches("(hash|authentication|encr|group|lifetime|set|mode) .*"));
  }

  static List<String> tunnel(String config, String name) {
    return block(normal(config), l -> l.equals("interface " + name),
        l -> !l.matches("(interface|router|line|crypto|end|ip route|ip http|ip classless|no voice).*"));
  }

  static List<String> eigrp(String config) {
    return block(normal(config), l -> l.startsWith("router eigrp"),
        l -> l.startsWith("network ") || l.equals("no auto-summary"));
  }

  /** From the first line matching {@code start}, then every following line while {@code inside} holds. */
  private static List<String> block(List<String> lines, Predicate<String> start, Predicate<String> inside) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (start.test(lines.get(i))) {
        out.add(lines.get(i));
        for (int j = i + 1; j < lines.size() && inside.test(lines.get(j)); j++) {
          out.add(lines.get(j));
        }
        return out;
      }
    }
    return out;
  }
}
