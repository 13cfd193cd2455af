package dev.dmvpn.drivers.parse;

import java.util.List;

/**
 * What IOS {@code traceroute} printed.
 *
 * @param target the {@code Tracing the route to} destination, or null when not printed
 * @param hops the hops in order
 */
public record Traceroute(String target, List<TraceHop> hops) {

  public Traceroute {
    hops = List.copyOf(hops);
  }
}
