package dev.dmvpn.ref.interop;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses swanctl's {@code --raw} output: one vici message per line, {@code label {key=value list=[a b] sec {..}}}.
 * A section becomes a {@code Map<String,Object>} (insertion ordered), a list a {@code List<String>}, a value a
 * String. Values are whitespace-free in what we parse (addresses, SPIs, algorithm names).
 */
public final class ViciRaw {
  /** One message: its label (e.g. {@code list-sa event}) and its top-level section. */
  public record Message(String label, Map<String, Object> body) {}

  private final String s;
  private int pos;

  private ViciRaw(String s, int pos) {
    this.s = s;
    this.pos = pos;
  }

  public static List<Message> parseLines(String output) {
    List<Message> messages = new ArrayList<>();
    for (String line : output.split("\n")) {
      int brace = line.indexOf('{');
      if (brace > 0) {
        ViciRaw p = new ViciRaw(line, brace + 1);
        messages.add(new Message(line.substring(0, brace).trim(), p.section()));
      }
    }
    return messages;
  }

  private Map<String, Object> section() {
    Map<String, Object> map = new LinkedHashMap<>();
    while (true) {
      skipSpace();
      if (pos >= s.length() || s.charAt(pos) == '}') {
        pos++;
        return map;
      }
      String key = word();
      skipSpace();
      if (pos < s.length() && s.charAt(pos) == '{') {
        pos++;
        map.put(key, section());
      } else if (pos < s.length() && s.charAt(pos) == '=') {
        pos++;
        map.put(key, pos < s.length() && s.charAt(pos) == '[' ? list() : word());
      } else {
        throw new IllegalArgumentException("vici raw: unexpected text at " + pos + " in: " + s);
      }
    }
  }

  private List<String> list() {
    pos++; // '['
    List<String> items = new ArrayList<>();
    while (true) {
      skipSpace();
      if (pos >= s.length() || s.charAt(pos) == ']') {
        pos++;
        return items;
      }
      // an item may hold brackets itself: a traffic selector prints as 172.16.0.1/32[gre]
      int start = pos;
      int depth = 0;
      while (pos < s.length() && s.charAt(pos) != ' ' && (s.charAt(pos) != ']' || depth > 0)) {
        depth += s.charAt(pos) == '[' ? 1 : s.charAt(pos) == ']' ? -1 : 0;
        pos++;
      }
      items.add(s.substring(start, pos));
    }
  }

  private String word() {
    int start = pos;
    while (pos < s.length() && " ={}[".indexOf(s.charAt(pos)) < 0) {
      pos++;
    }
    return s.substring(start, pos);
  }

  private void skipSpace() {
    while (pos < s.length() && s.charAt(pos) == ' ') {
      pos++;
    }
  }
}
