package dev.dmvpn.drivers.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code show running-config} (and {@code show startup-config}) into sections: global lines, and blocks (interface,
 * router, crypto, line, banner, others) with the lines indented under them. The layout is IOS's indentation rule
 * (first-level sub-mode lines one blank in, deeper ones one more; Cisco's "Configuration Replace and Configuration
 * Rollback" guide, prerequisites) as the seed document's three {@code show run} outputs and the real 15.x outputs
 * in {@code reference-impl/src/test/resources/configs/show-run} show it. {@code Building configuration...},
 * {@code Current configuration : N bytes}, {@code ! Last configuration change ...}, {@code !} lines and {@code end}
 * are read and dropped. Strict: an unindented line must start with a lower-case word (every IOS configuration
 * command does), an indented line needs a head above it, and nothing may follow {@code end}; so an error message or
 * another command's output raises {@link ParseException}.
 */
public final class ShowRunningConfigParser {
  public static final String COMMAND = "show running-config";

  private static final Pattern CURRENT = Pattern.compile("^Current configuration ?: ?(\\d+) bytes$");
  private static final Pattern HEADER = Pattern.compile(
      "^(?:Building configuration\\.\\.\\.|Using \\d+ out of \\d+ bytes.*|! (?:Last configuration change|NVRAM config"
          + " last updated|No configuration change since).*)$");
  private static final Pattern BANNER = Pattern.compile("^banner [\\w-]+ (\\^C|\\S)(.*)$");
  private static final Pattern COMMAND_WORD = Pattern.compile("^[a-z][\\w-]*(?:\\s.*)?$");

  private ShowRunningConfigParser() {}

  public static RunningConfig parse(String output) {
    List<OutputLine> lines = OutputLines.of(COMMAND, output);
    Integer bytes = null;
    List<ConfigSection> sections = new ArrayList<>();
    String head = null;
    int headLine = 0;
    List<String> under = new ArrayList<>();
    boolean ended = false;
    for (int i = 0; i < lines.size(); i++) {
      OutputLine line = lines.get(i);
      String text = line.text();
      String t = text.strip();
      if (t.isEmpty()) {
        continue;
      }
      if (ended) {
        throw new ParseException(COMMAND, line.number(), text, "text after 'end'");
      }
      Matcher m;
      if ((m = CURRENT.matcher(t)).matches()) {
        bytes = Integer.valueOf(m.group(1));
        continue;
      }
      if (HEADER.matcher(t).matches() || t.startsWith("!")) {
        continue;
      }
      if (Character.isWhitespace(text.charAt(0))) {
        if (head == null) {
          throw new ParseException(COMMAND, line.number(), text, "an indented line with no section above it");
        }
        under.add(text.substring(1).stripTrailing());
        continue;
      }
      if (head != null) {
        sections.add(section(head, under, headLine));
        head = null;
      }
      if (t.equals("end")) {
        ended = true;
        continue;
      }
      if ((m = BANNER.matcher(t)).matches()) {
        i = banner(lines, i, m, sections);
        continue;
      }
      if (!COMMAND_WORD.matcher(t).matches()) {
        throw new ParseException(COMMAND, line.number(), text, "not a configuration line");
      }
      head = t;
      headLine = line.number();
      under = new ArrayList<>();
    }
    if (head != null) {
      sections.add(section(head, under, headLine));
    }
    if (sections.isEmpty() && bytes == null && !OutputLines.allBlank(lines)) {
      throw new ParseException(COMMAND, 0, "", "no configuration line");
    }
    return new RunningConfig(bytes, sections);
  }

  /** Reads a banner from its head to the line holding the closing delimiter; returns that line's index. */
  private static int banner(List<OutputLine> lines, int at, Matcher m, List<ConfigSection> sections) {
    String delimiter = m.group(1);
    String head = lines.get(at).text().strip();
    String first = m.group(2);
    List<String> text = new ArrayList<>();
    if (first.contains(delimiter)) {
      text.add(first.substring(0, first.indexOf(delimiter)));
      sections.add(new ConfigSection(ConfigSection.Kind.BANNER, head, text, lines.get(at).number()));
      return at;
    }
    if (!first.isEmpty()) {
      text.add(first);
    }
    for (int j = at + 1; j < lines.size(); j++) {
      String l = lines.get(j).text();
      int end = l.indexOf(delimiter);
      if (end >= 0) {
        if (end > 0) {
          text.add(l.substring(0, end));
        }
        sections.add(new ConfigSection(ConfigSection.Kind.BANNER, head, text, lines.get(at).number()));
        return j;
      }
      text.add(l);
    }
    throw new ParseException(COMMAND, lines.get(at).number(), lines.get(at).text(),
        "banner not closed by its delimiter " + delimiter);
  }

  private static ConfigSection section(String head, List<String> under, int line) {
    String word = head.split("\\s+")[0];
    ConfigSection.Kind kind = switch (word) {
      case "interface" -> ConfigSection.Kind.INTERFACE;
      case "router" -> ConfigSection.Kind.ROUTER;
      case "line" -> ConfigSection.Kind.LINE;
      case "crypto" -> under.isEmpty() ? ConfigSection.Kind.GLOBAL : ConfigSection.Kind.CRYPTO;
      default -> under.isEmpty() ? ConfigSection.Kind.GLOBAL : ConfigSection.Kind.OTHER_BLOCK;
    };
    List<String> kept = under.stream().filter(l -> !l.strip().startsWith("!")).toList();
    return new ConfigSection(kind, head, kept, line);
  }
}
