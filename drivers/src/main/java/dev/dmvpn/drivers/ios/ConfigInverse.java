package dev.dmvpn.drivers.ios;

import dev.dmvpn.drivers.parse.ConfigSection;
import dev.dmvpn.drivers.parse.RunningConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The configuration lines that undo a push, for IOS releases without {@code configure replace} (12.3 mainline; the
 * Configuration Replace and Configuration Rollback feature came with 12.3(7)T): the {@code no} form of each line
 * applied, in reverse order, skipping lines the saved configuration already held (applying them changed nothing,
 * and their {@code no} form would remove the original). A sub-mode line is undone inside its block; a block the
 * saved configuration did not have is removed whole ({@code no interface Tunnel5}). A line's parent is the
 * unindented line above it, so the pushed text must be indented as {@code show running-config} prints it. Values
 * that replaced an older value ({@code hostname}, {@code ip nhrp holdtime 600} over {@code 300}) come back to the
 * default here and to the saved value through {@link #repair}.
 */
final class ConfigInverse {
  private ConfigInverse() {}

  /** The lines undoing {@code applied} (input lines, indentation kept) against the configuration saved before. */
  static List<String> of(List<String> applied, RunningConfig saved) {
    List<String[]> pairs = new ArrayList<>(); // {parent or null, line}
    String parent = null;
    for (String raw : applied) {
      if (raw.isBlank() || raw.strip().startsWith("!")) {
        continue;
      }
      if (Character.isWhitespace(raw.charAt(0))) {
        pairs.add(new String[] {parent, raw.strip()});
      } else {
        parent = raw.strip();
        pairs.add(new String[] {null, parent});
      }
    }
    List<String> out = new ArrayList<>();
    String entered = null;
    for (int i = pairs.size() - 1; i >= 0; i--) {
      String p = pairs.get(i)[0];
      String line = pairs.get(i)[1];
      if (p == null) {
        if (saved.section(line).isEmpty()) {
          out.add(negate(line));
          entered = null;
        }
        continue;
      }
      Optional<ConfigSection> block = saved.section(p);
      if (block.isEmpty() || block.get().lines().stream().anyMatch(l -> l.strip().equals(line))) {
        continue; // the whole new block goes with its head's inverse; an existing line stays
      }
      if (!p.equals(entered)) {
        out.add(p);
        entered = p;
      }
      out.add(" " + negate(line));
    }
    return out;
  }

  /**
   * The lines that bring {@code current} back to {@code saved}, section by section: first the {@code no} forms of
   * what only {@code current} has, then what only {@code saved} has (a whole missing block with its lines). One
   * level of sub-mode is handled; deeper lines are compared as text only.
   */
  static List<String> repair(RunningConfig saved, RunningConfig current) {
    List<String> removals = new ArrayList<>();
    List<String> additions = new ArrayList<>();
    for (ConfigSection c : current.sections()) {
      Optional<ConfigSection> s = saved.section(c.head());
      if (s.isEmpty()) {
        if (c.kind() != ConfigSection.Kind.BANNER) {
          removals.add(negate(c.head()));
        }
        continue;
      }
      List<String> extra = c.lines().stream().filter(l -> !l.startsWith(" ") && !s.get().lines().contains(l))
          .toList();
      if (!extra.isEmpty()) {
        removals.add(c.head());
        extra.forEach(l -> removals.add(" " + negate(l)));
        removals.add("exit");
      }
    }
    for (ConfigSection s : saved.sections()) {
      Optional<ConfigSection> c = current.section(s.head());
      if (s.kind() == ConfigSection.Kind.BANNER) {
        continue; // a banner's text cannot be typed line by line here
      }
      List<String> missing = c.isEmpty() ? s.lines()
          : s.lines().stream().filter(l -> !c.get().lines().contains(l)).toList();
      if (c.isEmpty() || !missing.isEmpty()) {
        additions.add(s.head());
        missing.forEach(l -> additions.add(" " + l));
        if (s.isBlock()) {
          additions.add("exit");
        }
      }
    }
    List<String> all = new ArrayList<>(removals);
    all.addAll(additions);
    return all;
  }

  static String negate(String line) {
    String t = line.strip();
    return t.startsWith("no ") ? t.substring(3).strip() : "no " + t;
  }
}
