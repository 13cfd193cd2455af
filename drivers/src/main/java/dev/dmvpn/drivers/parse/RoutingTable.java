package dev.dmvpn.drivers.parse;

import java.util.List;

/**
 * {@code show ip route}.
 *
 * @param vrf the {@code Routing Table: X} name, or null for the global table
 * @param gatewayOfLastResort the gateway, or null when {@code not set} or not printed
 * @param routes the routes in printed order
 */
public record RoutingTable(String vrf, String gatewayOfLastResort, List<Route> routes) {

  public RoutingTable {
    routes = List.copyOf(routes);
  }
}
