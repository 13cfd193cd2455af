package dev.dmvpn.drivers.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code show ip interface brief}: the same six columns from 12.x to 15.x. */
public final class ShowIpInterfaceBriefParser {
  public static final String COMMAND = "show ip interface brief";

  private static final Pattern HEADER =
      Pattern.compile("^\\s*Interface\\s+IP-Address\\s+OK\\?\\s+Method\\s+Status\\s+Protocol\\s*$");
  private static final Pattern ROW = Pattern.compile(
      "^(?<name>\\S+)\\s+(?<addr>\\d+\\.\\d+\\.\\d+\\.\\d+|unassigned)\\s+(?<ok>YES|NO)\\s+(?<method>\\S+)\\s+"
          + "(?<status>up|down|administratively down|deleted|reset|initializing)\\s+(?<proto>up|down)\\s*$");

  private ShowIpInterfaceBriefParser() {}

  public static List<InterfaceBrief> parse(String output) {
    List<OutputLine> lines = OutputLines.of(COMMAND, output);
    List<InterfaceBrief> rows = new ArrayList<>();
    boolean header = false;
    for (OutputLine line : lines) {
      if (line.isBlank()) {
        continue;
      }
      if (HEADER.matcher(line.text()).matches()) {
        header = true;
        continue;
      }
      Matcher m = ROW.matcher(line.text());
      if (!m.matches()) {
        throw new ParseException(COMMAND, line.number(), line.text(), "not an interface row");
      }
      String addr = m.group("addr");
      rows.add(new InterfaceBrief(m.group("name"), addr.equals("unassigned") ? null : addr, m.group("ok").equals("YES"),
          m.group("method"), m.group("status"), m.group("proto")));
    }
    if (rows.isEmpty() && !header && !OutputLines.allBlank(lines)) {
      throw new ParseException(COMMAND, 0, "", "no interface table found");
    }
    return List.copyOf(rows);
  }
}
