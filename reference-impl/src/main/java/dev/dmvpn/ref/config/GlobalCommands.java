package dev.dmvpn.ref.config;

import static dev.dmvpn.ref.config.Tokens.startsWith;

import dev.dmvpn.ref.config.Drafts.EigrpDraft;
import dev.dmvpn.ref.config.Drafts.InterfaceDraft;
import dev.dmvpn.ref.config.ParseState.Mode;

/** Global configuration mode ({@code (config)#}): the commands that enter sub-modes and the one-liners. */
final class GlobalCommands {
  private GlobalCommands() {}

  /** Applies {@code t}; false when it is not a global command this parser knows. */
  static boolean handle(String[] t, ParseState s) {
    int n = s.line.number();
    if (startsWith(t, "hostname")) {
      s.hostname = Tokens.word(t, 1, "host name");
      Tokens.noMoreAfter(t, 1);
    } else if (startsWith(t, "version")) {
      s.version = Tokens.word(t, 1, "version");
      Tokens.noMoreAfter(t, 1);
    } else if (startsWith(t, "interface")) {
      String name = InterfaceNames.canonical(Tokens.rest(t, 1).isEmpty() ? Tokens.word(t, 1, "interface name")
          : Tokens.rest(t, 1));
      s.iface = s.interfaces.computeIfAbsent(name, k -> new InterfaceDraft(k, n));
      s.enter(Mode.INTERFACE, name);
    } else if (startsWith(t, "router", "eigrp")) {
      if (t.length > 2 && !Character.isDigit(t[2].charAt(0))) {
        throw new UnsupportedCommandException("named-mode EIGRP ('router eigrp NAME', IOS 15.x) is not"
            + " implemented: only 'router eigrp <AS>'", true);
      }
      int as = Tokens.integer(t, 2, "EIGRP AS number", 1, 65535);
      Tokens.noMoreAfter(t, 2);
      s.router = s.eigrp.computeIfAbsent(as, a -> new EigrpDraft(a, n));
      s.enter(Mode.ROUTER_EIGRP, String.valueOf(as));
    } else if (startsWith(t, "ip", "route", "vrf")) {
      throw new UnsupportedCommandException("VRFs are not implemented: the node has one routing table");
    } else if (startsWith(t, "ip", "route")) {
      s.routes.add(RoutingCommands.staticRoute(t, n));
    } else if (startsWith(t, "line")) {
      Tokens.word(t, 1, "line type (con, aux, vty)");
      s.enter(Mode.LINE, Tokens.rest(t, 1));
      s.ignore("is ignored: terminal lines are not used by the peer");
    } else if (startsWith(t, "crypto")) {
      return CryptoCommands.handleGlobal(t, s);
    } else {
      return false; // ignored and unsupported commands are looked up by the parser after this
    }
    return true;
  }
}
