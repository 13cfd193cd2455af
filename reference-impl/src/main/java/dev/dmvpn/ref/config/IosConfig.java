package dev.dmvpn.ref.config;

import java.util.List;
import java.util.Optional;

/**
 * A parsed IOS configuration: the parts the DMVPN harness uses, plus every line as read.
 *
 * @param hostname {@code hostname}, or {@code null}
 * @param version {@code version} (e.g. {@code 12.3}), or {@code null}
 * @param interfaces in order of appearance
 * @param isakmpPolicies {@code crypto isakmp policy} blocks in order of appearance
 * @param isakmpKeys {@code crypto isakmp key} lines
 * @param transformSets {@code crypto ipsec transform-set} blocks
 * @param ipsecProfiles {@code crypto ipsec profile} blocks
 * @param staticRoutes {@code ip route} lines
 * @param eigrp {@code router eigrp} blocks
 * @param rawLines every line of the input with its number (secrets in clear: see {@link ConfigLine})
 */
public record IosConfig(
    String hostname,
    String version,
    List<IosInterface> interfaces,
    List<IsakmpPolicy> isakmpPolicies,
    List<IsakmpKey> isakmpKeys,
    List<TransformSet> transformSets,
    List<IpsecProfile> ipsecProfiles,
    List<StaticRoute> staticRoutes,
    List<EigrpProcess> eigrp,
    List<ConfigLine> rawLines) {

  public IosConfig {
    interfaces = List.copyOf(interfaces);
    isakmpPolicies = List.copyOf(isakmpPolicies);
    isakmpKeys = List.copyOf(isakmpKeys);
    transformSets = List.copyOf(transformSets);
    ipsecProfiles = List.copyOf(ipsecProfiles);
    staticRoutes = List.copyOf(staticRoutes);
    eigrp = List.copyOf(eigrp);
    rawLines = List.copyOf(rawLines);
  }

  /** The interface with this name; abbreviations such as {@code Tu0} or {@code fa0/0} are accepted. */
  public Optional<IosInterface> findInterface(String name) {
    String canonical = InterfaceNames.canonicalOrSelf(name);
    return interfaces.stream().filter(i -> i.name().equals(canonical)).findFirst();
  }

  /** The interface with this name, or {@link IllegalArgumentException} listing the ones there are. */
  public IosInterface requireInterface(String name) {
    return findInterface(name).orElseThrow(() -> new IllegalArgumentException(
        "no interface " + name + " in the configuration (has: "
            + String.join(", ", interfaces.stream().map(IosInterface::name).toList()) + ")"));
  }

  public Optional<IpsecProfile> findProfile(String name) {
    return ipsecProfiles.stream().filter(p -> p.name().equals(name)).findFirst();
  }

  public Optional<TransformSet> findTransformSet(String name) {
    return transformSets.stream().filter(t -> t.name().equals(name)).findFirst();
  }

  public Optional<EigrpProcess> findEigrp(int asNumber) {
    return eigrp.stream().filter(e -> e.asNumber() == asNumber).findFirst();
  }

  /** Tunnel interfaces in order. */
  public List<IosInterface> tunnels() {
    return interfaces.stream().filter(IosInterface::isTunnel).toList();
  }

  /** A summary without the raw lines (which are long); secrets are masked in any case. */
  @Override
  public String toString() {
    return "IosConfig[hostname=" + hostname + ", version=" + version + ", interfaces=" + interfaces
        + ", isakmpPolicies=" + isakmpPolicies + ", isakmpKeys=" + isakmpKeys + ", transformSets="
        + transformSets + ", ipsecProfiles=" + ipsecProfiles + ", staticRoutes=" + staticRoutes + ", eigrp="
        + eigrp + ", rawLines=" + rawLines.size() + " lines]";
  }
}
