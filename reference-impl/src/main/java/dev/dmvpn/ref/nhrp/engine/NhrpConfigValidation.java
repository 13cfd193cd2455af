package dev.dmvpn.ref.nhrp.engine;

import dev.dmvpn.ref.bytes.Ipv4Address;
import java.util.List;
import java.util.Map;

/** The checks behind {@link NhrpConfig}'s constructor; messages name the IOS command at fault. */
final class NhrpConfigValidation {
  private NhrpConfigValidation() {}

  static void check(
      Ipv4Address tunnel, int prefixLength, Ipv4Address nbma, long networkId, String password,
      int holdtime, int registrationTimeout, int mtu) {
    require(tunnel != null, "tunnel address is required");
    require(nbma != null, "NBMA address (tunnel source) is required");
    require(prefixLength >= 1 && prefixLength <= 32,
        "tunnel prefix length must be 1-32, got " + prefixLength);
    require(networkId >= 1 && networkId <= 0xFFFF_FFFFL,
        "ip nhrp network-id must be 1-4294967295, got " + networkId);
    checkPassword(password);
    require(holdtime >= 1 && holdtime <= 0xFFFF,
        "ip nhrp holdtime must be 1-65535 seconds (16-bit CIE field), got " + holdtime);
    require(registrationTimeout >= 1 && registrationTimeout <= holdtime,
        "ip nhrp registration timeout must be 1.." + holdtime + " (the holdtime), got " + registrationTimeout);
    require(mtu >= 68 && mtu <= 0xFFFF, "MTU must be 68-65535, got " + mtu);
  }

  static void checkNhs(List<NhrpNhs> nhs, Map<Ipv4Address, Ipv4Address> maps) {
    for (NhrpNhs n : nhs) {
      require(n.nbma() != null || maps.containsKey(n.protocol()),
          "ip nhrp nhs " + n.protocol() + " has no NBMA address: add 'ip nhrp map " + n.protocol()
              + " <nbma>' or 'ip nhrp nhs " + n.protocol() + " nbma <nbma>'");
    }
  }

  private static void checkPassword(String password) {
    if (password == null) {
      return;
    }
    require(!password.isEmpty(), "ip nhrp authentication: password must not be empty");
    require(password.length() <= NhrpConfig.MAX_PASSWORD,
        "ip nhrp authentication: password '" + password + "' is " + password.length()
            + " characters, at most " + NhrpConfig.MAX_PASSWORD + " allowed");
    for (int i = 0; i < password.length(); i++) {
      char c = password.charAt(i);
      require(c > 0x20 && c < 0x7F,
          "ip nhrp authentication: password character " + i + " is not printable ASCII");
    }
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }
}
