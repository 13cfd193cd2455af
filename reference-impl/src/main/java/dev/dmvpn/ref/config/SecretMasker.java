package dev.dmvpn.ref.config;

/**
 * Masks the secret word of configuration lines that carry one, so a line can be quoted in a problem or printed
 * without leaking it: {@code crypto isakmp key KEY ...}, {@code ip nhrp authentication KEY},
 * {@code password [N] KEY}, {@code enable secret|password [N] KEY}, {@code username U ... password|secret [N] KEY}.
 */
public final class SecretMasker {
  private SecretMasker() {}

  /** {@code line} with its secret word replaced by {@link Secret#MASK}; other lines unchanged. */
  public static String mask(String line) {
    String[] t = Tokens.split(line);
    int at = secretIndex(t);
    if (at < 0 || at >= t.length) {
      return line;
    }
    int start = indexOfToken(line, t, at);
    return line.substring(0, start) + Secret.MASK + line.substring(start + t[at].length());
  }

  /** Index of the secret token in {@code t}, or -1. */
  static int secretIndex(String[] t) {
    if (t.length >= 4 && is(t, 0, "crypto") && is(t, 1, "isakmp") && is(t, 2, "key")) {
      return skipEncryptionType(t, 3);
    }
    if (t.length >= 4 && is(t, 0, "ip") && is(t, 1, "nhrp") && is(t, 2, "authentication")) {
      return 3;
    }
    if (t.length >= 2 && is(t, 0, "password")) {
      return skipEncryptionType(t, 1);
    }
    if (t.length >= 3 && is(t, 0, "enable") && (is(t, 1, "secret") || is(t, 1, "password"))) {
      return skipEncryptionType(t, 2);
    }
    if (t.length >= 3 && is(t, 0, "username")) {
      for (int i = 2; i < t.length - 1; i++) {
        if (is(t, i, "password") || is(t, i, "secret")) {
          return skipEncryptionType(t, i + 1);
        }
      }
    }
    return -1;
  }

  /** IOS writes an optional encryption type digit (0, 5, 6, 7) before the secret. */
  private static int skipEncryptionType(String[] t, int i) {
    boolean typeDigit = t[i].length() == 1 && "0567".indexOf(t[i].charAt(0)) >= 0;
    return typeDigit && i + 1 < t.length && !is(t, i + 1, "address") ? i + 1 : i;
  }

  private static boolean is(String[] t, int i, String word) {
    return i < t.length && t[i].equalsIgnoreCase(word);
  }

  private static int indexOfToken(String line, String[] t, int index) {
    int pos = 0;
    for (int i = 0; i <= index; i++) {
      pos = line.indexOf(t[i], pos);
      if (i < index) {
        pos += t[i].length();
      }
    }
    return pos;
  }
}
