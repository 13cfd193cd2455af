package dev.dmvpn.ref.node;

import dev.dmvpn.ref.bytes.Ipv4Address;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A node's IPv4 routing table: longest prefix match; next hops resolved recursively (at most
 * {@value #MAX_RECURSION} levels) down to a connected interface. For one prefix the first route added wins
 * ties (connected before static when added first). Linear search: a node holds a handful of routes.
 */
public final class NodeRoutingTable {
  /** Where a packet goes: out of {@code iface} to {@code nextHop} (the destination itself when connected). */
  public record Hop(NodeInterface iface, Ipv4Address nextHop) {}

  static final int MAX_RECURSION = 4;
  private final List<NodeRoute> routes = new ArrayList<>();

  public synchronized void add(NodeRoute route) {
    if (!routes.contains(route)) {
      routes.add(route);
      routes.sort(Comparator.comparingInt((NodeRoute r) -> r.prefix().length()).reversed());
    }
  }

  public synchronized boolean remove(NodeRoute route) {
    return routes.remove(route);
  }

  /** Routes, longest prefix first. */
  public synchronized List<NodeRoute> routes() {
    return List.copyOf(routes);
  }

  /** The longest-prefix route covering {@code destination}, or {@code null}. */
  public synchronized NodeRoute longestMatch(Ipv4Address destination) {
    for (NodeRoute r : routes) {
      if (r.prefix().contains(destination)) {
        return r;
      }
    }
    return null;
  }

  /** The interface and next hop for {@code destination}, or {@code null} when unroutable (or looping). */
  public synchronized Hop resolve(Ipv4Address destination) {
    Ipv4Address target = destination;
    for (int depth = 0; depth <= MAX_RECURSION; depth++) {
      NodeRoute r = longestMatch(target);
      if (r == null) {
        return null;
      }
      if (r.isConnected()) {
        return new Hop(r.iface(), target);
      }
      target = r.nextHop();
    }
    return null;
  }

  /** {@code show ip route}-like lines. */
  public synchronized List<String> describe() {
    List<String> out = new ArrayList<>();
    for (NodeRoute r : routes) {
      out.add(r.toString());
    }
    return out;
  }
}
