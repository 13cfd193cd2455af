package dev.dmvpn.ref.node.scenario;

import dev.dmvpn.ref.bytes.Ipv4Address;
import dev.dmvpn.ref.ike.IkeConfig;
import dev.dmvpn.ref.ike.IpsecProfile;
import dev.dmvpn.ref.ike.PskStore;
import dev.dmvpn.ref.ike.TransformSet;
import dev.dmvpn.ref.ipsec.EspMode;
import dev.dmvpn.ref.nhrp.engine.NhrpConfig;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * One configuration line of one of the document's routers changed, for the negative cases ("How the node fails,
 * case by case" in ARCHITECTURE.md): the router keeps everything else {@link DocumentRouters} gives it.
 *
 * @param router the router's hostname (sv9-2, sv9-3, sv9-4)
 * @param line the IOS line as it would read in the changed configuration (secrets masked), for reports
 * @param crypto changes the router's IKE configuration (after its image's)
 * @param nhrp changes the router's Tunnel0 NHRP lines before they are built
 * @param tunnelKey the router's {@code tunnel key} instead of the document's 0; {@link #KEEP_KEY} keeps it
 */
public record RouterChange(String router, String line, UnaryOperator<IkeConfig> crypto,
    UnaryOperator<NhrpConfig.Builder> nhrp, Long tunnelKey) {
  /** {@link #tunnelKey()} value meaning "the document's {@code tunnel key 0}". */
  public static final Long KEEP_KEY = -1L;

  public RouterChange {
    Objects.requireNonNull(router, "router");
    Objects.requireNonNull(line, "line");
    Objects.requireNonNull(crypto, "crypto");
    Objects.requireNonNull(nhrp, "nhrp");
  }

  /** No change: the document's configurations (the positive twin of every negative case). */
  public static RouterChange none() {
    return new RouterChange("", "(none)", UnaryOperator.identity(), UnaryOperator.identity(), KEEP_KEY);
  }

  /** {@code crypto isakmp key KEY address 0.0.0.0 0.0.0.0} on {@code router} instead of the document's key. */
  public static RouterChange preSharedKey(String router, String key) {
    return new RouterChange(router, "crypto isakmp key ***** address 0.0.0.0 0.0.0.0",
        ike -> ike.withKeys(new PskStore().add(key, Ipv4Address.ANY, Ipv4Address.ANY)), UnaryOperator.identity(),
        KEEP_KEY);
  }

  /** {@code ip nhrp authentication STRING} on {@code router}'s Tunnel0. */
  public static RouterChange nhrpAuthentication(String router, String string) {
    return new RouterChange(router, "ip nhrp authentication *****", UnaryOperator.identity(),
        b -> b.authentication(string), KEEP_KEY);
  }

  /** {@code ip nhrp network-id ID} on {@code router}'s Tunnel0. */
  public static RouterChange networkId(String router, long id) {
    return new RouterChange(router, "ip nhrp network-id " + id, UnaryOperator.identity(), b -> b.networkId(id),
        KEEP_KEY);
  }

  /** {@code tunnel key KEY} on {@code router}'s Tunnel0 ({@code null}: {@code no tunnel key}). */
  public static RouterChange tunnelKey(String router, Long key) {
    return new RouterChange(router, key == null ? "no tunnel key" : "tunnel key " + key, UnaryOperator.identity(),
        UnaryOperator.identity(), key);
  }

  /** {@code router}'s profile uses {@code set} instead of transform set strong. */
  public static RouterChange transformSet(String router, TransformSet set) {
    return new RouterChange(router, "crypto ipsec transform-set " + set.name() + " " + iosName(set.encryption())
        + " " + iosName(set.integrity()), ike -> withTransformSet(ike, set), UnaryOperator.identity(), KEEP_KEY);
  }

  /** {@code mode transport} (or {@code mode tunnel}) under {@code router}'s transform set strong. */
  public static RouterChange mode(String router, EspMode mode) {
    return new RouterChange(router, "mode " + mode.name().toLowerCase(java.util.Locale.ROOT),
        ike -> DocumentRouters.withMode(ike, mode), UnaryOperator.identity(), KEEP_KEY);
  }

  /** Whether this change applies to the router named {@code name}. */
  public boolean appliesTo(String name) {
    return router.equals(name);
  }

  /** The tunnel key {@code name} runs with, given the document's {@code documentKey}. */
  Long keyFor(String name, Long documentKey) {
    return appliesTo(name) && !KEEP_KEY.equals(tunnelKey) ? tunnelKey : documentKey;
  }

  /** The IOS transform keyword for the usual ciphers and MACs (the enum name otherwise; reports only). */
  private static String iosName(Enum<?> algorithm) {
    return switch (algorithm.name()) {
      case "DES_CBC" -> "esp-des";
      case "TDES_CBC" -> "esp-3des";
      case "AES_CBC_128" -> "esp-aes";
      case "AES_CBC_192" -> "esp-aes 192";
      case "AES_CBC_256" -> "esp-aes 256";
      case "HMAC_MD5_96" -> "esp-md5-hmac";
      case "HMAC_SHA1_96" -> "esp-sha-hmac";
      case "HMAC_SHA256_128" -> "esp-sha256-hmac";
      default -> algorithm.name();
    };
  }

  private static IkeConfig withTransformSet(IkeConfig ike, TransformSet set) {
    IpsecProfile p = ike.profile();
    return ike.withProfile(new IpsecProfile(p.name(), List.of(set), p.lifetimeSeconds(), p.lifetimeKilobytes(),
        p.pfsGroup()));
  }

  @Override
  public String toString() {
    return router.isEmpty() ? "the document's configurations" : router + ": " + line;
  }
}
