package dev.dmvpn.virtualrack.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * The MD5-based crypt ({@code $1$salt$hash}, Poul-Henning Kamp's FreeBSD algorithm) that IOS prints for
 * {@code enable secret 5} and {@code username ... secret 5}; IOS uses a four-character salt.
 */
public final class Md5Crypt {
  private static final String ITOA64 = "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  private static final String MAGIC = "$1$";
  private static final SecureRandom RANDOM = new SecureRandom();

  private Md5Crypt() {}

  /** A new hash with a random four-character salt. */
  public static String hash(String password) {
    StringBuilder salt = new StringBuilder();
    for (int i = 0; i < 4; i++) {
      salt.append(ITOA64.charAt(RANDOM.nextInt(64)));
    }
    return crypt(password, salt.toString());
  }

  /** True when {@code password} hashes to {@code stored} ({@code $1$salt$hash}). */
  public static boolean matches(String password, String stored) {
    if (!stored.startsWith(MAGIC)) {
      return false;
    }
    int end = stored.indexOf('$', MAGIC.length());
    if (end < 0) {
      return false;
    }
    return MessageDigest.isEqual(crypt(password, stored.substring(MAGIC.length(), end)).getBytes(
        StandardCharsets.US_ASCII), stored.getBytes(StandardCharsets.US_ASCII));
  }

  public static String crypt(String password, String salt) {
    byte[] pw = password.getBytes(StandardCharsets.UTF_8);
    byte[] sl = salt.getBytes(StandardCharsets.US_ASCII);
    MessageDigest ctx = md5();
    ctx.update(pw);
    ctx.update(MAGIC.getBytes(StandardCharsets.US_ASCII));
    ctx.update(sl);
    MessageDigest alt = md5();
    alt.update(pw);
    alt.update(sl);
    alt.update(pw);
    byte[] fin = alt.digest();
    for (int left = pw.length; left > 0; left -= 16) {
      ctx.update(fin, 0, Math.min(16, left));
    }
    for (int i = pw.length; i != 0; i >>>= 1) {
      if ((i & 1) != 0) {
        ctx.update((byte) 0);
      } else {
        ctx.update(pw.length > 0 ? pw[0] : 0);
      }
    }
    fin = ctx.digest();
    for (int i = 0; i < 1000; i++) {
      MessageDigest r = md5();
      r.update((i & 1) != 0 ? pw : fin);
      if (i % 3 != 0) {
        r.update(sl);
      }
      if (i % 7 != 0) {
        r.update(pw);
      }
      r.update((i & 1) != 0 ? fin : pw);
      fin = r.digest();
    }
    StringBuilder out = new StringBuilder(MAGIC).append(salt).append('$');
    int[][] groups = {{0, 6, 12}, {1, 7, 13}, {2, 8, 14}, {3, 9, 15}, {4, 10, 5}};
    for (int[] g : groups) {
      to64(out, ((fin[g[0]] & 0xff) << 16) | ((fin[g[1]] & 0xff) << 8) | (fin[g[2]] & 0xff), 4);
    }
    to64(out, fin[11] & 0xff, 2);
    return out.toString();
  }

  private static void to64(StringBuilder out, int v, int n) {
    for (int i = 0; i < n; i++) {
      out.append(ITOA64.charAt(v & 0x3f));
      v >>>= 6;
    }
  }

  private static MessageDigest md5() {
    try {
      return MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JVM has no MD5", e);
    }
  }
}
