package dev.dmvpn.ref.ike;

import java.util.List;
import java.util.Objects;

/**
 * A {@code crypto ipsec profile}: the transform sets offered in order and the IPsec SA lifetimes.
 *
 * @param lifetimeSeconds {@code set security-association lifetime seconds} (IOS default 3600)
 * @param lifetimeKilobytes {@code ... lifetime kilobytes} (IOS default 4608000)
 */
public record IpsecProfile(String name, List<TransformSet> transformSets, long lifetimeSeconds,
    long lifetimeKilobytes) {
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

  /** The document's {@code crypto ipsec profile cisco}: transform set "strong", 120 s, 4608000 KB. */
  public static IpsecProfile document() {
    return new IpsecProfile("cisco", List.of(TransformSet.document()), 120, DEFAULT_LIFETIME_KILOBYTES);
  }
}
