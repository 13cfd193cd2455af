package dev.dmvpn.harness.sequence;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code ${name}} references in a file's values: which names a text uses, and the text with them replaced. */
final class Template {
  static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_.-]*)}");

  private Template() {}

  static Set<String> names(String text) {
    Set<String> names = new LinkedHashSet<>();
    if (text != null) {
      Matcher m = REFERENCE.matcher(text);
      while (m.find()) {
        names.add(m.group(1));
      }
    }
    return names;
  }

  /**
   * The text with each reference replaced by {@code lookup}'s value; null when a name has no value (the caller
   * says which).
   */
  static String substitute(String text, Function<String, String> lookup) {
    if (text == null) {
      return null;
    }
    Matcher m = REFERENCE.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = lookup.apply(m.group(1));
      if (value == null) {
        return null;
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }
}
