package dev.dmvpn.drivers.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code show ip eigrp neighbors}: 12.3 ({@code IP-EIGRP neighbors for process 90}, a trailing {@code Type} column
 * heading), 15.x ({@code EIGRP-IPv4 Neighbors for AS(90)}, named mode {@code VR(x) Address-Family}, a
 * {@code VRF(...)} line) and outputs without heading. A heading with no rows is a valid answer; a row cut short is
 * refused. Layouts: ios-12.3-formats.md and {@code ../shared/fixtures/ios-outputs/show_ip_eigrp_neighbors/}.
 */
public final class ShowIpEigrpNeighborsParser {
  public static final String COMMAND = "show ip eigrp neighbors";

  private static final Pattern HEADING = Pattern.compile(
      "^(?:IP-EIGRP neighbors for process (?<proc>\\d+)|EIGRP-IPv4 .*Neighbors for AS\\((?<as>\\d+)\\))\\s*$");
  private static final Pattern VRF = Pattern.compile("^\\s+VRF\\((?<vrf>[^)]+)\\)\\s*$");
  private static final Pattern COLUMNS = Pattern.compile("^H\\s+Address\\s+Interface\\s+Hold.*$|^\\s+\\(sec\\).*$");
  private static final Pattern ROW = Pattern.compile(
      "^(?<h>\\d+)\\s+(?<addr>\\d+\\.\\d+\\.\\d+\\.\\d+)\\s+(?<if>\\S+)\\s+(?<hold>\\d+)\\s+(?<up>\\S+)\\s+"
          + "(?<srtt>\\d+)\\s+(?<rto>\\d+)\\s+(?<q>\\d+)\\s+(?<seq>\\d+)(?:\\s+\\S+)?\\s*$");

  private ShowIpEigrpNeighborsParser() {}

  public static List<EigrpNeighbor> parse(String output) {
    List<OutputLine> lines = OutputLines.of(COMMAND, output);
    List<EigrpNeighbor> rows = new ArrayList<>();
    boolean recognised = false;
    Integer as = null;
    String vrf = null;
    for (OutputLine line : lines) {
      if (line.isBlank()) {
        continue;
      }
      Matcher m = HEADING.matcher(line.text());
      if (m.matches()) {
        as = Integer.valueOf(m.group("proc") != null ? m.group("proc") : m.group("as"));
        vrf = null;
        recognised = true;
      } else if ((m = VRF.matcher(line.text())).matches()) {
        vrf = m.group("vrf");
      } else if (COLUMNS.matcher(line.text()).matches()) {
        recognised = true;
      } else if ((m = ROW.matcher(line.text())).matches()) {
        rows.add(new EigrpNeighbor(as, vrf, Integer.parseInt(m.group("h")), m.group("addr"), m.group("if"),
            Integer.parseInt(m.group("hold")), m.group("up"), Integer.parseInt(m.group("srtt")),
            Integer.parseInt(m.group("rto")), Integer.parseInt(m.group("q")), Long.parseLong(m.group("seq"))));
      } else {
        throw new ParseException(COMMAND, line.number(), line.text(), "not an EIGRP neighbour row");
      }
    }
    if (rows.isEmpty() && !recognised && !OutputLines.allBlank(lines)) {
      throw new ParseException(COMMAND, 0, "", "no EIGRP neighbour table found");
    }
    return List.copyOf(rows);
  }
}
