package dev.dmvpn.drivers.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code show ip nhrp nhs}: {@code Legend:}, {@code TunnelN:} blocks, one line per NHS
 * ({@code 100.0.0.100  RE  NBMA Address: 101.1.1.1 priority = 0 cluster = 0}; older images print only address and
 * letters). Layout: {@code ../shared/fixtures/ios-outputs/show_ip_nhrp_nhs/genieparser-iosxe_1.txt}.
 */
public final class ShowIpNhrpNhsParser {
  public static final String COMMAND = "show ip nhrp nhs";

  private static final Pattern LEGEND = Pattern.compile("^Legend: .*$");
  private static final Pattern TUNNEL = Pattern.compile("^(?<t>[Tt]unnel\\S*):\\s*$");
  private static final Pattern ROW = Pattern.compile(
      "^\\s*(?<addr>\\d+\\.\\d+\\.\\d+\\.\\d+)\\s+(?<flags>[ERWD]+)(?:\\s+NBMA Address: (?<nbma>\\S+))?"
          + "(?:\\s+priority = (?<prio>\\d+))?(?:\\s+cluster = (?<cl>\\d+))?\\s*$");

  private ShowIpNhrpNhsParser() {}

  public static List<NhsEntry> parse(String output) {
    List<OutputLine> lines = OutputLines.of(COMMAND, output);
    List<NhsEntry> entries = new ArrayList<>();
    boolean recognised = false;
    String tunnel = null;
    for (OutputLine line : lines) {
      String t = line.text();
      Matcher m;
      if (t.isBlank()) {
        continue;
      }
      if (LEGEND.matcher(t).matches()) {
        recognised = true;
      } else if ((m = TUNNEL.matcher(t)).matches()) {
        tunnel = m.group("t");
        recognised = true;
      } else if (tunnel != null && (m = ROW.matcher(t)).matches()) {
        entries.add(new NhsEntry(tunnel, m.group("addr"), m.group("flags"), m.group("nbma"), integer(m.group("prio")),
            integer(m.group("cl"))));
      } else {
        throw new ParseException(COMMAND, line.number(), t, "not an NHS line");
      }
    }
    if (!recognised && !OutputLines.allBlank(lines)) {
      throw new ParseException(COMMAND, 0, "", "no NHS list found");
    }
    return List.copyOf(entries);
  }

  private static Integer integer(String s) {
    return s == null ? null : Integer.valueOf(s);
  }
}
