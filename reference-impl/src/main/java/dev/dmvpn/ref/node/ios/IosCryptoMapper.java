package dev.dmvpn.ref.node.ios;

import dev.dmvpn.ref.bytes.Ipv4Address;
import dev.dmvpn.ref.config.IosConfig;
import dev.dmvpn.ref.config.IosInterface;
import dev.dmvpn.ref.config.IsakmpKey;
import dev.dmvpn.ref.config.IsakmpPolicy;
import dev.dmvpn.ref.crypto.HashAlgorithm;
import dev.dmvpn.ref.crypto.Ikev1Encryption;
import dev.dmvpn.ref.crypto.OakleyGroup;
import dev.dmvpn.ref.ike.IkeConfig;
import dev.dmvpn.ref.ike.IkePolicy;
import dev.dmvpn.ref.ike.IpsecProfile;
import dev.dmvpn.ref.ike.PskStore;
import dev.dmvpn.ref.ike.TransformSet;
import dev.dmvpn.ref.ipsec.EspEncryption;
import dev.dmvpn.ref.ipsec.EspIntegrity;
import dev.dmvpn.ref.ipsec.EspMode;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code tunnel protection ipsec profile} with the {@code crypto isakmp} and {@code crypto ipsec} blocks it uses,
 * as the IKE engine's {@link IkeConfig}: every ISAKMP policy (pre-share only), every key (the most specific
 * match wins, as in IOS), the profile's transform sets in order, its lifetimes. Retransmission and NAT-T vendor
 * IDs are those of {@link IkeConfig#document}. What cannot be honoured is an error at its line.
 */
final class IosCryptoMapper {
  private final IosConfig config;
  private final PlanProblems problems;

  private IosCryptoMapper(IosConfig config, PlanProblems problems) {
    this.config = config;
    this.problems = problems;
  }

  /** The tunnel's IKE configuration, {@code null} without protection or when an error was reported. */
  static IkeConfig map(IosConfig config, IosInterface tunnel, Ipv4Address local, PlanProblems problems) {
    return new IosCryptoMapper(config, problems).map(tunnel, local);
  }

  private IkeConfig map(IosInterface tunnel, Ipv4Address local) {
    String profileName = tunnel.tunnel().protectionProfile();
    if (profileName == null) {
      if (!config.isakmpPolicies().isEmpty() || !config.ipsecProfiles().isEmpty()) {
        problems.warn(tunnel.lineNumber(), "the crypto blocks are not used: " + tunnel.name()
            + " has no 'tunnel protection ipsec profile', so GRE travels in clear");
      }
      return null;
    }
    int before = problems.list.size();
    List<IkePolicy> policies = policies();
    PskStore keys = keys();
    IpsecProfile profile = profile(profileName, tunnel);
    boolean failed = problems.list.subList(before, problems.list.size()).stream().anyMatch(p -> p.isError());
    if (failed || policies.isEmpty() || profile == null) {
      return null;
    }
    return IkeConfig.document(local).withPolicies(policies).withKeys(keys).withProfile(profile);
  }

  private List<IkePolicy> policies() {
    List<IkePolicy> out = new ArrayList<>();
    for (IsakmpPolicy p : config.isakmpPolicies()) {
      IkePolicy mapped = policy(p);
      if (mapped != null) {
        out.add(mapped);
      }
    }
    return out;
  }

  private IkePolicy policy(IsakmpPolicy p) {
    if (!p.preShared()) {
      problems.error(problems.lineIn(p.lineNumber(), "authentication"), "crypto isakmp policy " + p.priority()
          + ": authentication " + p.authentication() + " is not supported (the peer authenticates with"
          + " pre-shared keys only)");
      return null;
    }
    Ikev1Encryption enc = switch (p.encryption()) {
      case "des" -> Ikev1Encryption.DES_CBC;
      case "3des" -> Ikev1Encryption.TDES_CBC;
      case "aes" -> Ikev1Encryption.AES_128_CBC;
      case "aes 192" -> Ikev1Encryption.AES_192_CBC;
      case "aes 256" -> Ikev1Encryption.AES_256_CBC;
      default -> null;
    };
    HashAlgorithm hash = "md5".equals(p.hash()) ? HashAlgorithm.MD5 : HashAlgorithm.SHA1;
    OakleyGroup group = switch (p.group()) {
      case 1 -> OakleyGroup.MODP_768;
      case 2 -> OakleyGroup.MODP_1024;
      case 5 -> OakleyGroup.MODP_1536;
      default -> null;
    };
    if (enc == null || group == null) {
      problems.error(p.lineNumber(), "crypto isakmp policy " + p.priority() + ": encryption " + p.encryption()
          + " / group " + p.group() + " is not supported");
      return null;
    }
    return new IkePolicy(p.priority(), enc, hash, group, p.lifetimeSeconds());
  }

  private PskStore keys() {
    PskStore store = new PskStore();
    for (IsakmpKey k : config.isakmpKeys()) {
      store.add(k.key().reveal(), k.peer().address(), k.peer().mask());
    }
    return store;
  }

  private IpsecProfile profile(String name, IosInterface tunnel) {
    dev.dmvpn.ref.config.IpsecProfile p = config.findProfile(name).orElse(null);
    if (p == null) {
      problems.error(problems.lineIn(tunnel.lineNumber(), "tunnel protection"), "names no 'crypto ipsec profile "
          + name + "'");
      return null;
    }
    OakleyGroup pfs = null;
    if (p.pfsGroup() != null) {
      pfs = OakleyGroup.byId(p.pfsGroup());
      if (pfs == null) {
        problems.error(problems.lineIn(p.lineNumber(), "set pfs"), "crypto ipsec profile " + name
            + ": PFS group " + p.pfsGroup() + " is not supported (groups 1, 2, 5, 14 are)");
      }
    }
    List<TransformSet> sets = new ArrayList<>();
    for (String setName : p.transformSets()) {
      dev.dmvpn.ref.config.TransformSet ts = config.findTransformSet(setName).orElse(null);
      TransformSet mapped = ts == null ? null : transformSet(ts);
      if (mapped != null) {
        sets.add(mapped);
      } else if (ts == null) {
        problems.error(problems.lineIn(p.lineNumber(), "set transform-set"), "names no 'crypto ipsec"
            + " transform-set " + setName + "'");
      }
    }
    if (sets.isEmpty()) {
      problems.error(p.lineNumber(), "crypto ipsec profile " + name + " has no usable transform set");
      return null;
    }
    IpsecProfile profile =
        new IpsecProfile(name, sets, p.effectiveLifetimeSeconds(), p.effectiveLifetimeKilobytes());
    return pfs == null ? profile : profile.withPfs(pfs); // set pfs groupN: KE in Quick Mode, KEYMAT with g(qm)^xy
  }

  private TransformSet transformSet(dev.dmvpn.ref.config.TransformSet ts) {
    EspEncryption enc = null;
    EspIntegrity integrity = null;
    for (String x : ts.transforms()) {
      switch (x) {
        case "esp-des" -> enc = EspEncryption.DES_CBC;
        case "esp-3des" -> enc = EspEncryption.TDES_CBC;
        case "esp-aes", "esp-aes 128" -> enc = EspEncryption.AES_CBC_128;
        case "esp-aes 192" -> enc = EspEncryption.AES_CBC_192;
        case "esp-aes 256" -> enc = EspEncryption.AES_CBC_256;
        case "esp-md5-hmac" -> integrity = EspIntegrity.HMAC_MD5_96;
        case "esp-sha-hmac" -> integrity = EspIntegrity.HMAC_SHA1_96;
        default -> {
          problems.error(ts.lineNumber(), "transform-set " + ts.name() + ": '" + x + "' is not supported (ESP"
              + " with des, 3des or aes and md5 or sha HMAC only)");
          return null;
        }
      }
    }
    if (enc == null || integrity == null) {
      problems.error(ts.lineNumber(), "transform-set " + ts.name() + " needs an ESP cipher and an ESP HMAC");
      return null;
    }
    // no 'mode' line: tunnel, the IOS default (the document's debug: "encaps is 1")
    EspMode mode = dev.dmvpn.ref.config.TransformSet.MODE_TRANSPORT.equals(ts.mode()) ? EspMode.TRANSPORT
        : EspMode.TUNNEL;
    return new TransformSet(ts.name(), enc, integrity, mode);
  }
}
