package dev.dmvpn.ref.config;

import dev.dmvpn.ref.config.ParseState.Mode;

/**
 * Commands that are understood but have no bearing on a DMVPN peer, per mode: the parser lists them as
 * {@link ConfigProblem.Severity#IGNORED} instead of failing. A command belongs here only when ignoring it cannot
 * change what the peer does on the wire; anything else must be modelled or rejected.
 */
final class IgnoredCommands {
  private static final String HOUSEKEEPING = "router housekeeping with no effect on the tunnel";
  private static final String MANAGEMENT = "management access, not used by the peer";
  private static final String HARDWARE = "hardware or voice setting, not emulated";
  private static final String PHYSICAL = "physical-layer setting, not emulated";
  private static final String LINE = "terminal line setting, not used by the peer";

  private static final String[][] GLOBAL = {
    {"service", HOUSEKEEPING}, {"no service", HOUSEKEEPING},
    {"boot-start-marker", HOUSEKEEPING}, {"boot-end-marker", HOUSEKEEPING}, {"boot system", HOUSEKEEPING},
    {"no aaa new-model", MANAGEMENT}, {"ip subnet-zero", "IOS 12.3 default (subnet zero usable)"},
    {"no ip domain lookup", HOUSEKEEPING}, {"no ip domain-lookup", HOUSEKEEPING},
    {"ip domain name", HOUSEKEEPING}, {"ip domain-name", HOUSEKEEPING},
    {"ip ssh", MANAGEMENT}, {"ip http server", MANAGEMENT}, {"no ip http server", MANAGEMENT},
    {"ip http secure-server", MANAGEMENT}, {"no ip http secure-server", MANAGEMENT},
    {"ip classless", "IOS 12.3 default (classless forwarding)"}, {"ip cef", HOUSEKEEPING},
    {"no ip cef", HOUSEKEEPING}, {"no ip source-route", HOUSEKEEPING},
    {"no voice hpi", HARDWARE}, {"fax interface-type", HARDWARE}, {"voice-port", HARDWARE},
    {"mgcp", HARDWARE}, {"call rsvp-sync", HARDWARE}, {"memory-size", HARDWARE},
    {"logging", HOUSEKEEPING}, {"no logging", HOUSEKEEPING}, {"clock timezone", HOUSEKEEPING},
    {"enable secret", MANAGEMENT}, {"enable password", MANAGEMENT}, {"username", MANAGEMENT},
    {"no cdp run", HOUSEKEEPING}, {"control-plane", HOUSEKEEPING},
    {"end", "end of configuration"}, {"exit", "leaves the sub-mode"}
  };

  private static final String[][] INTERFACE = {
    {"duplex", PHYSICAL}, {"speed", PHYSICAL}, {"clockrate", PHYSICAL}, {"clock rate", PHYSICAL},
    {"no fair-queue", PHYSICAL}, {"fair-queue", PHYSICAL}, {"encapsulation hdlc", PHYSICAL},
    {"no atm", PHYSICAL}, {"dsl", PHYSICAL}, {"isdn", PHYSICAL}, {"no keepalive", PHYSICAL},
    {"load-interval", HOUSEKEEPING}, {"no cdp enable", HOUSEKEEPING},
    {"no ip redirects", "ICMP redirects are not emulated"}, {"ip redirects", "ICMP redirects are not emulated"},
    {"no ip unreachables", "ICMP unreachables are not emulated"}, {"no ip proxy-arp", "proxy ARP is not emulated"},
    {"ip route-cache", "switching path, no effect on packets"},
    {"no ip route-cache", "switching path, no effect on packets"},
    {"no ip mroute-cache", "switching path, no effect on packets"},
    {"no ip directed-broadcast", "IOS 12.3 default"}
  };

  private static final String[][] LINE_MODE = {
    {"exec-timeout", LINE}, {"transport", LINE}, {"escape-character", LINE}, {"password", LINE},
    {"login", LINE}, {"no login", LINE}, {"logging synchronous", LINE}, {"privilege level", LINE},
    {"stopbits", LINE}, {"history", LINE}, {"length", LINE}, {"width", LINE}, {"session-timeout", LINE},
    {"exec", LINE}, {"no exec", LINE}, {"access-class", LINE}, {"flowcontrol", LINE}, {"speed", LINE}
  };

  private static final String[][] ROUTER = {
    {"eigrp log-neighbor-changes", HOUSEKEEPING}, {"no eigrp log-neighbor-changes", HOUSEKEEPING}
  };

  private IgnoredCommands() {}

  /** Why {@code t} may be ignored in {@code mode}, or {@code null} when it is not a known irrelevant command. */
  static String reason(Mode mode, String[] t) {
    String[][] table = switch (mode) {
      case GLOBAL -> GLOBAL;
      case INTERFACE -> INTERFACE;
      case LINE -> LINE_MODE;
      case ROUTER_EIGRP -> ROUTER;
      default -> null;
    };
    if (table == null) {
      return null;
    }
    for (String[] row : table) {
      if (Tokens.startsWith(t, Tokens.split(row[0]))) {
        return row[1];
      }
    }
    return null;
  }
}
