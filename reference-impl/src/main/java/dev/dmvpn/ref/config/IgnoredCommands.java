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
  private static final String PKI = "certificates are not used: the node authenticates with pre-shared keys only";
  private static final String EIGRP_IF = "EIGRP interface setting the node's EIGRP does not model (summaries,"
      + " authentication, bandwidth share)";
  private static final String OSPF_IF = "OSPF interface setting: it acts only with 'router ospf', which the node"
      + " does not run (reported there)";
  private static final String SWITCHING = "switching path or accounting, no effect on packets";
  private static final String DEFAULT = "IOS default, which the node does";
  /** Third column of a row: the command opens a sub-mode whose indented lines are skipped with it. */
  private static final String BLOCK = "block";

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
    {"end", "end of configuration"}, {"exit", "leaves the sub-mode"},
    {"crypto pki", PKI, BLOCK}, {"crypto ca", PKI, BLOCK},
    {"crypto isakmp identity address", DEFAULT + " (identity = address)"},
    {"crypto isakmp enable", DEFAULT}, {"crypto ipsec nat-transparency udp-encapsulation", DEFAULT},
    {"key chain", "key chains serve routing-protocol authentication, which the node's EIGRP does not model", BLOCK},
    {"redundancy", HARDWARE, BLOCK}, {"license", HARDWARE}, {"platform", HARDWARE}, {"no platform", HARDWARE},
    {"hw-module", HARDWARE}, {"card type", HARDWARE}, {"voice-card", HARDWARE, BLOCK},
    {"multilink bundle-name", HOUSEKEEPING}, {"spanning-tree", HOUSEKEEPING},
    {"vlan internal", HOUSEKEEPING}, {"ip forward-protocol", HOUSEKEEPING}, {"subscriber templating", HOUSEKEEPING},
    {"mmi", HOUSEKEEPING}, {"no mmi", HOUSEKEEPING}, {"ipv6 cef", HOUSEKEEPING}, {"no ipv6 cef", HOUSEKEEPING},
    {"ip tftp", MANAGEMENT}, {"ip http authentication", MANAGEMENT}, {"ip http", MANAGEMENT},
    {"no ip http", MANAGEMENT}, {"virtual-service", HOUSEKEEPING, BLOCK}, {"archive", HOUSEKEEPING, BLOCK},
    {"ntp", HOUSEKEEPING}, {"no ip bootp server", HOUSEKEEPING}, {"ip name-server", HOUSEKEEPING},
    {"ip host", HOUSEKEEPING}, {"no ip finger", HOUSEKEEPING}, {"ip finger", HOUSEKEEPING},
    {"ip scp", MANAGEMENT}, {"no ip gratuitous-arps", HOUSEKEEPING}, {"ip audit", HOUSEKEEPING},
    {"no network-clock-participate", HARDWARE}, {"diagnostic", HARDWARE}, {"login", MANAGEMENT},
    {"alias", MANAGEMENT}, {"privilege", MANAGEMENT}, {"no ip icmp rate-limit", HOUSEKEEPING},
    {"ip icmp rate-limit", HOUSEKEEPING}
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
    {"no ip directed-broadcast", "IOS 12.3 default"},
    {"ip next-hop-self eigrp", "IOS default (next-hop-self on)"}, {"ip summary-address eigrp", EIGRP_IF},
    {"ip authentication mode eigrp", EIGRP_IF}, {"ip authentication key-chain eigrp", EIGRP_IF},
    {"ip bandwidth-percent eigrp", EIGRP_IF}, {"ip ospf", OSPF_IF},
    {"ip virtual-reassembly", "reassembly for NAT/firewall inspection, not done; forwarding is unchanged"},
    {"no ip virtual-reassembly", "IOS default before 15.x"}, {"ip flow", SWITCHING},
    {"ip route-cache", SWITCHING}, {"no ip route-cache", SWITCHING}, {"ip mroute-cache", SWITCHING},
    {"qos pre-classify", "classification for QoS on the physical interface; no QoS is emulated"},
    {"negotiation", PHYSICAL}, {"media-type", PHYSICAL}, {"full-duplex", PHYSICAL}, {"half-duplex", PHYSICAL},
    {"no negotiation", PHYSICAL}, {"cdp enable", HOUSEKEEPING}, {"no mop", HOUSEKEEPING},
    {"no snmp trap", HOUSEKEEPING}, {"snmp trap", HOUSEKEEPING}, {"logging event", HOUSEKEEPING},
    {"no logging event", HOUSEKEEPING}, {"tunnel bandwidth",
        "tunnel transmit/receive bandwidth (15.x), not a metric input: EIGRP takes the interface's 'bandwidth'"},
    {"hold-queue", PHYSICAL}, {"tx-ring-limit", PHYSICAL}, {"carrier-delay", PHYSICAL},
    {"ip unreachables", "ICMP unreachables are not emulated"}, {"ip proxy-arp", "proxy ARP is not emulated"}
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
    String[] row = row(mode, t);
    return row == null ? null : row[1];
  }

  /** True when {@code t} is an ignored command that opens a sub-mode (its indented lines are skipped too). */
  static boolean opensBlock(Mode mode, String[] t) {
    String[] row = row(mode, t);
    return row != null && row.length > 2;
  }

  /** The phrases of {@code mode}, for {@link CommandWords}. */
  static java.util.List<String> phrases(Mode mode) {
    java.util.List<String> out = new java.util.ArrayList<>();
    for (String[] row : table(mode)) {
      out.add(row[0]);
    }
    return out;
  }

  private static final String[][] NONE = {};

  private static String[][] table(Mode mode) {
    return switch (mode) {
      case GLOBAL -> GLOBAL;
      case INTERFACE -> INTERFACE;
      case LINE -> LINE_MODE;
      case ROUTER_EIGRP -> ROUTER;
      default -> NONE;
    };
  }

  private static String[] row(Mode mode, String[] t) {
    for (String[] row : table(mode)) {
      if (Tokens.startsWith(t, Tokens.split(row[0]))) {
        return row;
      }
    }
    return null;
  }
}
