package dev.dmvpn.drivers.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code show ip eigrp topology} into one {@link EigrpTopology} per process. Layouts: 12.3 {@code IP-EIGRP Topology
 * Table for AS(90)/ID(192.168.1.3)} with the codes block in lower case ({@code r - reply Status}), the
 * {@code IP-EIGRP} heading and codes as the Cisco IOS IP Routing Protocols command reference prints them (found with
 * the search tool in copies of that example: courseiva.com "show ip eigrp topology"); 15.x {@code EIGRP-IPv4
 * Topology Table for AS(1)/ID(10.0.0.1)} with {@code via Summary (281600/0), Null0} and {@code via Connected}
 * (the Cisco example quoted by networkplayroom.com, "Cisco Command Christmas Calendar #21"). Entry heads may end in
 * {@code , tag is N} or {@code , serno N}; the FD may be {@code Inaccessible}. Every non-blank line must be a
 * heading, a codes line, an entry or a path under an entry.
 */
public final class ShowIpEigrpTopologyParser {
  public static final String COMMAND = "show ip eigrp topology";

  private static final Pattern HEADING = Pattern.compile(
      "^(?:IP-EIGRP|EIGRP-IPv4)(?: VR\\([^)]*\\))?(?: Address-Family)? Topology Table for "
          + "(?:AS\\((?<as>\\d+)\\)/ID\\((?<id>[\\d.]+)\\)|process (?<proc>\\d+))(?: VRF\\([^)]*\\))?$");
  private static final Pattern CODES = Pattern.compile(
      "^(?:Codes: P - Passive.*|r - [Rr]eply [Ss]tatus.*)$");
  private static final Pattern ENTRY = Pattern.compile(
      "^(?<state>[PAUQR][rs]*) (?<prefix>[\\d.]+/\\d{1,2}), (?<n>\\d+) successors?, FD is "
          + "(?<fd>\\d+|Inaccessible)(?:, (?:tag is \\d+|serno \\d+|U))*$");
  private static final Pattern PATH = Pattern.compile(
      "^via (?<via>[\\d.]+|Connected|Summary|Rstatic|Redistributed|Rconnected)"
          + "(?: \\((?<d>\\d+|Infinity)/(?<rd>\\d+|Infinity)\\))?(?:, (?<if>[A-Za-z][\\w./:-]*))?"
          + "(?:, serno \\d+)?$");

  private ShowIpEigrpTopologyParser() {}

  public static List<EigrpTopology> parse(String output) {
    List<OutputLine> lines = OutputLines.of(COMMAND, output);
    List<EigrpTopology> tables = new ArrayList<>();
    Integer as = null;
    String id = null;
    List<EigrpTopologyEntry> entries = new ArrayList<>();
    Matcher entry = null;
    List<EigrpPath> paths = new ArrayList<>();
    for (OutputLine line : lines) {
      String t = line.text().strip();
      Matcher m;
      if (t.isEmpty() || CODES.matcher(t).matches()) {
        continue;
      }
      if ((m = HEADING.matcher(t)).matches()) {
        if (entry != null) {
          entries.add(entry(entry, paths));
          entry = null;
        }
        if (as != null) {
          tables.add(new EigrpTopology(as, id, entries));
        }
        as = Integer.valueOf(m.group("as") != null ? m.group("as") : m.group("proc"));
        id = m.group("id");
        entries = new ArrayList<>();
      } else if ((m = ENTRY.matcher(t)).matches()) {
        if (as == null) {
          throw new ParseException(COMMAND, line.number(), line.text(), "an entry before the table's heading");
        }
        if (entry != null) {
          entries.add(entry(entry, paths));
        }
        entry = m;
        paths = new ArrayList<>();
      } else if ((m = PATH.matcher(t)).matches()) {
        if (entry == null) {
          throw new ParseException(COMMAND, line.number(), line.text(), "a 'via' line with no entry above it");
        }
        paths.add(new EigrpPath(m.group("via"), metric(m.group("d")), metric(m.group("rd")), m.group("if")));
      } else {
        throw new ParseException(COMMAND, line.number(), line.text(), "not a topology table line");
      }
    }
    if (entry != null) {
      entries.add(entry(entry, paths));
    }
    if (as != null) {
      tables.add(new EigrpTopology(as, id, entries));
    }
    if (tables.isEmpty() && !OutputLines.allBlank(lines)) {
      throw new ParseException(COMMAND, 0, "", "no 'Topology Table for' heading");
    }
    return List.copyOf(tables);
  }

  private static EigrpTopologyEntry entry(Matcher m, List<EigrpPath> paths) {
    String fd = m.group("fd");
    return new EigrpTopologyEntry(m.group("state"), m.group("prefix"), Integer.parseInt(m.group("n")),
        fd.equals("Inaccessible") ? null : Long.valueOf(fd), paths);
  }

  /** IOS prints an unreachable metric as {@code Infinity} (4294967295); kept as null. */
  private static Long metric(String s) {
    return s == null || s.equals("Infinity") ? null : Long.valueOf(s);
  }
}
