package dev.dmvpn.harness.correlate;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The rules for IOS 12.3's {@code debug nhrp} and {@code debug crypto isakmp}, worded as the seed's debug section
 * prints them (and the virtual rack, which reproduces it): sv9-4 {@code NHRP: Send Resolution Request via Tunnel0,
 * packet size: 84} after {@code NHRP: Encapsulation succeeded. Tunnel IP addr 209.168.202.225}, the hub's {@code
 * NHRP: Forwarding Resolution Request via Tunnel0, packet size: 104}, sv9-3's {@code NHRP: Receive Resolution
 * Request via Tunnel0, packet size: 104}; {@code ISAKMP (0:12): sending packet to 209.168.202.131 my_port 500
 * peer_port 500 (R) MM_SA_SETUP}, {@code ISAKMP (0:0): received packet from 209.168.202.131 dport 500 sport 500
 * Global (N) NEW SA}. Choices: the NHRP "packet size" is the NHRP packet's own length (the fixed header's
 * {@code ar$pktsz}, {@code nhrp.size}), as the virtual rack prints it and as the seed's 84-byte request with
 * authentication and transit extensions fits; unconfirmed against a capture taken together with a 12.3 debug.
 * ISAKMP state names are not mapped to message numbers (the seed shows too few to be sure): an ISAKMP line is
 * never an anchor and is paired by time. {@code debug crypto ipsec} lines tell of SAs, not packets: no rule.
 */
public final class DebugRules {
  private static final String NHRP_TYPE = "(?<type>Registration Request|Registration Reply|Resolution Request"
      + "|Resolution Reply|Purge Request|Purge Reply|Error Indication)";
  private static final Pattern ENCAPSULATED = Pattern.compile(
      "Encapsulation succeeded\\.\\s*Tunnel IP addr (?<peer>\\d+\\.\\d+\\.\\d+\\.\\d+)");

  private DebugRules() {}

  public static List<DebugRule> ios123() {
    return List.of(
        new DebugRule("nhrp-send", "NHRP",
            Pattern.compile("(?:Send|Forwarding) " + NHRP_TYPE + " via \\S+,\\s*packet size: (?<size>\\d+)"),
            Optional.of(ENCAPSULATED), Direction.SENT,
            Map.of("nhrp.op", "${type}", "nhrp.size", "${size}"), true),
        new DebugRule("nhrp-receive", "NHRP",
            Pattern.compile("Receive " + NHRP_TYPE + " via \\S+,\\s*packet size: (?<size>\\d+)"),
            Optional.empty(), Direction.RECEIVED,
            Map.of("nhrp.op", "${type}", "nhrp.size", "${size}"), true),
        new DebugRule("isakmp-send-main-mode", "ISAKMP",
            Pattern.compile("sending packet to (?<peer>[\\d.]+) my_port (?<myport>\\d+) peer_port (?<peerport>\\d+)"
                + " \\([IR]\\) MM_\\w+"),
            Optional.empty(), Direction.SENT,
            Map.of("isakmp.exchange", "main-mode", "udp.srcPort", "${myport}", "udp.dstPort", "${peerport}"), false),
        new DebugRule("isakmp-send-qm-idle", "ISAKMP",
            Pattern.compile("sending packet to (?<peer>[\\d.]+) my_port (?<myport>\\d+) peer_port (?<peerport>\\d+)"
                + " \\([IR]\\) QM_IDLE"),
            Optional.empty(), Direction.SENT,
            Map.of("isakmp.exchange", "quick-mode|informational", "udp.srcPort", "${myport}",
                "udp.dstPort", "${peerport}"), false),
        new DebugRule("isakmp-receive-main-mode", "ISAKMP",
            Pattern.compile("received packet from (?<peer>[\\d.]+) dport (?<dport>\\d+) sport (?<sport>\\d+)"
                + " Global \\([IRN]\\) (?:MM_\\w+|NEW SA)"),
            Optional.empty(), Direction.RECEIVED,
            Map.of("isakmp.exchange", "main-mode", "udp.srcPort", "${sport}", "udp.dstPort", "${dport}"), false),
        new DebugRule("isakmp-receive-qm-idle", "ISAKMP",
            Pattern.compile("received packet from (?<peer>[\\d.]+) dport (?<dport>\\d+) sport (?<sport>\\d+)"
                + " Global \\([IRN]\\) QM_IDLE"),
            Optional.empty(), Direction.RECEIVED,
            Map.of("isakmp.exchange", "quick-mode|informational", "udp.srcPort", "${sport}",
                "udp.dstPort", "${dport}"), false));
  }
}
