package dev.dmvpn.virtualrack.session;

import dev.dmvpn.virtualrack.config.ConfigItem;
import dev.dmvpn.virtualrack.config.Md5Crypt;
import dev.dmvpn.virtualrack.router.EmulatedRouter;

/**
 * Password checks against the running configuration: {@code enable secret 5 $1$...} wins over
 * {@code enable password} (IOS ignores the password when a secret is set); {@code username U password P} and
 * {@code username U secret 5 H} for {@code login local}.
 */
final class Credentials {
  private Credentials() {}

  static boolean enableConfigured(EmulatedRouter r) {
    return r.global("enable secret") != null || r.global("enable password") != null;
  }

  static boolean hasSecret(EmulatedRouter r) {
    return r.global("enable secret") != null;
  }

  static boolean enableMatches(EmulatedRouter r, String typed) {
    String secret = r.global("enable secret");
    if (secret != null) {
      return Md5Crypt.matches(typed, secret.substring("enable secret 5 ".length()));
    }
    String password = r.global("enable password");
    return password != null && password.substring("enable password ".length()).equals(typed);
  }

  static boolean userMatches(EmulatedRouter r, String user, String typed) {
    synchronized (r) {
      ConfigItem u = r.running().find("username " + user);
      if (u == null) {
        return false;
      }
      String rest = u.text().substring(("username " + user + " ").length());
      if (rest.startsWith("secret 5 ")) {
        return Md5Crypt.matches(typed, rest.substring("secret 5 ".length()));
      }
      return rest.startsWith("password ") && rest.substring("password ".length()).equals(typed);
    }
  }
}
