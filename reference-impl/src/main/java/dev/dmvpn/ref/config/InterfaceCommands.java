package dev.dmvpn.ref.config;

import static dev.dmvpn.ref.config.Tokens.startsWith;

import dev.dmvpn.ref.bytes.Ipv4Address;
import dev.dmvpn.ref.config.Drafts.InterfaceDraft;

/** Commands of interface configuration mode ({@code (config-if)#}). */
final class InterfaceCommands {
  private InterfaceCommands() {}

  /** Applies {@code t} to the current interface; false when it is not an interface command. */
  static boolean handle(String[] t, ParseState s) {
    InterfaceDraft d = s.iface;
    if (startsWith(t, "ip", "nhrp")) {
      return NhrpCommands.handle(t, d.nhrp, s);
    }
    if (startsWith(t, "tunnel")) {
      requireTunnel(d, t);
      return tunnel(t, d);
    }
    if (startsWith(t, "ip", "address")) {
      d.address = interfaceAddress(t);
    } else if (startsWith(t, "no", "ip", "address")) {
      Tokens.noMoreAfter(t, 2);
      d.address = null;
    } else if (startsWith(t, "shutdown") || startsWith(t, "no", "shutdown")) {
      d.shutdown = t[0].equalsIgnoreCase("shutdown");
      Tokens.noMoreAfter(t, d.shutdown ? 0 : 1);
    } else if (startsWith(t, "description")) {
      d.description = Tokens.rest(t, 1);
    } else if (startsWith(t, "ip", "mtu")) {
      d.ipMtu = Tokens.integer(t, 2, "ip mtu", 68, 17916);
      Tokens.noMoreAfter(t, 2);
    } else if (startsWith(t, "bandwidth")) {
      d.bandwidth = Tokens.integer(t, 1, "bandwidth (kbit/s)", 1, 10_000_000);
      Tokens.noMoreAfter(t, 1);
    } else if (startsWith(t, "delay")) {
      d.delay = Tokens.integer(t, 1, "delay (tens of microseconds)", 1, 16_777_215);
      Tokens.noMoreAfter(t, 1);
    } else if (startsWith(t, "ip", "tcp", "adjust-mss")) {
      d.adjustMss = Tokens.integer(t, 3, "ip tcp adjust-mss", 500, 1460);
      Tokens.noMoreAfter(t, 3);
    } else if (startsWith(t, "no", "ip", "split-horizon", "eigrp")) {
      d.noSplitHorizon.add(Tokens.integer(t, 4, "EIGRP AS number", 1, 65535));
      Tokens.noMoreAfter(t, 4);
    } else if (startsWith(t, "no", "ip", "next-hop-self", "eigrp")) {
      d.noNextHopSelf.add(Tokens.integer(t, 4, "EIGRP AS number", 1, 65535));
      Tokens.noMoreAfter(t, 4);
    } else if (startsWith(t, "ip", "hello-interval", "eigrp")) {
      d.eigrpHello.put(Tokens.integer(t, 3, "EIGRP AS number", 1, 65535),
          Tokens.integer(t, 4, "hello interval (s)", 1, 65535));
      Tokens.noMoreAfter(t, 4);
    } else if (startsWith(t, "ip", "hold-time", "eigrp")) {
      d.eigrpHold.put(Tokens.integer(t, 3, "EIGRP AS number", 1, 65535),
          Tokens.integer(t, 4, "hold time (s)", 1, 65535));
      Tokens.noMoreAfter(t, 4);
    } else {
      return ignoredOrUnknown(t, s);
    }
    return true;
  }

  private static boolean ignoredOrUnknown(String[] t, ParseState s) {
    String reason = IgnoredCommands.reason(ParseState.Mode.INTERFACE, t);
    if (reason == null) {
      return false;
    }
    s.ignore("is ignored: " + reason);
    return true;
  }

  /**
   * {@code ip address A M}: IOS refuses a network or broadcast address as the interface address ("Bad mask") and
   * secondary addresses are not modelled.
   */
  static AddressMask interfaceAddress(String[] t) {
    Ipv4Address a = Tokens.address(t, 2, "ip address");
    Ipv4Address m = Tokens.mask(t, 3, "mask");
    if (t.length > 4 && t[4].equalsIgnoreCase("secondary")) {
      throw new ConfigSyntaxException("secondary addresses are not supported");
    }
    Tokens.noMoreAfter(t, 3);
    AddressMask am = new AddressMask(a, m);
    int len = am.prefixLength();
    if (len == 0) {
      throw new ConfigSyntaxException("mask 0.0.0.0 is not valid for an interface address");
    }
    if (len <= 30 && (a.equals(am.network()) || a.equals(am.broadcast()))) {
      throw new ConfigSyntaxException("bad mask /" + len + " for address " + a + ": it is the "
          + (a.equals(am.network()) ? "network" : "broadcast") + " address of " + am.toCidr());
    }
    return am;
  }

  private static void requireTunnel(InterfaceDraft d, String[] t) {
    if (!d.isTunnel()) {
      throw new ConfigSyntaxException("'" + t[0] + " " + Tokens.word(t, 1, "tunnel setting")
          + "' applies only to Tunnel interfaces, not " + d.name);
    }
  }

  private static boolean tunnel(String[] t, InterfaceDraft d) {
    if (startsWith(t, "tunnel", "source")) {
      tunnelSource(t, d);
    } else if (startsWith(t, "tunnel", "destination")) {
      d.tunnelDestination = Tokens.address(t, 2, "tunnel destination");
      Tokens.noMoreAfter(t, 2);
    } else if (startsWith(t, "tunnel", "mode")) {
      d.tunnelMode = tunnelMode(t);
    } else if (startsWith(t, "tunnel", "key")) {
      d.tunnelKey = Tokens.number(t, 2, "tunnel key", 0, 0xFFFF_FFFFL);
      Tokens.noMoreAfter(t, 2);
    } else if (startsWith(t, "tunnel", "protection", "ipsec", "profile")) {
      d.protection = Tokens.word(t, 4, "profile name");
      if (t.length > 5) {
        // 'shared' (12.4(15)T+): one SA database for tunnels sharing a source; the node runs one tunnel, so it
        // changes nothing there
        Tokens.oneOf(t, 5, "tunnel protection option", "shared");
        Tokens.noMoreAfter(t, 5);
      }
    } else {
      return false;
    }
    return true;
  }

  private static void tunnelSource(String[] t, InterfaceDraft d) {
    String src = Tokens.word(t, 2, "tunnel source (interface or address)");
    if (Character.isDigit(src.charAt(0))) {
      d.tunnelSourceAddress = Tokens.address(t, 2, "tunnel source");
      d.tunnelSourceInterface = null;
      Tokens.noMoreAfter(t, 2);
    } else {
      d.tunnelSourceInterface = InterfaceNames.canonical(Tokens.rest(t, 2));
      d.tunnelSourceAddress = null;
    }
  }

  /** Tunnel modes IOS offers (12.3-15.x) besides the ones the node runs; their first words. */
  private static final String[] IOS_MODES = {"gre", "ipip", "ipsec", "mpls", "ipv6ip", "ipv6", "dvmrp", "eon",
    "nos", "aurp", "cayman", "iptalk", "rbscp", "udp", "l2tpv3", "vxlan", "ethernet"};

  /**
   * {@code tunnel mode gre multipoint|gre ip|ipip} are run (IOS abbreviations accepted: {@code gre mul}); the other
   * modes IOS has are unsupported (strict: error, lenient: warning); anything else is wrong.
   */
  private static String tunnelMode(String[] t) {
    String first = Tokens.oneOf(t, 2, "tunnel mode", IOS_MODES);
    String mode = first;
    if (first.equals("gre") && t.length > 3) {
      mode = "gre " + Tokens.oneOf(t, 3, "GRE tunnel mode", "multipoint", "ip", "ipv6");
      if (mode.equals("gre multipoint") && t.length > 4) {
        throw new UnsupportedCommandException("tunnel mode '" + Tokens.rest(t, 2) + "' is not supported (gre"
            + " multipoint over IPv4 only)");
      }
      Tokens.noMoreAfter(t, 3);
    } else if (t.length > 3) {
      mode = first + " " + Tokens.rest(t, 3).toLowerCase(java.util.Locale.ROOT);
    }
    if (mode.equals("gre multipoint") || mode.equals("gre ip") || mode.equals("ipip")) {
      return mode;
    }
    throw new UnsupportedCommandException("tunnel mode '" + mode + "' is not implemented (gre multipoint, gre ip,"
        + " ipip are)");
  }
}
