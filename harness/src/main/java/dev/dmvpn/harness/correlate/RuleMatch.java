package dev.dmvpn.harness.correlate;

import dev.dmvpn.drivers.parse.DebugEvent;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A debug line a rule matched, with the values its groups took, and the test of a frame against it (time aside).
 */
record RuleMatch(DebugRule rule, Map<String, String> groups) {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(\\w+)}");
  private static final Pattern GROUP_NAME = Pattern.compile("\\(\\?<(\\w+)>");

  /** The first rule (in order) that matches {@code event}; {@code previous} = the nearest earlier one of its facility. */
  static Optional<RuleMatch> find(List<DebugRule> rules, DebugEvent event, DebugEvent previous) {
    for (DebugRule r : rules) {
      if (event.facility() == null || !r.facility().equals(event.facility())) {
        continue;
      }
      Matcher m = r.message().matcher(event.message());
      if (!m.matches()) {
        continue;
      }
      Map<String, String> groups = new HashMap<>();
      put(r.message(), m, groups);
      if (r.previous().isPresent() && previous != null) {
        Matcher p = r.previous().get().matcher(previous.message());
        if (p.matches()) {
          Map<String, String> before = new HashMap<>();
          put(r.previous().get(), p, before);
          before.forEach(groups::putIfAbsent);
        }
      }
      return Optional.of(new RuleMatch(r, groups));
    }
    return Optional.empty();
  }

  private static void put(Pattern p, Matcher m, Map<String, String> into) {
    Matcher names = GROUP_NAME.matcher(p.pattern());
    while (names.find()) {
      String v = m.group(names.group(1));
      if (v != null) {
        into.put(names.group(1), v);
      }
    }
  }

  /** Whether {@code f} is the kind of frame the line tells of, sent or received by a device with {@code own}. */
  boolean accepts(WireFrame f, java.util.Set<String> own) {
    String src = f.view().source();
    String dst = f.view().destination();
    if (src == null || dst == null) {
      return false;
    }
    String local = rule.direction() == Direction.SENT ? src : dst;
    String remote = rule.direction() == Direction.SENT ? dst : src;
    if (!own.contains(local)) {
      return false;
    }
    String peer = groups.get("peer");
    if (peer != null && !peer.equals(remote)) {
      return false;
    }
    for (Map.Entry<String, String> c : rule.frame().entrySet()) {
      String expected = substitute(c.getValue());
      if (expected == null) {
        continue; // a placeholder the line did not fill: not tested
      }
      Object actual = f.view().get(c.getKey());
      if (actual == null || !anyEquals(expected, String.valueOf(actual))) {
        return false;
      }
    }
    return true;
  }

  private String substitute(String template) {
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder b = new StringBuilder();
    while (m.find()) {
      String v = groups.get(m.group(1));
      if (v == null) {
        return null;
      }
      m.appendReplacement(b, Matcher.quoteReplacement(v));
    }
    m.appendTail(b);
    return b.toString();
  }

  private static boolean anyEquals(String expected, String actual) {
    String a = norm(actual);
    for (String alternative : expected.split("\\|")) {
      if (norm(alternative).equals(a)) {
        return true;
      }
    }
    return false;
  }

  private static String norm(String s) {
    return s.trim().toLowerCase(Locale.ROOT).replace(' ', '-');
  }
}
