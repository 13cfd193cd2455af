package dev.dmvpn.ref.config;

import dev.dmvpn.ref.config.ConfigProblem.Severity;
import java.util.List;

/** Addressing and routing checks: overlapping subnets, static route next hops, EIGRP networks. */
final class RoutingChecks {
  private RoutingChecks() {}

  static void check(IosConfig c, IosConfigValidator v) {
    overlaps(c, v);
    for (StaticRoute r : c.staticRoutes()) {
      route(c, r, v);
    }
    for (EigrpProcess e : c.eigrp()) {
      eigrp(c, e, v);
    }
    boolean nhrpTunnel = c.tunnels().stream().anyMatch(t -> t.nhrp().networkId() != null);
    if (nhrpTunnel && c.eigrp().isEmpty() && c.staticRoutes().isEmpty()) {
      v.add(0, Severity.WARNING, "no 'router eigrp' and no 'ip route': the other sites' LANs cannot be"
          + " learned over the tunnel");
    }
  }

  private static void overlaps(IosConfig c, IosConfigValidator v) {
    List<IosInterface> all = c.interfaces();
    for (int i = 0; i < all.size(); i++) {
      for (int j = i + 1; j < all.size(); j++) {
        AddressMask a = all.get(i).address();
        AddressMask b = all.get(j).address();
        if (a != null && b != null && a.overlaps(b)) {
          IosInterface later = all.get(j);
          v.add(v.lineIn(later.lineNumber(), "ip address"), Severity.ERROR, "interface " + later.name() + " "
              + b.toCidr() + " overlaps interface " + all.get(i).name() + " " + a.toCidr());
        }
      }
    }
  }

  private static void route(IosConfig c, StaticRoute r, IosConfigValidator v) {
    if (r.outInterface() != null && c.findInterface(r.outInterface()).isEmpty()) {
      v.add(r.lineNumber(), Severity.ERROR, "the route's interface " + r.outInterface()
          + " is not in the configuration");
    }
    if (r.nextHop() != null && r.outInterface() == null) {
      boolean connected = c.interfaces().stream()
          .anyMatch(i -> i.address() != null && !i.shutdown() && i.address().contains(r.nextHop()));
      if (!connected) {
        v.add(r.lineNumber(), Severity.WARNING, "next hop " + r.nextHop()
            + " is on none of the router's connected subnets: the route stays unresolved");
      }
    }
  }

  private static void eigrp(IosConfig c, EigrpProcess e, IosConfigValidator v) {
    for (EigrpNetwork n : e.networks()) {
      boolean covers = c.interfaces().stream()
          .anyMatch(i -> i.address() != null && n.covers(i.address().address()));
      if (!covers) {
        v.add(v.lineIn(e.lineNumber(), "network " + n.address()), Severity.WARNING, "router eigrp "
            + e.asNumber() + ": 'network " + n.address() + "' covers no interface address");
      }
    }
  }
}
