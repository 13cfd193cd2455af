package dev.dmvpn.ref.config;

import dev.dmvpn.ref.config.ParseState.Mode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The keywords of each configuration mode as a tree, to expand IOS abbreviations before a line is dispatched:
 * IOS accepts any prefix of a keyword that is unique among the keywords allowed at that position ({@code int tu0},
 * {@code ip nh map}, {@code cry isa pol 10}, {@code encr 3des}), and {@code show running-config} itself prints
 * some keywords shortened ({@code encr}).
 *
 * <p>The tree holds the commands the parser reads, the ignored and unsupported ones ({@link IgnoredCommands},
 * {@link UnsupportedCommands}), and other IOS keywords of the same mode that only serve to make a prefix ambiguous
 * the way it is on a router ({@code de} is {@code delay} or {@code description}). Expansion stops at the first
 * word that is not a keyword of the tree (an argument), so arguments are never rewritten; a leading {@code no}
 * expands the rest of the line the same way.
 */
final class CommandWords {

  /**
   * Words of a line after expansion.
   *
   * @param words the line's words, keywords written out in full
   * @param ambiguity why a word could not be expanded when it was ambiguous, else {@code null}
   * @param abbreviated true when a keyword was expanded from a shorter prefix
   * @param exact true when the leading words are all full keywords, at least one, ending at a command of the tree
   */
  record Expansion(String[] words, String ambiguity, boolean abbreviated, boolean exact) {}

  private static final Map<Mode, Node> TREES = new EnumMap<>(Mode.class);

  /** Keywords the parser reads itself (the handlers in *Commands). */
  private static final Map<Mode, List<String>> READ = Map.of(
      Mode.GLOBAL, List.of("hostname", "version", "interface", "router eigrp", "ip route", "line", "banner",
          "crypto isakmp policy", "crypto isakmp key", "crypto ipsec transform-set", "crypto ipsec profile"),
      Mode.INTERFACE, List.of("ip address", "shutdown", "description", "ip mtu", "bandwidth", "delay",
          "ip tcp adjust-mss", "ip split-horizon eigrp", "tunnel source", "tunnel destination", "tunnel mode",
          "tunnel key", "tunnel protection ipsec profile", "ip nhrp authentication", "ip nhrp map multicast dynamic",
          "ip nhrp map", "ip nhrp network-id", "ip nhrp nhs", "ip nhrp holdtime", "ip nhrp registration timeout",
          "ip nhrp registration no-unique"),
      Mode.ISAKMP_POLICY, List.of("encryption", "hash", "authentication", "group", "lifetime"),
      Mode.TRANSFORM_SET, List.of("mode"),
      Mode.IPSEC_PROFILE, List.of("set transform-set", "set security-association lifetime seconds",
          "set security-association lifetime kilobytes", "set pfs", "description"),
      Mode.ROUTER_EIGRP, List.of("network", "auto-summary", "passive-interface"),
      Mode.LINE, List.of(),
      Mode.BLOCK, List.of());

  /** Other IOS keywords of each mode (12.3-15.x), present only so that prefixes are as ambiguous as on IOS. */
  private static final Map<Mode, List<String>> IOS_ONLY = Map.of(
      Mode.GLOBAL, List.of("aaa", "access-list", "alias", "archive", "arp", "boot", "bridge", "cdp", "class-map",
          "clock", "config-register", "controller", "crypto ca", "crypto dynamic-map", "crypto engine",
          "crypto isakmp aggressive-mode", "crypto isakmp client", "crypto isakmp enable", "crypto isakmp peer",
          "crypto isakmp xauth", "crypto key", "crypto logging", "crypto map", "crypto pki", "default",
          "dial-peer", "dialer", "do", "enable", "end", "exception", "exit", "ip access-list", "ip address-pool",
          "ip domain", "ip host", "ip multicast-routing", "ip name-server", "ip nat", "ip prefix-list", "ip sla",
          "ipv6", "key", "logging", "map-class", "mpls", "no", "ntp", "policy-map", "privilege", "route-map",
          "router bgp", "router ospf", "router rip", "service", "snmp-server", "spanning-tree", "username",
          "vpdn", "vrf"),
      Mode.INTERFACE, List.of("arp", "backup", "carrier-delay", "cdp", "clock", "crypto", "default", "dialer",
          "duplex", "encapsulation", "exit", "fair-queue", "hold-queue", "ip access-group", "ip accounting",
          "ip authentication", "ip bandwidth-percent", "ip broadcast-address", "ip cef", "ip dhcp",
          "ip directed-broadcast", "ip flow", "ip hello-interval", "ip helper-address", "ip hold-time", "ip igmp",
          "ip load-sharing", "ip mroute-cache", "ip multicast", "ip nat", "ip nbar", "ip next-hop-self", "ip ospf",
          "ip pim", "ip policy", "ip proxy-arp", "ip redirects", "ip rip", "ip route-cache", "ip rsvp",
          "ip summary-address", "ip unnumbered", "ip unreachables", "ip verify", "ip virtual-reassembly", "ip vrf",
          "ip nhrp cache", "ip nhrp interest", "ip nhrp max-send", "ip nhrp record", "ip nhrp redirect",
          "ip nhrp responder", "ip nhrp server-only", "ip nhrp shortcut", "ip nhrp trigger-svc", "ip nhrp use",
          "ip nhrp group", "ip nhrp map group", "ipv6", "keepalive", "load-interval", "logging", "mac-address",
          "mtu", "no", "ntp", "qos", "service-policy", "snmp", "speed", "standby", "timeout", "traffic-shape",
          "tunnel bandwidth", "tunnel checksum", "tunnel path-mtu-discovery", "tunnel sequence-datagrams",
          "tunnel tos", "tunnel ttl", "tunnel vrf", "tunnel mpls", "tunnel route-via", "tunnel protection ipv6",
          "tx-ring-limit", "vrf", "vrrp"),
      Mode.ISAKMP_POLICY, List.of("default", "exit", "no"),
      Mode.TRANSFORM_SET, List.of("default", "exit", "no"),
      Mode.IPSEC_PROFILE, List.of("default", "exit", "no", "responder-only", "set identity", "set isakmp-profile",
          "set ikev2-profile", "set security-association idle-time", "set security-association level",
          "set security-association replay", "set security-association lifetime days"),
      Mode.ROUTER_EIGRP, List.of("default-information", "default-metric", "distance", "distribute-list",
          "eigrp", "exit", "maximum-paths", "metric", "neighbor", "no", "offset-list", "redistribute", "timers",
          "traffic-share", "variance"),
      Mode.LINE, List.of(),
      Mode.BLOCK, List.of());

  static {
    for (Mode m : Mode.values()) {
      Node root = new Node();
      List<String> phrases = new ArrayList<>(READ.get(m));
      phrases.addAll(IOS_ONLY.get(m));
      phrases.addAll(IgnoredCommands.phrases(m));
      phrases.addAll(UnsupportedCommands.phrases(m));
      for (String p : phrases) {
        String[] w = Tokens.split(p.toLowerCase(Locale.ROOT));
        int from = w.length > 1 && w[0].equals("no") ? 1 : 0; // "no x" commands: the tree holds "x"
        Node n = root;
        for (int i = from; i < w.length; i++) {
          n = n.children.computeIfAbsent(w[i], k -> new Node());
        }
      }
      root.children.computeIfAbsent("no", k -> new Node());
      TREES.put(m, root);
    }
  }

  private CommandWords() {}

  /** {@code t} with every keyword abbreviation of {@code mode} written out in full (lower case). */
  static Expansion expand(Mode mode, String[] t) {
    String[] out = t.clone();
    int start = 0;
    if (t.length > 0 && t[0].equalsIgnoreCase("no")) {
      out[0] = "no";
      start = 1;
    }
    Node n = TREES.get(mode);
    boolean abbreviated = false;
    boolean allExact = true;
    int i = start;
    for (; i < t.length && !n.children.isEmpty(); i++) {
      String word = t[i].toLowerCase(Locale.ROOT);
      Node exact = n.children.get(word);
      if (exact != null) {
        out[i] = word;
        n = exact;
        continue;
      }
      List<String> matches = new ArrayList<>(2);
      for (String k : n.children.keySet()) {
        if (k.startsWith(word)) {
          matches.add(k);
        }
      }
      if (matches.size() != 1) {
        matches.sort(null);
        String amb = matches.size() > 1
            ? "'" + t[i] + "' is ambiguous (" + String.join(", ", matches) + ")" : null;
        return new Expansion(out, amb, abbreviated, false);
      }
      out[i] = matches.get(0);
      n = n.children.get(matches.get(0));
      abbreviated = true;
      allExact = false;
    }
    return new Expansion(out, null, abbreviated, allExact && i > start && n.children.isEmpty());
  }

  private static final class Node {
    final Map<String, Node> children = new LinkedHashMap<>();
  }
}
