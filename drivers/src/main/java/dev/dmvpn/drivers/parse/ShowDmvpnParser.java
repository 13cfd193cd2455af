package dev.dmvpn.drivers.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code show dmvpn} (12.4(9)T and later; 12.3 has no such command): the legend up to its {@code ====} rule, then
 * per interface the peer table, where a row without {@code # Ent} and NBMA address is another tunnel address of the
 * peer above. Layout: {@code ../shared/fixtures/ios-outputs/show_dmvpn/genieparser-iosxe_1.txt}.
 */
public final class ShowDmvpnParser {
  public static final String COMMAND = "show dmvpn";

  private static final String IP = "\\d+\\.\\d+\\.\\d+\\.\\d+";
  private static final Pattern RULE = Pattern.compile("^=+\\s*$");
  private static final Pattern INTERFACE = Pattern.compile("^Interface: (?<if>[^,]+), IPv4 NHRP Details\\s*$");
  private static final Pattern TYPE = Pattern.compile("^Type:\\w+, NHRP Peers:\\d+,?\\s*$");
  private static final Pattern COLUMNS = Pattern.compile("^\\s*(?:# Ent\\s+Peer NBMA Addr.*|[- ]+)$");
  private static final Pattern ROW = Pattern.compile(
      "^\\s*(?<ent>\\d+) (?<nbma>" + IP + ")\\s+(?<tun>" + IP + ")\\s+(?<st>\\S+)\\s+(?<up>\\S+)\\s+(?<at>\\S+)\\s*$");
  private static final Pattern MORE = Pattern.compile(
      "^\\s+(?<tun>" + IP + ")\\s+(?<st>\\S+)\\s+(?<up>\\S+)\\s+(?<at>\\S+)\\s*$");

  private ShowDmvpnParser() {}

  public static List<DmvpnPeer> parse(String output) {
    List<OutputLine> lines = OutputLines.of(COMMAND, output);
    List<DmvpnPeer> peers = new ArrayList<>();
    boolean legend = false;
    boolean recognised = false;
    String iface = null;
    DmvpnPeer last = null;
    for (OutputLine line : lines) {
      String t = line.text();
      Matcher m;
      if (t.isBlank()) {
        continue;
      }
      if (legend && (line.isIndented() || RULE.matcher(t).matches())) {
        // the legend's continuation lines are indented; the rule under it ends it
        legend = !RULE.matcher(t).matches();
        continue;
      }
      legend = false;
      if (t.startsWith("Legend: Attrb")) {
        legend = recognised = true;
      } else if ((m = INTERFACE.matcher(t)).matches()) {
        iface = m.group("if").trim();
        recognised = true;
      } else if (TYPE.matcher(t).matches() || COLUMNS.matcher(t).matches()) {
        recognised = true;
      } else if (iface != null && (m = ROW.matcher(t)).matches()) {
        last = new DmvpnPeer(iface, Integer.parseInt(m.group("ent")), m.group("nbma"), m.group("tun"), m.group("st"),
            m.group("up"), m.group("at"));
        peers.add(last);
      } else if (last != null && (m = MORE.matcher(t)).matches()) {
        peers.add(new DmvpnPeer(iface, last.entries(), last.nbma(), m.group("tun"), m.group("st"), m.group("up"),
            m.group("at")));
      } else {
        throw new ParseException(COMMAND, line.number(), t, "not a show dmvpn line");
      }
    }
    if (!recognised && !OutputLines.allBlank(lines)) {
      throw new ParseException(COMMAND, 0, "", "no DMVPN table found");
    }
    return List.copyOf(peers);
  }
}
