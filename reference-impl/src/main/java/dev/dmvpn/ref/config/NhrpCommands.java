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
    } else if (startsWith(t, "ip", "nhrp", "nhs") && (t.length < 4 || Character.isDigit(t[3].charAt(0)))) {
      nhs(t, d); // 'nhs dynamic|fallback|cluster' (15.x) are looked up as unsupported commands
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

  /**
   * {@code ip nhrp nhs <proto> [nbma <nbma> [multicast]]}: the 15.x form's {@code multicast} also maps the NBMA
   * address for multicast, as {@code ip nhrp map multicast <nbma>} does (DMVPN configuration guide 15M&T,
   * "ip nhrp nhs ... multicast").
   */
  private static void nhs(String[] t, NhrpDraft d) {
    Ipv4Address proto = Tokens.address(t, 3, "ip nhrp nhs");
    if (t.length == 4) {
      d.servers.add(new NhrpServerEntry(proto, null));
      return;
    }
    String option = Tokens.oneOf(t, 4, "NHS option", "nbma", "priority", "cluster");
    if (!option.equals("nbma")) {
      throw new UnsupportedCommandException("'ip nhrp nhs ... " + option + "' (NHS clusters and priorities) is not"
          + " implemented");
    }
    Ipv4Address nbma = Tokens.address(t, 5, "NHS NBMA address");
    if (t.length > 6) {
      Tokens.oneOf(t, 6, "NHS NBMA option", "multicast");
      Tokens.noMoreAfter(t, 6);
      if (!d.multicast.contains(nbma)) {
        d.multicast.add(nbma);
      }
    }
    d.servers.add(new NhrpServerEntry(proto, nbma));
  }
}
