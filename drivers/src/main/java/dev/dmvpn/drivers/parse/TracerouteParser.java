package dev.dmvpn.drivers.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * IOS IP {@code traceroute}: one line per TTL ({@code  1 10.0.9.1 4 msec 2 msec *}), further lines of the same TTL
 * when another router answers, MPLS label brackets and VRF parentheses skipped, host names with their address in
 * parentheses. {@code traceroute mpls} is another command and is refused. Layout:
 * {@code ../shared/fixtures/ios-outputs/traceroute/}.
 */
public final class TracerouteParser {
  public static final String COMMAND = "traceroute";

  private static final Pattern INFO = Pattern.compile(
      "^(?:Type escape sequence to abort\\.|VRF info: .*|Translating \".*\"\\.\\.\\.domain server.*"
          // the extended traceroute dialog: "Protocol [ip]: ", "Target IP address: 192.168.1.1", ...
          + "|[A-Z][^:\\[]*(?:\\[[^\\]]*\\])?: ?\\S*)$");
  private static final Pattern TARGET = Pattern.compile("^Tracing the route to (?<t>\\S+)(?: \\((?<ip>[^)]+)\\))?$");
  private static final Pattern HOP = Pattern.compile("^\\s*(?<ttl>\\d+)\\s+(?<rest>\\S.*)$");
  private static final Pattern MORE = Pattern.compile("^\\s+(?<rest>\\S.*)$");
  private static final Pattern TOKEN = Pattern.compile(
      "\\[[^\\]]*\\]|\\((?<pip>\\d+\\.\\d+\\.\\d+\\.\\d+)\\)|\\([^)]*\\)|(?<ms>\\d+) msec|(?<star>\\*)"
          + "|(?<ip>\\d+\\.\\d+\\.\\d+\\.\\d+)|(?<code>![A-Z]?|\\?)|(?<host>[A-Za-z][\\w.\\-]*)|(?<space>\\s+)");

  private TracerouteParser() {}

  public static Traceroute parse(String output) {
    List<OutputLine> lines = OutputLines.of(COMMAND, output);
    String target = null;
    List<TraceHop> hops = new ArrayList<>();
    for (OutputLine line : lines) {
      String t = line.text();
      Matcher m;
      if (t.isBlank() || INFO.matcher(t.trim()).matches()) {
        continue;
      }
      if ((m = TARGET.matcher(t.trim())).matches()) {
        target = m.group("ip") != null ? m.group("ip") : m.group("t");
      } else if ((m = HOP.matcher(t)).matches()) {
        hops.add(new TraceHop(Integer.parseInt(m.group("ttl")), probes(m.group("rest"), null, line)));
      } else if (!hops.isEmpty() && (m = MORE.matcher(t)).matches()) {
        TraceHop last = hops.remove(hops.size() - 1);
        List<TraceProbe> probes = new ArrayList<>(last.probes());
        probes.addAll(probes(m.group("rest"), null, line));
        hops.add(new TraceHop(last.ttl(), probes));
      } else {
        throw new ParseException(COMMAND, line.number(), t, "not a traceroute line");
      }
    }
    if (hops.isEmpty() && target == null) {
      throw new ParseException(COMMAND, 0, "", "no hop found");
    }
    return new Traceroute(target, hops);
  }

  /** The probes of one line; a line naming a router but no probe (a VRF-only line) gives one answerless probe. */
  private static List<TraceProbe> probes(String rest, String address, OutputLine line) {
    List<TraceProbe> probes = new ArrayList<>();
    boolean named = false;
    Matcher m = TOKEN.matcher(rest);
    int at = 0;
    while (at < rest.length()) {
      if (!m.find(at) || m.start() != at) {
        throw new ParseException(COMMAND, line.number(), line.text(), "unreadable hop text at '" + rest.substring(at) + "'");
      }
      at = m.end();
      if (m.group("ip") != null || m.group("pip") != null) {
        address = m.group("ip") != null ? m.group("ip") : m.group("pip");
        named = true;
      } else if (m.group("host") != null) {
        named = true;
      } else if (m.group("ms") != null) {
        probes.add(new TraceProbe(address, Integer.valueOf(m.group("ms")), null));
      } else if (m.group("star") != null) {
        probes.add(new TraceProbe(null, null, null));
      } else if (m.group("code") != null && !probes.isEmpty()) {
        TraceProbe p = probes.remove(probes.size() - 1);
        probes.add(new TraceProbe(p.address(), p.rttMs(), m.group("code")));
      }
    }
    if (probes.isEmpty() && named) {
      probes.add(new TraceProbe(address, null, null));
    }
    if (probes.isEmpty()) {
      throw new ParseException(COMMAND, line.number(), line.text(), "hop without probe");
    }
    return probes;
  }
}
