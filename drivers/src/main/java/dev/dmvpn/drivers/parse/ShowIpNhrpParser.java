package dev.dmvpn.drivers.parse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code show ip nhrp [detail]} in its three layouts: 12.3/12.4 one-line heads
 * ({@code 192.168.1.2/32 via 192.168.1.2, Tunnel0 created 00:00:12, expire 01:59:47}), 15.x split heads
 * ({@code 100.0.0.2/32 via 100.0.0.2} then {@code    Tunnel100 created 00:00:42, expire 00:02:17}), and 12.1/12.2
 * ({@code 10.0.0.2 255.255.255.255, tunnel 100 created 0:00:43 expire 1:59:16}). Layouts:
 * {@code ../shared/docs/ios-12.3-formats.md} "show ip nhrp" and {@code ../shared/fixtures/ios-outputs/show_ip_nhrp_detail/}.
 */
public final class ShowIpNhrpParser {
  public static final String COMMAND = "show ip nhrp";

  private static final String TAIL = "(?<tunnel>[Tt]unnel ?\\S+?),? created (?<created>\\S+?),? "
      + "(?:never expire|expire (?<expire>\\S+))";
  /** Also {@code 10.1.1.4, Tunnel1 created ...}: an incomplete entry has neither length nor next hop. */
  private static final Pattern ONE_LINE = Pattern.compile(
      "^(?<net>\\d+\\.\\d+\\.\\d+\\.\\d+)(?:/(?<len>\\d+))?(?: via (?<via>\\d+\\.\\d+\\.\\d+\\.\\d+))?,? " + TAIL
          + ".*$");
  private static final Pattern OLD_HEAD = Pattern.compile(
      "^(?<net>\\d+\\.\\d+\\.\\d+\\.\\d+) (?<mask>\\d+\\.\\d+\\.\\d+\\.\\d+),? " + TAIL + ".*$");
  private static final Pattern SPLIT_HEAD = Pattern.compile(
      "^(?<net>\\d+\\.\\d+\\.\\d+\\.\\d+)/(?<len>\\d+) via (?<via>\\d+\\.\\d+\\.\\d+\\.\\d+)\\s*$");
  private static final Pattern SPLIT_TAIL = Pattern.compile("^\\s+" + TAIL + ".*$");
  private static final Pattern TYPE = Pattern.compile("^\\s+Type: (?<type>[\\w-]+),? Flags:(?<flags>.*)$");
  private static final Pattern NBMA = Pattern.compile("^\\s+NBMA address: (?<nbma>\\S+).*$");

  private ShowIpNhrpParser() {}

  public static List<NhrpEntry> parse(String output) {
    List<OutputLine> lines = OutputLines.of(COMMAND, output);
    List<NhrpEntry> entries = new ArrayList<>();
    Builder current = null;
    for (int i = 0; i < lines.size(); i++) {
      OutputLine line = lines.get(i);
      if (line.isBlank()) {
        continue;
      }
      Builder head = head(line, i + 1 < lines.size() ? lines.get(i + 1) : null);
      if (head != null) {
        if (current != null) {
          entries.add(current.build());
        }
        current = head;
        if (head.splitHead) {
          i++;
        }
      } else if (current != null && line.isIndented()) {
        current.detail(line.text());
      } else {
        throw new ParseException(COMMAND, line.number(), line.text(), "not an NHRP entry line");
      }
    }
    if (current != null) {
      entries.add(current.build());
    }
    if (entries.isEmpty() && !OutputLines.allBlank(lines)) {
      throw new ParseException(COMMAND, 0, "", "no NHRP entry found");
    }
    return List.copyOf(entries);
  }

  private static Builder head(OutputLine line, OutputLine next) {
    Matcher m = ONE_LINE.matcher(line.text());
    if (m.matches()) {
      // without a length the entry is a host: NHRP caches no aggregates (Cisco show ip nhrp reference)
      int length = m.group("len") == null ? 32 : Integer.parseInt(m.group("len"));
      return new Builder(m.group("net"), length, m.group("via"), m, false);
    }
    m = OLD_HEAD.matcher(line.text());
    if (m.matches()) {
      return new Builder(m.group("net"), maskLength(m.group("mask")), m.group("net"), m, false);
    }
    m = SPLIT_HEAD.matcher(line.text());
    if (m.matches() && next != null) {
      Matcher t = SPLIT_TAIL.matcher(next.text());
      if (t.matches()) {
        return new Builder(m.group("net"), Integer.parseInt(m.group("len")), m.group("via"), t, true);
      }
    }
    return null;
  }

  static int maskLength(String mask) {
    long bits = 0;
    for (String part : mask.split("\\.")) {
      bits = bits << 8 | Integer.parseInt(part);
    }
    return Long.bitCount(bits);
  }

  /** Mutable only while one entry's lines are read. */
  private static final class Builder {
    final String network;
    final int length;
    final String via;
    final String tunnel;
    final String created;
    final String expire;
    final boolean splitHead;
    String type;
    List<String> flags = List.of();
    String nbma;
    final List<String> details = new ArrayList<>();

    Builder(String network, int length, String via, Matcher tail, boolean splitHead) {
      this.network = network;
      this.length = length;
      this.via = via;
      this.tunnel = tail.group("tunnel").replace(" ", "").replaceFirst("^tunnel", "Tunnel");
      this.created = tail.group("created");
      this.expire = tail.group("expire");
      this.splitHead = splitHead;
    }

    void detail(String text) {
      Matcher m = TYPE.matcher(text);
      if (m.matches()) {
        type = m.group("type");
        String f = m.group("flags").trim();
        flags = f.isEmpty() ? List.of() : Arrays.asList(f.split("\\s+"));
        return;
      }
      m = NBMA.matcher(text);
      if (m.matches()) {
        nbma = m.group("nbma");
        return;
      }
      details.add(text.trim());
    }

    NhrpEntry build() {
      return new NhrpEntry(network, length, via, tunnel, created, expire, type, flags, nbma, details);
    }
  }
}
