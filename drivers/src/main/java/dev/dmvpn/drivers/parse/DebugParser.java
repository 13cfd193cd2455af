package dev.dmvpn.drivers.parse;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lines of {@code debug nhrp}, {@code debug crypto isakmp}, {@code debug crypto ipsec} (any IOS debug with a
 * stamp) into events. An unstamped line continues the event above it (IOS wraps long messages, and the seed prints
 * {@code Tunnel IP addr 209.168.202.225} under {@code NHRP: Encapsulation succeeded.}); prompts between the debug
 * lines and {@code ... debugging is on} answers are skipped. Stamp styles: the seed's sv9-4 (datetime) and sv9-3
 * (uptime) debugs, ios-12.3-formats.md "Debug timestamps".
 */
public final class DebugParser {
  private static final Pattern DATETIME = Pattern.compile(
      "^(?<sync>[*.]?)(?<mon>[A-Z][a-z]{2}) +(?<day>\\d{1,2}) (?:\\d{4} )?(?<h>\\d{1,2}):(?<m>\\d{2}):(?<s>\\d{2})"
          + "(?:\\.(?<ms>\\d{1,3}))?(?: [A-Z]{3,4})?: ?(?<rest>.*)$");
  private static final Pattern UPTIME = Pattern.compile(
      "^(?:(?<h>\\d{1,2}):(?<m>\\d{2}):(?<s>\\d{2})(?:\\.(?<ms>\\d{1,3}))?"
          + "|(?<big>\\d+)(?<bigu>[wd])(?<small>\\d+)(?<smallu>[dh])): ?(?<rest>.*)$");
  private static final Pattern TAG = Pattern.compile(
      "^(?<fac>[A-Z][A-Z0-9_]+|CryptoEngine\\d*)(?:\\s*\\((?<ctx>[^)]*)\\)\\s*:?|\\s*:)\\s?(?<msg>.*)$");
  private static final Pattern SKIP = Pattern.compile(
      "^(?:[\\w.\\-/]+(?:\\([\\w\\-]+\\))?[#>]\\s*|.* debugging is (?:on|off)|[A-Z][A-Za-z ]*:)$");

  private DebugParser() {}

  /** {@code command} names the debug for errors ({@code debug nhrp}). */
  public static List<DebugEvent> parse(String command, String output) {
    List<OutputLine> lines = OutputLines.of(command, output);
    List<DebugEvent> events = new ArrayList<>();
    for (OutputLine line : lines) {
      String t = line.text().trim();
      if (t.isEmpty()) {
        continue;
      }
      DebugEvent event = stamped(line, t, events.isEmpty() ? null : events.get(events.size() - 1));
      if (event != null) {
        events.add(event);
      } else if (SKIP.matcher(t).matches()) {
        continue;
      } else if (!events.isEmpty()) {
        DebugEvent last = events.remove(events.size() - 1);
        events.add(new DebugEvent(last.line(), last.timestamp(), last.facility(), last.context(),
            last.message() + " " + t));
      } else {
        throw new ParseException(command, line.number(), line.text(), "no debug time stamp");
      }
    }
    if (events.isEmpty() && !OutputLines.allBlank(lines)) {
      throw new ParseException(command, 0, "", "no stamped debug line");
    }
    return List.copyOf(events);
  }

  private static DebugEvent stamped(OutputLine line, String t, DebugEvent previous) {
    Matcher m = DATETIME.matcher(t);
    DebugTimestamp stamp;
    if (m.matches()) {
      stamp = new DebugTimestamp(t.substring(0, m.start("rest")).replaceFirst(": ?$", ""), false, m.group("mon"),
          Integer.parseInt(m.group("day")), clock(m), !m.group("sync").isEmpty());
    } else if ((m = UPTIME.matcher(t)).matches()) {
      Duration d = m.group("big") != null
          ? unit(m.group("bigu")).multipliedBy(Long.parseLong(m.group("big")))
              .plus(unit(m.group("smallu")).multipliedBy(Long.parseLong(m.group("small"))))
          : clock(m);
      stamp = new DebugTimestamp(t.substring(0, m.start("rest")).replaceFirst(": ?$", ""), true, null, 0, d, false);
    } else {
      return null;
    }
    String rest = m.group("rest");
    Matcher tag = TAG.matcher(rest);
    if (tag.matches()) {
      return new DebugEvent(line.number(), stamp, tag.group("fac"), tag.group("ctx"), tag.group("msg").trim());
    }
    return new DebugEvent(line.number(), stamp, previous == null ? null : previous.facility(), null, rest.trim());
  }

  private static Duration clock(Matcher m) {
    Duration d = Duration.ofHours(Long.parseLong(m.group("h"))).plusMinutes(Long.parseLong(m.group("m")))
        .plusSeconds(Long.parseLong(m.group("s")));
    String ms = m.group("ms");
    return ms == null ? d : d.plusMillis(Long.parseLong((ms + "00").substring(0, 3)));
  }

  private static Duration unit(String u) {
    return switch (u) {
      case "w" -> Duration.ofDays(7);
      case "d" -> Duration.ofDays(1);
      default -> Duration.ofHours(1);
    };
  }
}
