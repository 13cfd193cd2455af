package dev.dmvpn.ref.wire.ip;

import dev.dmvpn.ref.bytes.Ipv4Address;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A small IPv4 routing table: longest prefix match over connected and static routes, static next hops resolved
 * recursively (at most {@value #MAX_RECURSION} levels) to a connected interface. Linear search: tables here hold
 * a handful of routes.
 */
public final class RoutingTable {
  /** Where a packet goes: out of {@code iface} to the link-layer neighbour {@code nextHop}. */
  public record NextHop(Ipv4Interface iface, Ipv4Address nextHop) {}

  static final int MAX_RECURSION = 4;
  private final List<Route> routes = new ArrayList<>();

  /** Adds a route; a route for the same prefix and next hop/interface is not added twice. */
  public void add(Route route) {
    if (!routes.contains(route)) {
      routes.add(route);
      routes.sort(Comparator.comparingInt((Route r) -> r.prefix().length()).reversed());
    }
  }

  public boolean remove(Route route) {
    return routes.remove(route);
  }

  /** Adds a connected route for each address of {@code iface}. */
  public void addConnected(Ipv4Interface iface) {
    for (InterfaceAddress a : iface.addresses()) {
      add(Route.connected(a.subnet(), iface));
    }
  }

  /** Routes, longest prefix first. */
  public List<Route> routes() {
    return List.copyOf(routes);
  }

  /** The longest-prefix route covering {@code destination}, or null. */
  public Route longestMatch(Ipv4Address destination) {
    for (Route r : routes) {
      if (r.prefix().contains(destination)) {
        return r;
      }
    }
    return null;
  }

  /** The interface and link-layer next hop for {@code destination}, or null when unroutable. */
  public NextHop resolve(Ipv4Address destination) {
    Ipv4Address target = destination;
    for (int depth = 0; depth <= MAX_RECURSION; depth++) {
      Route r = longestMatch(target);
      if (r == null) {
        return null;
      }
      if (r.isConnected()) {
        return new NextHop(r.iface(), target);
      }
      target = r.nextHop();
    }
    return null; // a next hop loop, or too deep
  }
}
