package dev.dmvpn.ref.capture.keys;

import java.util.ArrayList;
import java.util.List;

/** Splitting and escaping of Wireshark UAT lines: quoted fields with {@code \xNN} escapes, comma-separated. */
final class UatFields {
  private UatFields() {}

  /** A parser of one non-blank, non-comment line; throws IllegalArgumentException with the reason. */
  interface LineParser<T> {
    T parse(String line);
  }

  /**
   * The rows of a UAT file: blank lines and '#' comments skipped, every other line parsed; the first bad line
   * fails the whole file with its 1-based number, so a half-read key file never decrypts half a capture.
   */
  static <T> List<T> parseLines(String content, String source, LineParser<T> parser) throws KeyFileException {
    List<T> out = new ArrayList<>();
    String[] lines = content.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      try {
        out.add(parser.parse(line));
      } catch (IllegalArgumentException e) {
        throw new KeyFileException(source, i + 1, e.getMessage());
      }
    }
    return out;
  }

  /** The unescaped contents of the quoted fields of {@code line}; throws naming the column of a problem. */
  static List<String> split(String line) {
    List<String> fields = new ArrayList<>();
    int i = 0;
    while (true) {
      i = skipSpaces(line, i);
      if (i >= line.length() || line.charAt(i) != '"') {
        throw new IllegalArgumentException("field " + (fields.size() + 1) + ": expected '\"' at column " + (i + 1));
      }
      StringBuilder sb = new StringBuilder();
      i = readQuoted(line, i + 1, sb, fields.size() + 1);
      fields.add(sb.toString());
      i = skipSpaces(line, i);
      if (i == line.length()) {
        return fields;
      }
      if (line.charAt(i) != ',') {
        throw new IllegalArgumentException("expected ',' after field " + fields.size() + " at column " + (i + 1));
      }
      i++;
    }
  }

  /** Reads up to the closing quote; returns the index after it. */
  private static int readQuoted(String line, int i, StringBuilder sb, int field) {
    while (i < line.length()) {
      char c = line.charAt(i);
      if (c == '"') {
        return i + 1;
      }
      if (c == '\\' && i + 3 < line.length() && line.charAt(i + 1) == 'x') {
        int hi = Character.digit(line.charAt(i + 2), 16);
        int lo = Character.digit(line.charAt(i + 3), 16);
        if (hi < 0 || lo < 0) {
          throw new IllegalArgumentException("field " + field + ": bad escape at column " + (i + 1));
        }
        sb.append((char) (hi << 4 | lo));
        i += 4;
      } else {
        sb.append(c);
        i++;
      }
    }
    throw new IllegalArgumentException("field " + field + ": missing closing '\"'");
  }

  private static int skipSpaces(String s, int i) {
    while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
      i++;
    }
    return i;
  }

  /** Escapes what would break a quoted UAT field. */
  static String escape(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\' || c == ',' || c < 0x20 || c > 0x7e) {
        sb.append("\\x").append(Character.forDigit(c >> 4 & 0xF, 16)).append(Character.forDigit(c & 0xF, 16));
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }
}
