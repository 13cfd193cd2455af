package dev.dmvpn.ref.wire.ip;

import dev.dmvpn.ref.bytes.Ipv4Address;

/**
 * A routing-table entry: connected (an interface, no next hop) or static (a next hop, resolved through the
 * table to an interface when used, like IOS {@code ip route 0.0.0.0 0.0.0.0 209.168.202.254}).
 *
 * @param prefix the destinations it covers
 * @param nextHop the gateway, or null for a connected route
 * @param iface the interface of a connected route, or null for a static one
 */
public record Route(Ipv4Prefix prefix, Ipv4Address nextHop, Ipv4Interface iface) {

  public Route {
    if ((nextHop == null) == (iface == null)) {
      throw new IllegalArgumentException("a route has either a next hop or an interface: " + prefix);
    }
  }

  public static Route connected(Ipv4Prefix prefix, Ipv4Interface iface) {
    return new Route(prefix, null, iface);
  }

  public static Route via(Ipv4Prefix prefix, Ipv4Address nextHop) {
    return new Route(prefix, nextHop, null);
  }

  public boolean isConnected() {
    return iface != null;
  }

  @Override
  public String toString() {
    return isConnected() ? "C " + prefix + " is directly connected, " + iface.name()
        : "S " + prefix + " via " + nextHop;
  }
}
