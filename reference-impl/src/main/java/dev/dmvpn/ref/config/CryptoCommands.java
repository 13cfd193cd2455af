package dev.dmvpn.ref.config;

import static dev.dmvpn.ref.config.Tokens.startsWith;

import dev.dmvpn.ref.bytes.Ipv4Address;
import dev.dmvpn.ref.config.Drafts.PolicyDraft;
import dev.dmvpn.ref.config.Drafts.ProfileDraft;
import dev.dmvpn.ref.config.Drafts.TransformSetDraft;
import dev.dmvpn.ref.config.ParseState.Mode;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code crypto isakmp policy|key} and {@code crypto ipsec transform-set|profile} with their sub-modes, as IOS
 * 12.3 accepts them (Security Command Reference 12.3 ranges).
 */
final class CryptoCommands {
  /**
   * Transforms IOS 12.3 to 15.x offers (12.3: des, 3des, aes, null, md5/sha HMAC, AH, LZS; 12.4T/15.x add SHA-2
   * HMACs, GCM/GMAC, SEAL); {@code esp-aes}, {@code esp-gcm} and {@code esp-gmac} may be followed by a key size.
   * Which of them the node implements is decided where the configuration is used (node.ios), not here.
   */
  private static final List<String> TRANSFORMS = List.of("esp-des", "esp-3des", "esp-aes", "esp-null",
      "esp-md5-hmac", "esp-sha-hmac", "ah-md5-hmac", "ah-sha-hmac", "comp-lzs", "esp-sha256-hmac",
      "esp-sha384-hmac", "esp-sha512-hmac", "esp-gcm", "esp-gmac", "esp-seal");
  private static final List<String> SIZED = List.of("esp-aes", "esp-gcm", "esp-gmac");
  /** Diffie-Hellman groups IOS accepts in a policy or {@code set pfs} (12.3: 1, 2, 5; 12.4T/15.x: more). */
  private static final String[] GROUPS = {"1", "2", "5", "14", "15", "16", "19", "20", "21", "24"};

  private CryptoCommands() {}

  /** Global-mode {@code crypto ...} lines; false when not one of those modelled. */
  static boolean handleGlobal(String[] t, ParseState s) {
    int n = s.line.number();
    if (startsWith(t, "crypto", "isakmp", "policy")) {
      int prio = Tokens.integer(t, 3, "ISAKMP policy priority", 1, 10000);
      Tokens.noMoreAfter(t, 3);
      s.policy = s.policies.computeIfAbsent(prio, p -> new PolicyDraft(p, n));
      s.enter(Mode.ISAKMP_POLICY, String.valueOf(prio));
    } else if (startsWith(t, "crypto", "isakmp", "key")) {
      s.keys.add(IsakmpKeyLine.parse(t, n));
    } else if (startsWith(t, "crypto", "ipsec", "transform-set")) {
      String name = Tokens.word(t, 3, "transform-set name");
      s.transformSet = new TransformSetDraft(name, n, transforms(t));
      s.transformSets.put(name, s.transformSet);
      s.enter(Mode.TRANSFORM_SET, name);
    } else if (startsWith(t, "crypto", "ipsec", "profile")) {
      String name = Tokens.word(t, 3, "profile name");
      Tokens.noMoreAfter(t, 3);
      s.profile = s.profiles.computeIfAbsent(name, p -> new ProfileDraft(p, n));
      s.enter(Mode.IPSEC_PROFILE, name);
    } else {
      return false;
    }
    return true;
  }

  /** {@code (config-isakmp)#} lines. */
  static boolean handlePolicy(String[] t, PolicyDraft p) {
    if (startsWith(t, "encryption")) {
      p.encryption = encryption(t);
    } else if (startsWith(t, "hash")) {
      p.hash = Tokens.oneOf(t, 1, "hash", "md5", "sha", "sha256", "sha384", "sha512");
      Tokens.noMoreAfter(t, 1);
    } else if (startsWith(t, "authentication")) {
      p.authentication = Tokens.oneOf(t, 1, "authentication", "pre-share", "rsa-sig", "rsa-encr", "ecdsa-sig");
      Tokens.noMoreAfter(t, 1);
    } else if (startsWith(t, "group")) {
      p.group = Integer.parseInt(exactOneOf(t, 1, "Diffie-Hellman group", GROUPS));
      Tokens.noMoreAfter(t, 1);
    } else if (startsWith(t, "lifetime")) {
      p.lifetime = Tokens.integer(t, 1, "ISAKMP lifetime (seconds)", 60, 86400);
      Tokens.noMoreAfter(t, 1);
    } else {
      return false;
    }
    return true;
  }

  /** {@code (cfg-crypto-trans)#} lines. */
  static boolean handleTransformSet(String[] t, TransformSetDraft d) {
    if (!startsWith(t, "mode")) {
      return false;
    }
    d.mode = Tokens.oneOf(t, 1, "mode", TransformSet.MODE_TUNNEL, TransformSet.MODE_TRANSPORT);
    Tokens.noMoreAfter(t, 1);
    return true;
  }

  /** {@code (ipsec-profile)#} lines. */
  static boolean handleProfile(String[] t, ProfileDraft p) {
    if (startsWith(t, "set", "transform-set")) {
      Tokens.word(t, 2, "transform-set name");
      p.transformSets.clear();
      for (int i = 2; i < t.length; i++) {
        p.transformSets.add(t[i]);
      }
      if (p.transformSets.size() > 6) {
        throw new ConfigSyntaxException("at most 6 transform sets, got " + p.transformSets.size());
      }
    } else if (startsWith(t, "set", "security-association", "lifetime", "seconds")) {
      p.seconds = Tokens.number(t, 4, "SA lifetime seconds", 120, 86400);
      Tokens.noMoreAfter(t, 4);
    } else if (startsWith(t, "set", "security-association", "lifetime", "kilobytes")) {
      p.kilobytes = Tokens.number(t, 4, "SA lifetime kilobytes", 2560, 536_870_912);
      Tokens.noMoreAfter(t, 4);
    } else if (startsWith(t, "set", "pfs")) {
      p.pfs = t.length == 2 ? 1 : Integer.parseInt(exactOneOf(t, 2, "PFS group",
          java.util.Arrays.stream(GROUPS).map(g -> "group" + g).toArray(String[]::new)).substring(5));
      Tokens.noMoreAfter(t, 2);
    } else if (startsWith(t, "description")) {
      return true;
    } else {
      return false;
    }
    return true;
  }

  /** Like {@link Tokens#oneOf} but without prefixes: a group number is a value, {@code 1} is not {@code 14}. */
  private static String exactOneOf(String[] t, int i, String what, String... allowed) {
    String text = Tokens.word(t, i, what);
    for (String a : allowed) {
      if (a.equalsIgnoreCase(text)) {
        return a;
      }
    }
    throw new ConfigSyntaxException(what + " '" + text + "' is not one of " + String.join(", ", allowed));
  }

  private static String encryption(String[] t) {
    String alg = Tokens.oneOf(t, 1, "encryption", "des", "3des", "aes");
    if (alg.equals("aes") && t.length > 2) {
      String bits = Tokens.oneOf(t, 2, "AES key size", "128", "192", "256");
      Tokens.noMoreAfter(t, 2);
      return bits.equals("128") ? "aes" : "aes " + bits;
    }
    Tokens.noMoreAfter(t, 1);
    return alg;
  }

  /** The transforms after the set name; IOS allows one AH, one ESP cipher, one ESP integrity, one compression. */
  private static List<String> transforms(String[] t) {
    List<String> out = new ArrayList<>();
    String[] known = TRANSFORMS.toArray(String[]::new);
    for (int i = 4; i < t.length; i++) {
      String x;
      try {
        x = Tokens.oneOf(t, i, "transform", known);
      } catch (ConfigSyntaxException e) {
        throw new ConfigSyntaxException("transform '" + t[i] + "' is not known (" + String.join(", ", TRANSFORMS)
            + ")");
      }
      if (SIZED.contains(x) && i + 1 < t.length && Character.isDigit(t[i + 1].charAt(0))) {
        x = x + " " + Tokens.oneOf(t, ++i, "AES key size", "128", "192", "256");
      }
      out.add(x);
    }
    if (out.isEmpty()) {
      throw new ConfigSyntaxException("a transform set needs at least one transform");
    }
    checkOnePerKind(out);
    return out;
  }

  private static void checkOnePerKind(List<String> transforms) {
    int ah = 0;
    int cipher = 0;
    int integrity = 0;
    for (String x : transforms) {
      if (x.startsWith("ah-")) {
        ah++;
      } else if (x.endsWith("-hmac")) {
        integrity++;
      } else if (x.startsWith("esp-")) {
        cipher++;
      }
    }
    if (ah > 1 || cipher > 1 || integrity > 1) {
      throw new ConfigSyntaxException("at most one AH, one ESP encryption and one ESP integrity transform");
    }
  }

  /** {@code crypto isakmp key [0|6] <key> address <address> [<mask>] [no-xauth]}. */
  static final class IsakmpKeyLine {
    private IsakmpKeyLine() {}

    static IsakmpKey parse(String[] t, int line) {
      int keyAt = SecretMasker.secretIndex(t);
      if (keyAt < 0 || keyAt >= t.length || SecretMasker.isAddressKeyword(t[keyAt])) {
        throw new ConfigSyntaxException("the pre-shared key is missing");
      }
      if (keyAt + 1 >= t.length || !SecretMasker.isAddressKeyword(t[keyAt + 1])) {
        throw new ConfigSyntaxException("the key has no 'address <peer> [<mask>]' (hostname keys are not"
            + " supported)");
      }
      Ipv4Address peer = Tokens.address(t, keyAt + 2, "peer address");
      int next = keyAt + 3;
      // IOS 15.x show running-config prints the wildcard key '... address 0.0.0.0 0.0.0.0' as '... address
      // 0.0.0.0' (real 15.4 output in the fixtures): without a mask, 0.0.0.0 means any peer, others one host
      Ipv4Address mask = peer.bits() == 0 ? new Ipv4Address(0) : new Ipv4Address(-1);
      if (next < t.length && Character.isDigit(t[next].charAt(0))) {
        mask = Tokens.mask(t, next++, "peer mask");
      }
      boolean noXauth = next < t.length && Tokens.oneOf(t, next, "key option", "no-xauth") != null;
      Tokens.noMoreAfter(t, noXauth ? next : next - 1);
      if ((peer.bits() & ~mask.bits()) != 0) {
        throw new ConfigSyntaxException("peer address " + peer + " has bits outside mask " + mask);
      }
      return new IsakmpKey(Secret.of(t[keyAt]), new AddressMask(peer, mask), noXauth, line);
    }
  }
}
