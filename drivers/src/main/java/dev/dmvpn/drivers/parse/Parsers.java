package dev.dmvpn.drivers.parse;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The parser for a command line as typed: {@code show ip nhrp detail}, {@code ping 2.2.2.2},
 * {@code debug crypto isakmp}. The longest known command that starts the line wins; arguments after it (an
 * address, {@code detail}, {@code tunnel 100}, {@code vrf X}) do not change the layout these parsers read.
 */
public final class Parsers {
  private static final Map<String, Function<String, Object>> BY_COMMAND = new LinkedHashMap<>();

  static {
    BY_COMMAND.put("show ip nhrp nhs", ShowIpNhrpNhsParser::parse);
    BY_COMMAND.put(ShowIpNhrpParser.COMMAND, ShowIpNhrpParser::parse);
    BY_COMMAND.put(ShowCryptoIsakmpSaParser.COMMAND, ShowCryptoIsakmpSaParser::parse);
    BY_COMMAND.put(ShowCryptoIpsecSaParser.COMMAND, ShowCryptoIpsecSaParser::parse);
    BY_COMMAND.put(ShowCryptoSessionParser.COMMAND, ShowCryptoSessionParser::parse);
    BY_COMMAND.put(ShowIpEigrpTopologyParser.COMMAND, ShowIpEigrpTopologyParser::parse);
    BY_COMMAND.put(ShowRunningConfigParser.COMMAND, ShowRunningConfigParser::parse);
    BY_COMMAND.put("show startup-config", ShowRunningConfigParser::parse);
    BY_COMMAND.put(ShowIpEigrpNeighborsParser.COMMAND, ShowIpEigrpNeighborsParser::parse);
    BY_COMMAND.put(ShowIpRouteParser.COMMAND, ShowIpRouteParser::parse);
    BY_COMMAND.put(ShowIpInterfaceBriefParser.COMMAND, ShowIpInterfaceBriefParser::parse);
    BY_COMMAND.put(ShowInterfacesParser.COMMAND, ShowInterfacesParser::parse);
    BY_COMMAND.put(ShowVersionParser.COMMAND, ShowVersionParser::parse);
    BY_COMMAND.put(ShowDmvpnParser.COMMAND, ShowDmvpnParser::parse);
    BY_COMMAND.put(PingParser.COMMAND, PingParser::parse);
    BY_COMMAND.put(TracerouteParser.COMMAND, TracerouteParser::parse);
    BY_COMMAND.put("debug", output -> DebugParser.parse("debug", output));
  }

  private Parsers() {}

  /** The commands with a parser, in lookup order. */
  public static Iterable<String> commands() {
    return BY_COMMAND.keySet();
  }

  /**
   * Parses {@code output} as the output of {@code commandLine}; empty when no parser knows the command.
   *
   * @throws ParseException when the parser does not recognise the output
   */
  public static Optional<Object> parse(String commandLine, String output) {
    String typed = commandLine.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    String best = null;
    for (String known : BY_COMMAND.keySet()) {
      if ((typed.equals(known) || typed.startsWith(known + " ")) && (best == null || known.length() > best.length())) {
        best = known;
      }
    }
    if (best == null) {
      return Optional.empty();
    }
    if (best.equals("debug")) {
      return Optional.of(DebugParser.parse(commandLine.trim(), output));
    }
    return Optional.of(BY_COMMAND.get(best).apply(output));
  }
}
