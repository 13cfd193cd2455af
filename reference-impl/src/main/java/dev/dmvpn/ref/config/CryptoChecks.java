package dev.dmvpn.ref.config;

import dev.dmvpn.ref.config.ConfigProblem.Severity;

/** Checks of the crypto blocks: profiles name transform sets, pre-shared policies have keys. */
final class CryptoChecks {
  private CryptoChecks() {}

  static void check(IosConfig c, IosConfigValidator v) {
    for (IpsecProfile p : c.ipsecProfiles()) {
      String who = "crypto ipsec profile " + p.name();
      if (p.transformSets().isEmpty()) {
        v.add(p.lineNumber(), Severity.ERROR, who + " has no 'set transform-set'");
      }
      for (String ts : p.transformSets()) {
        if (c.findTransformSet(ts).isEmpty()) {
          v.add(v.lineIn(p.lineNumber(), "set transform-set"), Severity.ERROR, who + ": 'set transform-set "
              + ts + "' names no 'crypto ipsec transform-set " + ts + "' in the configuration");
        }
      }
    }
    boolean protectedTunnel = c.tunnels().stream().anyMatch(t -> t.tunnel().protectionProfile() != null);
    boolean preShare = c.isakmpPolicies().stream().anyMatch(IsakmpPolicy::preShared);
    if (protectedTunnel && c.isakmpPolicies().isEmpty()) {
      v.add(0, Severity.ERROR, "a tunnel uses 'tunnel protection' but there is no 'crypto isakmp policy'"
          + " (the IOS default policy authenticates with rsa-sig, which needs certificates)");
    }
    if (preShare && c.isakmpKeys().isEmpty()) {
      for (IsakmpPolicy p : c.isakmpPolicies()) {
        if (p.preShared()) {
          v.add(v.lineIn(p.lineNumber(), "authentication pre-share"), Severity.ERROR, "crypto isakmp policy "
              + p.priority() + " authenticates with pre-share but there is no 'crypto isakmp key'");
        }
      }
    }
    if (!preShare && !c.isakmpKeys().isEmpty()) {
      v.add(c.isakmpKeys().get(0).lineNumber(), Severity.WARNING,
          "'crypto isakmp key' is never used: no 'crypto isakmp policy' has 'authentication pre-share'");
    }
  }
}
