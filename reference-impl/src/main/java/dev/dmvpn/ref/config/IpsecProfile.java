package dev.dmvpn.ref.config;

import java.util.List;

/**
 * {@code crypto ipsec profile <name>} with its {@code set ...} lines.
 *
 * @param name the profile's name
 * @param lineNumber the line of {@code crypto ipsec profile}
 * @param transformSets {@code set transform-set} names in order
 * @param lifetimeSeconds {@code set security-association lifetime seconds}, or {@code null} (global default)
 * @param lifetimeKilobytes {@code set security-association lifetime kilobytes}, or {@code null}
 * @param pfsGroup {@code set pfs [groupN]} (1 when the group is omitted), or {@code null} without PFS
 */
public record IpsecProfile(
    String name, int lineNumber, List<String> transformSets, Long lifetimeSeconds, Long lifetimeKilobytes,
    Integer pfsGroup) {

  /** IOS 12.3 global defaults (the document's Quick Mode shows 4608000 KB next to the profile's 120 s). */
  public static final long DEFAULT_LIFETIME_SECONDS = 3600;
  public static final long DEFAULT_LIFETIME_KILOBYTES = 4_608_000;

  public IpsecProfile {
    transformSets = List.copyOf(transformSets);
  }

  public long effectiveLifetimeSeconds() {
    return lifetimeSeconds != null ? lifetimeSeconds : DEFAULT_LIFETIME_SECONDS;
  }

  public long effectiveLifetimeKilobytes() {
    return lifetimeKilobytes != null ? lifetimeKilobytes : DEFAULT_LIFETIME_KILOBYTES;
  }
}
