package dev.dmvpn.virtualrack.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * IOS output modifiers after {@code |}: {@code include}, {@code exclude}, {@code begin} (unique prefixes
 * accepted: {@code | i}, {@code | inc}), with the rest of the line as a regular expression (Java's, close to
 * IOS's for what drivers send).
 */
final class OutputFilter {
  private static final String[] KINDS = {"begin", "exclude", "include"};

  private final String kind;
  private final Pattern pattern;

  private OutputFilter(String kind, Pattern pattern) {
    this.kind = kind;
    this.pattern = pattern;
  }

  /** Where the modifier starts in a typed line ({@code " |"}), or -1. */
  static int start(String typed) {
    int bar = typed.indexOf(" |");
    return bar < 0 ? -1 : bar;
  }

  /**
   * Parses what follows the bar; returns the filter, or the 0-based column (relative to the text after the
   * bar) where it is invalid as a negative number minus one.
   */
  static Object parse(String afterBar) {
    String t = afterBar.stripLeading();
    int lead = afterBar.length() - t.length();
    int sp = t.indexOf(' ');
    String word = (sp < 0 ? t : t.substring(0, sp)).toLowerCase(Locale.ROOT);
    String match = null;
    for (String k : KINDS) {
      if (!word.isEmpty() && k.startsWith(word)) {
        if (match != null) {
          return -(lead + 1);
        }
        match = k;
      }
    }
    if (match == null) {
      return -(lead + 1);
    }
    String regex = sp < 0 ? "" : t.substring(sp + 1).strip();
    if (regex.isEmpty()) {
      return null;
    }
    try {
      return new OutputFilter(match, Pattern.compile(regex));
    } catch (PatternSyntaxException e) {
      return -(lead + sp + 2);
    }
  }

  List<String> apply(List<String> lines) {
    List<String> out = new ArrayList<>();
    boolean begun = false;
    for (String l : lines) {
      boolean hit = pattern.matcher(l).find();
      switch (kind) {
        case "include" -> {
          if (hit) {
            out.add(l);
          }
        }
        case "exclude" -> {
          if (!hit) {
            out.add(l);
          }
        }
        default -> {
          begun |= hit;
          if (begun) {
            out.add(l);
          }
        }
      }
    }
    return out;
  }
}
