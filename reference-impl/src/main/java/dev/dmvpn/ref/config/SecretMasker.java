package dev.dmvpn.ref.config;

/**
 * Masks the secret word of configuration lines that carry one, so a line can be quoted in a problem or printed
 * without leaking it: {@code crypto isakmp key KEY ...}, {@code ip nhrp authentication KEY},
 * {@code password [N] KEY}, {@code enable secret|password [N] KEY}, {@code username U ... password|secret [N] KEY},
 * {@code key-string [N] KEY}, keyring {@code pre-shared-key [address A [M]] key KEY} and IKEv2 {@code pre-shared-key
 * [local|remote] [N] KEY}, {@code ip ospf authentication-key [N] KEY}, {@code ip ospf message-digest-key I md5 [N]
 * KEY}, {@code snmp-server community KEY}, {@code tacacs-server|radius-server key [N] KEY}. Keywords may be
 * abbreviated as IOS allows ({@code cry isa key KEY ...}); a word matches a keyword when it is a prefix of it, at
 * least two letters for the first word, so that masking errs towards hiding.
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
    if (t.length >= 4 && first(t, "crypto") && is(t, 1, "isakmp") && is(t, 2, "key")) {
      return skipEncryptionType(t, 3);
    }
    if (t.length >= 4 && first(t, "ip") && is(t, 1, "nhrp") && is(t, 2, "authentication")) {
      return 3;
    }
    if (t.length >= 4 && first(t, "ip") && is(t, 1, "ospf") && is(t, 2, "authentication-key")) {
      return skipEncryptionType(t, 3);
    }
    if (t.length >= 6 && first(t, "ip") && is(t, 1, "ospf") && is(t, 2, "message-digest-key") && is(t, 4, "md5")) {
      return skipEncryptionType(t, 5);
    }
    // 'key-string' needs 'key-': 'key chain NAME' is not a secret
    if (t.length >= 2 && (first(t, "password") || (t[0].length() >= 4 && first(t, "key-string")))) {
      return skipEncryptionType(t, 1);
    }
    if (t.length >= 2 && first(t, "pre-shared-key")) {
      for (int i = 1; i < t.length - 1; i++) {
        if (t[i].equalsIgnoreCase("key")) {
          return skipEncryptionType(t, i + 1);
        }
      }
      int at = is(t, 1, "local") || is(t, 1, "remote") ? 2 : 1;
      return at < t.length && !t[at].equalsIgnoreCase("address") ? skipEncryptionType(t, at) : -1;
    }
    if (t.length >= 3 && first(t, "snmp-server") && is(t, 1, "community")) {
      return 2;
    }
    if (t.length >= 3 && (first(t, "tacacs-server") || first(t, "radius-server")) && is(t, 1, "key")) {
      return skipEncryptionType(t, 2);
    }
    if (t.length >= 3 && first(t, "enable") && (is(t, 1, "secret") || is(t, 1, "password"))) {
      return skipEncryptionType(t, 2);
    }
    if (t.length >= 3 && first(t, "username")) {
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
    return typeDigit && i + 1 < t.length && !isAddressKeyword(t[i + 1]) ? i + 1 : i;
  }

  /** {@code address} or its abbreviation ({@code add}); also used to find the key's end. */
  static boolean isAddressKeyword(String word) {
    return !word.isEmpty() && word.length() <= 7 && "address".regionMatches(true, 0, word, 0, word.length());
  }

  /** Word {@code i} is {@code word} or an abbreviation of it. */
  private static boolean is(String[] t, int i, String word) {
    return i < t.length && !t[i].isEmpty() && t[i].length() <= word.length()
        && word.regionMatches(true, 0, t[i], 0, t[i].length());
  }

  /** The first word is {@code word} or an abbreviation of at least two letters. */
  private static boolean first(String[] t, String word) {
    return t.length > 0 && (t[0].length() >= 2 || t[0].equalsIgnoreCase(word)) && is(t, 0, word);
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
