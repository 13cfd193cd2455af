package dev.dmvpn.drivers.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A console's text made ready for a parser: the echoed command at the top, the prompt at the bottom, {@code --More--}
 * remnants with their erase sequences, and asynchronous syslog lines anywhere are removed; line numbers stay those of
 * the input so errors point at the right place. Blank lines are kept (some layouts use them as separators).
 */
public final class OutputLines {
  /**
   * Log messages: {@code *Mar  1 02:25:37.159: %LINK-3-UPDOWN: ...}, uptime {@code 05:50:48: %SYS-5-CONFIG_I: ...}
   * or {@code 1d02h: %...}, and unstamped {@code %FAC-N-MNEMONIC:}; any of them after a {@code 000123: } sequence number. An exec error ({@code % Invalid}) has a blank
   * after the percent sign and is not one.
   */
  static final Pattern SYSLOG = Pattern.compile(
      "^\\s*(?:\\d+: )?(?:[*.]?\\w{3} +\\d+ (?:\\d{4} )?[\\d:.]+(?: [A-Z]{3,4})?: +"
          + "|(?:\\d{1,2}:\\d{2}:\\d{2}(?:\\.\\d+)?|\\d+[wdhy]\\d+[dhmw]): +)?"
          + "%[A-Z][A-Z0-9_]*(?:-[A-Z0-9_]+)?-[0-7]-[A-Z0-9_]+:.*");
  /** A prompt alone on a line: {@code sv9-4#}, {@code sv9-4>}, {@code Router(config)#}. */
  private static final Pattern PROMPT = Pattern.compile("^[\\w.\\-/]+(?:\\([\\w\\-]+\\))?[#>]\\s*$");
  /** The pager and the erase sequence IOS prints after it is answered. */
  private static final Pattern MORE = Pattern.compile(" ?--More-- ?|\\x08+ *\\x08*");

  private OutputLines() {}

  /**
   * Splits and cleans {@code text}, the output of {@code command} (whose first word tells an echo line apart).
   */
  public static List<OutputLine> of(String command, String text) {
    String[] raw = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
    List<OutputLine> lines = new ArrayList<>();
    for (int i = 0; i < raw.length; i++) {
      String clean = MORE.matcher(raw[i]).replaceAll("").replace("\u0000", "");
      if (SYSLOG.matcher(clean).matches()) {
        continue;
      }
      lines.add(new OutputLine(i + 1, stripEnd(clean)));
    }
    dropEcho(command, lines);
    dropTrailingPrompt(lines);
    return lines;
  }

  /** Whether nothing but blank lines is left. */
  public static boolean allBlank(List<OutputLine> lines) {
    return lines.stream().allMatch(OutputLine::isBlank);
  }

  private static void dropEcho(String command, List<OutputLine> lines) {
    String verb = command.trim().split("\\s+")[0].toLowerCase();
    for (int i = 0; i < lines.size(); i++) {
      String t = lines.get(i).text().trim();
      if (t.isEmpty()) {
        continue;
      }
      if (PROMPT.matcher(t).matches() && i + 1 < lines.size()) {
        // a prompt alone, the command on the next line (a terminal that wrapped, or a log that split them)
        lines.remove(i);
        i--;
        continue;
      }
      // "sv9-4#show ip nhrp", "Device# show ip eigrp neighbors", "# show ...", or the command alone
      String afterPrompt = t.replaceFirst("^[\\w.\\-/]*(?:\\([\\w\\-]+\\))?[#>] ?", "");
      String first = afterPrompt.split("\\s+")[0].toLowerCase();
      if (first.length() >= 2 && verb.startsWith(first)) {
        lines.remove(i);
      }
      return;
    }
  }

  private static void dropTrailingPrompt(List<OutputLine> lines) {
    for (int i = lines.size() - 1; i >= 0; i--) {
      String t = lines.get(i).text();
      if (t.isBlank()) {
        continue;
      }
      if (PROMPT.matcher(t.trim()).matches()) {
        lines.remove(i);
      }
      return;
    }
  }

  private static String stripEnd(String s) {
    int end = s.length();
    while (end > 0 && Character.isWhitespace(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(0, end);
  }
}
