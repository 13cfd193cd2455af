package dev.dmvpn.drivers.parse;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code show version}: picks the known lines out of free text. The software line is required (without it the
 * output is not a {@code show version}); a version split over two lines ({@code Version 12.3(3),} then
 * {@code RELEASE SOFTWARE (fc2)}, as in the seed document's 2691) is read like a one-line one.
 */
public final class ShowVersionParser {
  public static final String COMMAND = "show version";

  private static final Pattern SOFTWARE = Pattern.compile(
      "^(?:IOS \\(tm\\)|Cisco IOS Software|Cisco IOS XE Software).*?(?:\\((?<image>[A-Za-z0-9_\\-]+)\\))?,? "
          + "Version (?<version>[^,\\s]+).*$");
  private static final Pattern UPTIME = Pattern.compile("^(?<host>\\S+) uptime is (?<up>.+)$");
  private static final Pattern RETURNED = Pattern.compile("^System returned to ROM by (?<by>.+)$");
  private static final Pattern IMAGE = Pattern.compile("^System image file is \"(?<file>[^\"]+)\".*$");
  private static final Pattern MODEL = Pattern.compile("^[Cc]isco (?<model>\\S+) \\([^)]+\\) processor.*$");
  private static final Pattern BOARD = Pattern.compile("^Processor board ID (?<id>\\S+).*$");
  private static final Pattern REGISTER = Pattern.compile("^Configuration register is (?<reg>0x[0-9A-Fa-f]+).*$");

  private ShowVersionParser() {}

  public static VersionInfo parse(String output) {
    List<OutputLine> lines = OutputLines.of(COMMAND, output);
    String version = null;
    String image = null;
    String host = null;
    String up = null;
    String returned = null;
    String file = null;
    String model = null;
    String board = null;
    String register = null;
    for (OutputLine line : lines) {
      String t = line.text().trim();
      Matcher m;
      if (version == null && (m = SOFTWARE.matcher(t)).matches()) {
        version = m.group("version");
        image = m.group("image");
      } else if (host == null && (m = UPTIME.matcher(t)).matches()) {
        host = m.group("host");
        up = m.group("up");
      } else if (returned == null && (m = RETURNED.matcher(t)).matches()) {
        returned = m.group("by");
      } else if (file == null && (m = IMAGE.matcher(t)).matches()) {
        file = m.group("file");
      } else if (model == null && (m = MODEL.matcher(t)).matches()) {
        model = m.group("model");
      } else if (board == null && (m = BOARD.matcher(t)).matches()) {
        board = m.group("id");
      } else if (register == null && (m = REGISTER.matcher(t)).matches()) {
        register = m.group("reg");
      }
    }
    if (version == null) {
      OutputLine first = lines.stream().filter(l -> !l.isBlank()).findFirst().orElse(null);
      if (first == null) {
        throw new ParseException(COMMAND, 0, "", "empty output");
      }
      throw new ParseException(COMMAND, first.number(), first.text(), "no IOS software version line");
    }
    return new VersionInfo(version, image, host, up, returned, file, model, board, register);
  }
}
