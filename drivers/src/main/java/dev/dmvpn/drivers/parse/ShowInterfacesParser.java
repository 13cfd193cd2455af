package dev.dmvpn.drivers.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code show interfaces}: one block per {@code X is up, line protocol is up} head. Body lines differ between
 * interface types and images, so only the lines of {@link InterfaceDetail} are read and the rest is passed over;
 * a line before the first head is refused. Layout: {@code ../shared/fixtures/ios-outputs/show_interfaces/}.
 */
public final class ShowInterfacesParser {
  public static final String COMMAND = "show interfaces";

  private static final Pattern HEAD = Pattern.compile(
      "^(?<name>\\S+) is (?<st>up|down|administratively down|deleted|reset|initializing)(?: \\([^)]*\\))?, "
          + "line protocol is (?<proto>up|down|testing|dormant)(?: \\([^)]*\\))?\\s*$");
  private static final Pattern HARDWARE = Pattern.compile("^Hardware is (?<hw>[^,]+?)\\s*(?:,.*)?$");
  private static final Pattern DESCRIPTION = Pattern.compile("^Description: (?<d>.*)$");
  private static final Pattern ADDRESS = Pattern.compile("^Internet address is (?<a>\\S+)$");
  private static final Pattern MTU = Pattern.compile(
      "^MTU (?<mtu>\\d+) bytes, BW (?<bw>\\d+) Kbit(?:/sec)?, DLY (?<dly>\\d+) usec,?\\s*$");
  private static final Pattern ENCAPSULATION = Pattern.compile("^Encapsulation (?<e>[^,]+).*$");
  private static final Pattern TUNNEL_SOURCE = Pattern.compile(
      "^Tunnel source (?<src>\\S+)(?: \\([^)]*\\))?(?:, destination (?<dst>\\S+))?.*$");
  private static final Pattern TUNNEL_PROTOCOL = Pattern.compile("^Tunnel protocol/transport (?<p>\\S+).*$");
  private static final Pattern PACKETS_IN = Pattern.compile("^(?<n>\\d+) packets input, .*$");
  private static final Pattern PACKETS_OUT = Pattern.compile("^(?<n>\\d+) packets output, .*$");
  private static final Pattern ERRORS_IN = Pattern.compile("^(?<n>\\d+) input errors, .*$");
  private static final Pattern ERRORS_OUT = Pattern.compile("^(?<n>\\d+) output errors, .*$");

  private ShowInterfacesParser() {}

  public static List<InterfaceDetail> parse(String output) {
    List<OutputLine> lines = OutputLines.of(COMMAND, output);
    List<InterfaceDetail> result = new ArrayList<>();
    String[] f = null;
    for (OutputLine line : lines) {
      String t = line.text().trim();
      if (t.isEmpty()) {
        continue;
      }
      Matcher head = HEAD.matcher(t);
      if (head.matches()) {
        if (f != null) {
          result.add(build(f));
        }
        f = new String[17];
        f[0] = head.group("name");
        f[1] = head.group("st");
        f[2] = head.group("proto");
      } else if (f == null) {
        throw new ParseException(COMMAND, line.number(), line.text(), "not an interface head");
      } else {
        body(f, t);
      }
    }
    if (f != null) {
      result.add(build(f));
    }
    if (result.isEmpty() && !OutputLines.allBlank(lines)) {
      throw new ParseException(COMMAND, 0, "", "no interface found");
    }
    return List.copyOf(result);
  }

  /** Fills the fields (indices as in the record) a body line carries. */
  private static void body(String[] f, String t) {
    Matcher m;
    if (f[3] == null && (m = HARDWARE.matcher(t)).matches()) {
      f[3] = m.group("hw");
    } else if (f[4] == null && (m = DESCRIPTION.matcher(t)).matches()) {
      f[4] = m.group("d");
    } else if ((m = ADDRESS.matcher(t)).matches()) {
      f[5] = m.group("a");
    } else if ((m = MTU.matcher(t)).matches()) {
      f[6] = m.group("mtu");
      f[7] = m.group("bw");
      f[8] = m.group("dly");
    } else if (f[9] == null && (m = ENCAPSULATION.matcher(t)).matches()) {
      f[9] = m.group("e").trim();
    } else if ((m = TUNNEL_SOURCE.matcher(t)).matches()) {
      f[10] = m.group("src");
      f[11] = m.group("dst");
    } else if ((m = TUNNEL_PROTOCOL.matcher(t)).matches()) {
      f[12] = m.group("p");
    } else if ((m = PACKETS_IN.matcher(t)).matches()) {
      f[13] = m.group("n");
    } else if ((m = PACKETS_OUT.matcher(t)).matches()) {
      f[14] = m.group("n");
    } else if ((m = ERRORS_IN.matcher(t)).matches()) {
      f[15] = m.group("n");
    } else if ((m = ERRORS_OUT.matcher(t)).matches()) {
      f[16] = m.group("n");
    }
  }

  private static InterfaceDetail build(String[] f) {
    return new InterfaceDetail(f[0], f[1], f[2], f[3], f[4], f[5], f[6] == null ? null : Integer.valueOf(f[6]),
        number(f[7]), number(f[8]), f[9], f[10], f[11], f[12], number(f[13]), number(f[14]), number(f[15]),
        number(f[16]));
  }

  private static Long number(String s) {
    return s == null ? null : Long.valueOf(s);
  }
}
