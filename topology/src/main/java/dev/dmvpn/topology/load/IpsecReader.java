package dev.dmvpn.topology.load;

import dev.dmvpn.topology.IpsecSpec;
import dev.dmvpn.topology.SecretRef;
import dev.dmvpn.topology.load.DmvpnReader.Section;
import dev.dmvpn.topology.load.YamlNode.Mapping;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code dmvpn.ipsec}: the ISAKMP policy, the pre-shared key (a reference), the transform set and the profile.
 * Values are IOS 12.3 keywords; omitted ISAKMP values take the IOS defaults (des, sha, group 1, 86400 s), which
 * is also why IOS does not print them.
 */
final class IpsecReader {
  static final String DEFAULT_ENCRYPTION = "des";
  static final String DEFAULT_HASH = "sha";
  static final int DEFAULT_GROUP = 1;
  static final int DEFAULT_LIFETIME = 86400;
  private static final List<String> ENCRYPTIONS = List.of("des", "3des", "aes", "aes 192", "aes 256");
  private static final List<String> HASHES = List.of("md5", "sha");
  private static final List<String> TRANSFORMS = List.of("esp-des", "esp-3des", "esp-aes", "esp-aes 192",
      "esp-aes 256", "esp-null", "esp-md5-hmac", "esp-sha-hmac", "ah-md5-hmac", "ah-sha-hmac");

  private final Fields f;
  private final SecretRefReader secrets;

  IpsecReader(Fields f, SecretRefReader secrets) {
    this.f = f;
    this.secrets = secrets;
  }

  Optional<IpsecSpec> read(Section s) {
    Mapping m = s.mapping();
    String p = s.path();
    f.onlyKeys(m, p, Set.of("isakmp", "pre_shared_key", "transform_set", "profile", Fields.FILLED));
    Optional<SecretRef> psk = secrets.secret(m, p, "pre_shared_key", true);
    Optional<Mapping> isakmp = sub(m, p, "isakmp");
    Optional<Mapping> ts = sub(m, p, "transform_set");
    Optional<Mapping> profile = sub(m, p, "profile");
    if (psk.isEmpty() || isakmp.isEmpty() || ts.isEmpty() || profile.isEmpty()) {
      return Optional.empty();
    }
    String ip = p + ".isakmp";
    f.onlyKeys(isakmp.get(), ip, Set.of("priority", "encryption", "hash", "authentication", "group", "lifetime"));
    var priority = f.integer(isakmp.get(), ip, "priority", true, 1, 10000);
    String encryption = word(isakmp.get(), ip, "encryption", ENCRYPTIONS).orElse(DEFAULT_ENCRYPTION);
    String hash = word(isakmp.get(), ip, "hash", HASHES).orElse(DEFAULT_HASH);
    var auth = word(isakmp.get(), ip, "authentication", List.of("pre-share"));
    int group = f.integer(isakmp.get(), ip, "group", false, 1, 5).filter(g -> groupOk(g, isakmp.get(), ip))
        .orElse(DEFAULT_GROUP);
    int lifetime = f.integer(isakmp.get(), ip, "lifetime", false, 60, 86400).orElse(DEFAULT_LIFETIME);
    if (isakmp.get().entries().containsKey("authentication") && auth.isEmpty()) {
      return Optional.empty();
    }
    String tp = p + ".transform_set";
    f.onlyKeys(ts.get(), tp, Set.of("name", "transforms", "mode"));
    var tsName = f.string(ts.get(), tp, "name", true);
    List<String> transforms = transforms(ts.get(), tp);
    var mode = word(ts.get(), tp, "mode", List.of("tunnel", "transport"));
    String pp = p + ".profile";
    f.onlyKeys(profile.get(), pp, Set.of("name", "sa_lifetime_seconds"));
    var profileName = f.string(profile.get(), pp, "name", true);
    var saLifetime = f.integer(profile.get(), pp, "sa_lifetime_seconds", false, 120, 86400);
    if (priority.isEmpty() || tsName.isEmpty() || transforms.isEmpty() || profileName.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new IpsecSpec(priority.get(), encryption, hash, auth.orElse("pre-share"), group, lifetime,
        psk.get(), tsName.get(), transforms, mode, profileName.get(), saLifetime));
  }

  /** IOS 12.3 offers Diffie-Hellman groups 1, 2 and 5. */
  private boolean groupOk(int group, Mapping m, String path) {
    if (group == 1 || group == 2 || group == 5) {
      return true;
    }
    f.error(m.entries().get("group").keyLine(), path + ".group", group + " is not one of: 1, 2, 5");
    return false;
  }

  private Optional<Mapping> sub(Mapping m, String path, String key) {
    return f.value(m, path, key, true).flatMap(n -> f.mapping(n, path + "." + key));
  }

  private Optional<String> word(Mapping m, String path, String key, List<String> allowed) {
    return f.string(m, path, key, false).flatMap(w -> {
      if (allowed.contains(w)) {
        return Optional.of(w);
      }
      f.error(m.entries().get(key).keyLine(), path + "." + key,
          "'" + w + "' is not one of: " + String.join(", ", allowed));
      return Optional.empty();
    });
  }

  private List<String> transforms(Mapping m, String path) {
    if (!m.entries().containsKey("transforms")) {
      f.error(m.line(), path + ".transforms", "required field is missing");
      return List.of();
    }
    List<String> out = f.strings(m, path, "transforms");
    for (String t : out) {
      if (!TRANSFORMS.contains(t)) {
        f.error(m.entries().get("transforms").keyLine(), path + ".transforms",
            "'" + t + "' is not an IOS 12.3 transform: " + String.join(", ", TRANSFORMS));
        return List.of();
      }
    }
    if (out.isEmpty()) {
      f.error(m.entries().get("transforms").keyLine(), path + ".transforms", "at least one transform is needed");
    }
    return out;
  }
}
