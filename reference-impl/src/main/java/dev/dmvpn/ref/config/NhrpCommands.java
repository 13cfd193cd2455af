package dev.dmvpn.ref.config;

import static dev.dmvpn.ref.config.Tokens.startsWith;

import dev.dmvpn.ref.bytes.Ipv4Address;
import dev.dmvpn.ref.config.Drafts.NhrpDraft;

/** The {@code ip nhrp ...} interface commands of IOS 12.3 (and the later {@code nhs ... nbma} form). */
final class NhrpCommands {
  /** IOS keeps at most 8 characters of the NHRP password (the cleartext authentication extension). */
  static final int MAX_PASSWORD = 8;

  private NhrpCommands() {}

  static boolean handle(String[] t, NhrpDraft d, ParseState s) {
    if (startsWith(t, "ip", "nhrp", "authentication")) {
      String pw = Tokens.word(t, 3, "NHRP password");
      Tokens.noMoreAfter(t, 3);
      if (pw.length() > MAX_PASSWORD) {
        throw new ConfigSyntaxException("the NHRP password is " + pw.length() + " characters, at most "
            + MAX_PASSWORD + " are allowed");
      }
      d.authentication = Secret.of(pw);
    } else if (startsWith(t, "ip", "nhrp", "map", "multicast")) {
      multicast(t, d);
    } else if (startsWith(t, "ip", "nhrp", "map")) {
      Ipv4Address proto = Tokens.address(t, 3, "NHRP map protocol address");
      Ipv4Address nbma = Tokens.address(t, 4, "NHRP map NBMA address");
      Tokens.noMoreAfter(t, 4);
      d.maps.removeIf(m -> m.protocol().equals(proto));
      d.maps.add(new NhrpStaticMap(proto, nbma));
    } else if (startsWith(t, "ip", "nhrp", "network-id")) {
      d.networkId = Tokens.number(t, 3, "ip nhrp network-id", 1, 0xFFFF_FFFFL);
      Tokens.noMoreAfter(t, 3);
    } else if (startsWith(t, "ip", "nhrp", "nhs")) {
      d.servers.add(nhs(t));
    } else if (startsWith(t, "ip", "nhrp", "holdtime")) {
      d.holdtime = Tokens.integer(t, 3, "ip nhrp holdtime", 1, 65535);
      Tokens.noMoreAfter(t, 3);
    } else if (startsWith(t, "ip", "nhrp", "registration", "timeout")) {
      d.registrationTimeout = Tokens.integer(t, 4, "ip nhrp registration timeout", 1, 65535);
      Tokens.noMoreAfter(t, 4);
    } else if (startsWith(t, "ip", "nhrp", "registration", "no-unique")) {
      Tokens.noMoreAfter(t, 3);
      d.noUnique = true;
    } else {
      return false;
    }
    return true;
  }

  private static void multicast(String[] t, NhrpDraft d) {
    if (Tokens.word(t, 4, "NBMA address or 'dynamic'").equalsIgnoreCase("dynamic")) {
      d.multicastDynamic = true;
    } else {
      Ipv4Address nbma = Tokens.address(t, 4, "NHRP multicast NBMA address");
      if (!d.multicast.contains(nbma)) {
        d.multicast.add(nbma);
      }
    }
    Tokens.noMoreAfter(t, 4);
  }

  private static NhrpServerEntry nhs(String[] t) {
    Ipv4Address proto = Tokens.address(t, 3, "ip nhrp nhs");
    if (t.length == 4) {
      return new NhrpServerEntry(proto, null);
    }
    if (t[4].equalsIgnoreCase("nbma")) {
      Ipv4Address nbma = Tokens.address(t, 5, "NHS NBMA address");
      Tokens.noMoreAfter(t, 5);
      return new NhrpServerEntry(proto, nbma);
    }
    throw new ConfigSyntaxException("unexpected '" + t[4] + "' after the NHS address (only 'nbma <address>')");
  }
}
