package dev.dmvpn.ref.config;

import dev.dmvpn.ref.bytes.Ipv4Address;

/**
 * {@code network <address> [<wildcard>]} under {@code router eigrp}.
 *
 * @param address the network address as written
 * @param wildcard the wildcard mask, or {@code null} for the classful network of {@code address}
 */
public record EigrpNetwork(Ipv4Address address, Ipv4Address wildcard) {

  /** The wildcard in force: the given one, or the classful one (0.255.255.255 / 0.0.255.255 / 0.0.0.255). */
  public Ipv4Address effectiveWildcard() {
    if (wildcard != null) {
      return wildcard;
    }
    int first = address.bits() >>> 24;
    int hostBits = first < 128 ? 24 : first < 192 ? 16 : 8;
    return new Ipv4Address((1 << hostBits) - 1);
  }

  /** True when an interface address falls under this statement (the interface runs EIGRP). */
  public boolean covers(Ipv4Address interfaceAddress) {
    int care = ~effectiveWildcard().bits();
    return (interfaceAddress.bits() & care) == (address.bits() & care);
  }
}
