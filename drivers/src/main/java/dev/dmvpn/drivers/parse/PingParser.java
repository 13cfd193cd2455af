package dev.dmvpn.drivers.parse;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * IOS {@code ping}: the {@code Sending} line, the optional source line, the marks (possibly over several lines) and
 * the {@code Success rate} line, which is required. Layout: the seed document's pings (seed lines 520-525) and
 * {@code ../shared/fixtures/ios-outputs/ping/}.
 */
public final class PingParser {
  public static final String COMMAND = "ping";

  private static final Pattern SENDING = Pattern.compile(
      "^Sending (?<n>\\d+), (?<size>\\d+)-byte ICMP Echos to (?<to>\\S+), timeout is (?<t>\\d+) seconds:$");
  private static final Pattern SOURCE = Pattern.compile("^Packet sent with a source address of (?<src>\\S+)$");
  private static final Pattern MARKS = Pattern.compile("^[!.UQMA?&CIBN]+$");
  private static final Pattern SUCCESS = Pattern.compile(
      "^Success rate is (?<pct>\\d+) percent \\((?<rx>\\d+)/(?<tx>\\d+)\\)"
          + "(?:, round-trip min/avg/max = (?<min>\\d+)/(?<avg>\\d+)/(?<max>\\d+) ms)?$");
  private static final Pattern INFO = Pattern.compile(
      "^(?:Type escape sequence to abort\\.|Packet sent with the DF bit set|Reply data will be validated"
          + "|Translating \".*\"\\.\\.\\.domain server.*)$");

  private PingParser() {}

  public static PingResult parse(String output) {
    List<OutputLine> lines = OutputLines.of(COMMAND, output);
    Matcher sending = null;
    Matcher success = null;
    String source = null;
    StringBuilder marks = new StringBuilder();
    for (OutputLine line : lines) {
      String t = line.text().trim();
      Matcher m;
      if (t.isEmpty() || INFO.matcher(t).matches()) {
        continue;
      }
      if ((m = SENDING.matcher(t)).matches()) {
        sending = m;
      } else if ((m = SOURCE.matcher(t)).matches()) {
        source = m.group("src");
      } else if (sending != null && success == null && MARKS.matcher(t).matches()) {
        marks.append(t);
      } else if ((m = SUCCESS.matcher(t)).matches()) {
        success = m;
      } else {
        throw new ParseException(COMMAND, line.number(), line.text(), "not a ping result line");
      }
    }
    if (sending == null || success == null) {
      throw new ParseException(COMMAND, 0, "", sending == null ? "no 'Sending' line" : "no 'Success rate' line");
    }
    return new PingResult(sending.group("to"), Integer.parseInt(sending.group("n")),
        Integer.parseInt(sending.group("size")), Integer.parseInt(sending.group("t")), source, marks.toString(),
        Integer.parseInt(success.group("pct")), Integer.parseInt(success.group("rx")),
        Integer.parseInt(success.group("tx")), optional(success, "min"), optional(success, "avg"),
        optional(success, "max"));
  }

  private static Integer optional(Matcher m, String group) {
    return m.group(group) == null ? null : Integer.valueOf(m.group(group));
  }
}
