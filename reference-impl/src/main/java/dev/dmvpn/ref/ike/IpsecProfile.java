package dev.dmvpn.ref.ike;

import dev.dmvpn.ref.crypto.OakleyGroup;
import java.util.List;
import java.util.Objects;

/**
 * A {@code crypto ipsec profile}: the transform sets offered in order, the IPsec SA lifetimes and PFS.
 *
 * @param lifetimeSeconds {@code set security-association lifetime seconds} (IOS default 3600)
 * @param lifetimeKilobytes {@code ... lifetime kilobytes} (IOS default 4608000)
 * @param pfsGroup {@code set pfs groupN}: Quick Mode carries KE payloads of this group and KEYMAT includes
 *     g(qm)^xy (RFC 2409 section 5.5); null for no PFS (then, as IOS, a peer's PFS offer of group 1 or 2 is
 *     still accepted as responder)
 */
public record IpsecProfile(String name, List<TransformSet> transformSets, long lifetimeSeconds,
    long lifetimeKilobytes, OakleyGroup pfsGroup) {
  public static final long DEFAULT_LIFETIME_SECONDS = 3600;
  public static final long DEFAULT_LIFETIME_KILOBYTES = 4_608_000;

  public IpsecProfile {
    Objects.requireNonNull(name, "name");
    transformSets = List.copyOf(transformSets);
    if (transformSets.isEmpty() || transformSets.size() > 255) {
      throw new IllegalArgumentException("a profile needs 1..255 transform sets");
    }
    if (lifetimeSeconds <= 0 || lifetimeKilobytes <= 0) {
      throw new IllegalArgumentException("lifetimes must be positive");
    }
  }

  /** A profile without PFS. */
  public IpsecProfile(String name, List<TransformSet> transformSets, long lifetimeSeconds, long lifetimeKilobytes) {
    this(name, transformSets, lifetimeSeconds, lifetimeKilobytes, null);
  }

  /** This profile with {@code set pfs} (null: no PFS). */
  public IpsecProfile withPfs(OakleyGroup group) {
    return new IpsecProfile(name, transformSets, lifetimeSeconds, lifetimeKilobytes, group);
  }

  /** The document's {@code crypto ipsec profile cisco}: transform set "strong", 120 s, 4608000 KB. */
  public static IpsecProfile document() {
    return new IpsecProfile("cisco", List.of(TransformSet.document()), 120, DEFAULT_LIFETIME_KILOBYTES);
  }
}
