package dev.dmvpn.ref.config;

import dev.dmvpn.ref.bytes.Ipv4Address;

/**
 * {@code ip route <prefix> <mask> {<next-hop> | <interface> [<next-hop>]} [<distance>] [permanent]}.
 *
 * @param destination prefix and mask (no host bits set)
 * @param nextHop the next-hop address, or {@code null}
 * @param outInterface the exit interface (canonical name), or {@code null}
 * @param distance administrative distance (1 by default)
 * @param lineNumber the line it was read from
 */
public record StaticRoute(
    AddressMask destination, Ipv4Address nextHop, String outInterface, int distance, int lineNumber) {

  public boolean isDefault() {
    return destination.prefixLength() == 0;
  }
}
