package dev.dmvpn.drivers.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code show ip route} (IPv4): the codes block, {@code Gateway of last resort}, classful group headings
 * ({@code 2.0.0.0/24 is subnetted, 1 subnets}, whose mask applies to the maskless subnets under it in 12.3),
 * {@code variably subnetted} groups, routes with one or more paths (extra paths on indented lines), a head wrapped
 * before its first path. Layouts: ios-12.3-formats.md "show ip route" and
 * {@code ../shared/fixtures/ios-outputs/show_ip_route/genieparser-ios_*}.
 */
public final class ShowIpRouteParser {
  public static final String COMMAND = "show ip route";

  private static final String IP = "\\d+\\.\\d+\\.\\d+\\.\\d+";
  private static final Pattern GATEWAY = Pattern.compile(
      "^Gateway of last resort is (?:not set|(?<gw>" + IP + ") to network .*)$");
  private static final Pattern VRF = Pattern.compile("^Routing Table: (?<vrf>\\S+)\\s*$");
  private static final Pattern GROUP = Pattern.compile(
      "^\\s+(?<net>" + IP + ")/(?<len>\\d+) is (?<variably>variably )?subnetted, .*$");
  private static final Pattern HEAD = Pattern.compile(
      "^(?<code>[A-Za-z]{1,2}\\*?(?: ?(?:EX|IA|N[12]|E[12]|L[12]|ia|su))?[+%p]?)\\s+(?<net>" + IP + ")"
          + "(?:/(?<len>\\d+))?(?<rest>.*)$");
  private static final Pattern PATH = Pattern.compile(
      "^\\s*(?:\\[(?<ad>\\d+)/(?<metric>\\d+)\\]\\s*)?(?:via (?<via>" + IP + ")(?:, (?<age>\\d[\\w:]*))?"
          + "(?:, (?<if>[A-Za-z]\\S*))?|is directly connected, (?<dif>\\S+)"
          + "|is a summary, (?<sage>\\d[\\w:]*), (?<sif>\\S+))\\s*$");

  private ShowIpRouteParser() {}

  public static RoutingTable parse(String output) {
    List<OutputLine> lines = OutputLines.of(COMMAND, output);
    State s = new State();
    for (OutputLine line : lines) {
      if (!s.read(line)) {
        throw new ParseException(COMMAND, line.number(), line.text(), "not a routing table line");
      }
    }
    s.flush();
    if (!s.recognised && s.routes.isEmpty() && !OutputLines.allBlank(lines)) {
      throw new ParseException(COMMAND, 0, "", "no routing table found");
    }
    return new RoutingTable(s.vrf, s.gateway, s.routes);
  }

  /** The reading state of one output. */
  private static final class State {
    final List<Route> routes = new ArrayList<>();
    boolean recognised;
    boolean inCodes;
    String vrf;
    String gateway;
    Integer groupLength;
    Matcher head;
    int headLength;
    final List<Matcher> paths = new ArrayList<>();

    boolean read(OutputLine line) {
      String t = line.text();
      if (t.isBlank()) {
        inCodes = false;
        return true;
      }
      if (t.startsWith("Codes:")) {
        inCodes = recognised = true;
        return true;
      }
      if (inCodes && line.isIndented() && t.contains(" - ")) {
        return true;
      }
      Matcher m;
      if ((m = GATEWAY.matcher(t)).matches()) {
        gateway = m.group("gw");
        return recognised = true;
      }
      if ((m = VRF.matcher(t)).matches()) {
        vrf = m.group("vrf");
        return recognised = true;
      }
      if ((m = GROUP.matcher(t)).matches()) {
        flush();
        groupLength = m.group("variably") == null ? Integer.valueOf(m.group("len")) : null;
        return recognised = true;
      }
      if ((m = HEAD.matcher(t)).matches()) {
        Matcher path = PATH.matcher(m.group("rest"));
        if (!m.group("rest").isBlank() && !path.matches()) {
          return false;
        }
        flush();
        head = m;
        headLength = m.group("len") != null ? Integer.parseInt(m.group("len"))
            : groupLength != null ? groupLength : classfulLength(m.group("net"));
        if (!m.group("rest").isBlank()) {
          paths.add(path);
        }
        return true;
      }
      if (head != null && line.isIndented() && (m = PATH.matcher(t)).matches()) {
        paths.add(m);
        return true;
      }
      return false;
    }

    void flush() {
      if (head == null) {
        return;
      }
      if (paths.isEmpty()) {
        throw new ParseException(COMMAND, 0, "", "route " + head.group("net") + " has no path");
      }
      Integer ad = null;
      Long metric = null;
      List<RouteNextHop> hops = new ArrayList<>();
      for (Matcher p : paths) {
        if (ad == null && p.group("ad") != null) {
          ad = Integer.valueOf(p.group("ad"));
          metric = Long.valueOf(p.group("metric"));
        }
        String iface = p.group("if") != null ? p.group("if") : p.group("dif") != null ? p.group("dif") : p.group("sif");
        hops.add(new RouteNextHop(p.group("via"), p.group("age") != null ? p.group("age") : p.group("sage"), iface));
      }
      routes.add(new Route(head.group("code").trim(), head.group("net"), headLength, ad, metric, hops));
      head = null;
      paths.clear();
    }
  }

  /** The natural mask of a network IOS printed without one outside a subnetted group. */
  static int classfulLength(String network) {
    int first = Integer.parseInt(network.substring(0, network.indexOf('.')));
    return first < 128 ? 8 : first < 192 ? 16 : 24;
  }
}
