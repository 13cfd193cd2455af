package dev.dmvpn.drivers.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code show crypto isakmp sa}: the 12.3 table ({@code dst src state conn-id slot}, no heading) and the 12.4T+
 * layout ({@code IPv4 Crypto ISAKMP SA} / {@code IPv6 Crypto ISAKMP SA} sections, {@code conn-id status}). A header
 * with no rows is a valid answer (no SA); an output without header or row is not. Layouts:
 * {@code ../shared/docs/ios-12.3-formats.md} and {@code ../shared/fixtures/ios-outputs/show_crypto_isakmp_sa/}.
 */
public final class ShowCryptoIsakmpSaParser {
  public static final String COMMAND = "show crypto isakmp sa";

  private static final Pattern SECTION = Pattern.compile("^IPv(?<v>[46]) Crypto ISAKMP SA\\s*$");
  private static final Pattern HEADER = Pattern.compile("^\\s*dst\\s+src\\s+state\\s+conn-id.*$");
  private static final Pattern ROW = Pattern.compile(
      "^\\s*(?<dst>[\\d.:a-fA-F]+)\\s+(?<src>[\\d.:a-fA-F]+)\\s+(?<state>[A-Z][A-Z0-9_]*)\\s+(?<conn>\\d+)"
          + "(?:\\s+(?<slot>\\d+))?(?:\\s+(?<status>[A-Z][A-Z_]*(?: \\([a-z ]+\\))?))?\\s*$");

  private ShowCryptoIsakmpSaParser() {}

  public static List<IsakmpSa> parse(String output) {
    List<OutputLine> lines = OutputLines.of(COMMAND, output);
    List<IsakmpSa> sas = new ArrayList<>();
    boolean recognised = false;
    boolean ipv6 = false;
    for (OutputLine line : lines) {
      if (line.isBlank()) {
        continue;
      }
      Matcher section = SECTION.matcher(line.text());
      if (section.matches()) {
        ipv6 = section.group("v").equals("6");
        recognised = true;
        continue;
      }
      if (HEADER.matcher(line.text()).matches()) {
        recognised = true;
        continue;
      }
      Matcher m = ROW.matcher(line.text());
      if (!m.matches()) {
        throw new ParseException(COMMAND, line.number(), line.text(), "not an ISAKMP SA row");
      }
      String slot = m.group("slot");
      sas.add(new IsakmpSa(ipv6 || m.group("dst").contains(":"), m.group("dst"), m.group("src"), m.group("state"),
          Integer.parseInt(m.group("conn")), slot == null ? null : Integer.valueOf(slot), m.group("status")));
    }
    if (sas.isEmpty() && !recognised && !OutputLines.allBlank(lines)) {
      throw new ParseException(COMMAND, 0, "", "no ISAKMP SA table found");
    }
    return List.copyOf(sas);
  }
}
