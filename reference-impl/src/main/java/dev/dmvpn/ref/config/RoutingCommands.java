package dev.dmvpn.ref.config;

import static dev.dmvpn.ref.config.Tokens.startsWith;

import dev.dmvpn.ref.bytes.Ipv4Address;
import dev.dmvpn.ref.config.Drafts.EigrpDraft;

/** {@code ip route} and the {@code router eigrp} sub-mode. */
final class RoutingCommands {
  private RoutingCommands() {}

  /** {@code (config-router)#} lines of {@code router eigrp}. */
  static boolean handleEigrp(String[] t, EigrpDraft d, ParseState s) {
    if (startsWith(t, "network")) {
      Ipv4Address a = Tokens.address(t, 1, "network");
      Ipv4Address w = t.length > 2 ? Tokens.wildcard(t, 2, "wildcard") : null;
      Tokens.noMoreAfter(t, t.length > 2 ? 2 : 1);
      d.networks.add(new EigrpNetwork(a, w));
    } else if (startsWith(t, "no", "auto-summary") || startsWith(t, "auto-summary")) {
      d.autoSummary = t[0].equalsIgnoreCase("auto-summary");
      Tokens.noMoreAfter(t, d.autoSummary ? 0 : 1);
    } else if (startsWith(t, "passive-interface")) {
      d.passive.add(InterfaceNames.canonical(Tokens.rest(t, 1)));
    } else {
      String reason = IgnoredCommands.reason(ParseState.Mode.ROUTER_EIGRP, t);
      if (reason == null) {
        return false;
      }
      s.ignore("is ignored: " + reason);
    }
    return true;
  }

  /** {@code ip route <prefix> <mask> {<next-hop> | <interface> [<next-hop>]} [<distance>] [permanent]}. */
  static StaticRoute staticRoute(String[] t, int line) {
    Ipv4Address prefix = Tokens.address(t, 2, "route prefix");
    Ipv4Address mask = Tokens.mask(t, 3, "route mask");
    if ((prefix.bits() & ~mask.bits()) != 0) {
      throw new ConfigSyntaxException("inconsistent address and mask: " + prefix + " has bits outside " + mask);
    }
    String target = Tokens.word(t, 4, "next hop or interface");
    int i = 4;
    Ipv4Address nextHop = null;
    String out = null;
    if (Character.isDigit(target.charAt(0))) {
      nextHop = Tokens.address(t, i++, "next hop");
    } else {
      out = InterfaceNames.canonical(target);
      i++;
      if (i < t.length && t[i].contains(".")) {
        nextHop = Tokens.address(t, i++, "next hop");
      }
    }
    int distance = 1;
    if (i < t.length && Character.isDigit(t[i].charAt(0))) {
      distance = Tokens.integer(t, i++, "administrative distance", 1, 255);
    }
    if (i < t.length && t[i].equalsIgnoreCase("permanent")) {
      i++;
    }
    Tokens.noMoreAfter(t, i - 1);
    return new StaticRoute(new AddressMask(prefix, mask), nextHop, out, distance, line);
  }
}
