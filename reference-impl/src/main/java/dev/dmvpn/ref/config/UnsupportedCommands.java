package dev.dmvpn.ref.config;

import dev.dmvpn.ref.config.ParseState.Mode;
import java.util.ArrayList;
import java.util.List;

/**
 * Valid IOS commands for features the node does not implement, per mode (what a 12.3-15.x {@code show
 * running-config} prints around DMVPN). Each would change the node's behaviour on the wire if honoured, so it can
 * be neither read nor ignored: strict parsing rejects the line, lenient parsing warns. Rows marked as blocks open a
 * sub-mode whose indented lines belong to them and are not read (they are listed as ignored, the block's first
 * line carries the error or warning).
 */
final class UnsupportedCommands {
  private static final String PHASE3 = "DMVPN phase 3 (NHRP redirect / shortcut switching) is not implemented";
  private static final String NHRP = "this NHRP option is not implemented by the node's NHRP engine";
  private static final String ROUTING = "the node runs no dynamic routing protocol other than the document's"
      + " EIGRP (whose routes it installs as static)";
  private static final String VRF = "VRFs are not implemented: the node has one routing table";
  private static final String IKEV2 = "IKEv2 is not implemented (IKEv1 with pre-shared keys only)";
  private static final String FILTER = "packet filtering / NAT / QoS are not implemented";
  private static final String IPV6 = "IPv6 is not implemented";

  /** {phrase, reason, "block" when it opens a sub-mode}. */
  private static final String[][] GLOBAL = {
    {"router ospf", ROUTING, "block"}, {"router rip", ROUTING, "block"}, {"router bgp", ROUTING, "block"},
    {"router isis", ROUTING, "block"}, {"router odr", ROUTING, "block"},
    {"vrf definition", VRF, "block"}, {"ip vrf", VRF, "block"},
    {"crypto ikev2", IKEV2, "block"},
    {"crypto isakmp profile", "ISAKMP profiles are not implemented (one global policy/key set)", "block"},
    {"crypto keyring", "keyrings are not implemented: use 'crypto isakmp key'", "block"},
    {"crypto map", "crypto maps are not implemented: the node protects its tunnel with an IPsec profile",
      "block"},
    {"crypto dynamic-map", "crypto maps are not implemented", "block"},
    {"crypto isakmp keepalive", "DPD settings are not read from the configuration (the IKE engine's defaults"
      + " apply)", ""},
    {"crypto isakmp nat keepalive", "NAT keepalive intervals are not read from the configuration", ""},
    {"crypto isakmp invalid-spi-recovery", "invalid SPI recovery is not implemented", ""},
    {"crypto isakmp identity hostname", "only address identities are implemented", ""},
    {"crypto isakmp aggressive-mode", "aggressive mode is not implemented", ""},
    {"crypto ipsec security-association", "global IPsec SA settings are not read (set the lifetime in the"
      + " IPsec profile)", ""},
    {"crypto ipsec df-bit", "the DF bit policy is not configurable", ""},
    {"no crypto ipsec nat-transparency", "NAT-T cannot be switched off", ""},
    {"crypto call admission", "call admission control is not implemented", ""},
    {"ip nat", FILTER, ""}, {"ip access-list", FILTER, "block"}, {"access-list", FILTER, ""},
    {"class-map", FILTER, "block"}, {"policy-map", FILTER, "block"}, {"route-map", ROUTING, "block"},
    {"ip prefix-list", ROUTING, ""}, {"ipv6 unicast-routing", IPV6, ""},
    {"ip multicast-routing", "multicast routing is not implemented", ""},
  };

  private static final String[][] INTERFACE = {
    {"ip nhrp redirect", PHASE3, ""}, {"ip nhrp shortcut", PHASE3, ""},
    {"ip nhrp cache", NHRP, ""}, {"ip nhrp interest", NHRP, ""}, {"ip nhrp max-send", NHRP, ""},
    {"ip nhrp record", NHRP, ""}, {"no ip nhrp record", NHRP, ""}, {"ip nhrp responder", NHRP, ""},
    {"ip nhrp server-only", NHRP, ""}, {"ip nhrp trigger-svc", NHRP, ""}, {"ip nhrp use", NHRP, ""},
    {"ip nhrp group", NHRP, ""}, {"ip nhrp map group", NHRP, ""}, {"ip nhrp nhs dynamic", NHRP, ""},
    {"ip nhrp nhs fallback", NHRP, ""}, {"ip nhrp nhs cluster", NHRP, ""},
    {"ip nhrp registration no-reply", NHRP, ""}, {"if-state nhrp", NHRP, ""},
    {"keepalive", "GRE keepalives are not implemented", ""},
    {"tunnel path-mtu-discovery", "tunnel path MTU discovery is not implemented", ""},
    {"tunnel vrf", VRF, ""}, {"vrf forwarding", VRF, ""}, {"ip vrf forwarding", VRF, ""},
    {"tunnel checksum", "GRE checksums are not sent", ""},
    {"tunnel sequence-datagrams", "GRE sequence numbers are not sent", ""},
    {"tunnel ttl", "the tunnel TTL is fixed", ""}, {"tunnel tos", "the tunnel TOS is copied, not configurable", ""},
    {"tunnel mpls", "MPLS traffic engineering tunnels are not implemented", ""},
    {"tunnel route-via", "tunnel route-via is not implemented", ""},
    {"ip unnumbered", "unnumbered interfaces are not implemented", ""},
    {"ip nat", FILTER, ""}, {"ip access-group", FILTER, ""}, {"service-policy", FILTER, ""},
    {"ip policy", FILTER, ""}, {"ipv6", IPV6, ""},
    {"mtu", "the interface MTU is fixed at 1500 (use 'ip mtu' on the tunnel)", ""},
    {"ip pim", "multicast routing is not implemented", ""},
    {"encapsulation dot1q", "802.1Q sub-interfaces are not implemented", ""},
  };

  private static final String[][] IPSEC_PROFILE = {
    {"set isakmp-profile", "ISAKMP profiles are not implemented", ""},
    {"set ikev2-profile", IKEV2, ""},
    {"set security-association idle-time", "SA idle timers are not implemented", ""},
    {"set security-association replay", "the replay window is fixed at 64", ""},
    {"set security-association lifetime days", "SA lifetimes are read in seconds or kilobytes only", ""},
    {"set identity", "identity restrictions are not implemented", ""},
    {"responder-only", "the node always initiates when it has traffic", ""},
  };

  private static final String[][] ROUTER_EIGRP = {
    {"eigrp stub", "EIGRP stub routing is not modelled by the node's EIGRP (it would change what is advertised)", ""},
    {"redistribute", ROUTING, ""}, {"distribute-list", ROUTING, ""}, {"offset-list", ROUTING, ""},
    {"neighbor", ROUTING, ""},
  };

  private static final String[][] NONE = {};

  private UnsupportedCommands() {}

  /** The rule matching {@code t} in {@code mode}, or {@code null}. */
  static Rule find(Mode mode, String[] t) {
    for (String[] row : table(mode)) {
      if (Tokens.startsWith(t, Tokens.split(row[0]))) {
        return new Rule(row[0], row[1], !row[2].isEmpty());
      }
    }
    return null;
  }

  /** The phrases of {@code mode}, for {@link CommandWords}. */
  static List<String> phrases(Mode mode) {
    List<String> out = new ArrayList<>();
    for (String[] row : table(mode)) {
      out.add(row[0]);
    }
    return out;
  }

  /** One row: the command's leading words, why it is not supported, whether it opens a sub-mode. */
  record Rule(String phrase, String reason, boolean block) {}

  private static String[][] table(Mode mode) {
    return switch (mode) {
      case GLOBAL -> GLOBAL;
      case INTERFACE -> INTERFACE;
      case IPSEC_PROFILE -> IPSEC_PROFILE;
      case ROUTER_EIGRP -> ROUTER_EIGRP;
      default -> NONE;
    };
  }
}
