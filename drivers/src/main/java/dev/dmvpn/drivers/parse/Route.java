package dev.dmvpn.drivers.parse;

import java.util.List;

/**
 * One route of {@code show ip route}.
 *
 * @param code the code column as printed, trimmed ({@code D}, {@code C}, {@code S*}, {@code O E2}, {@code i L1})
 * @param network the network address
 * @param prefixLength its length: printed, or the mask of an {@code is subnetted} group heading, or classful
 * @param distance the administrative distance, or null (connected routes print none)
 * @param metric the metric, or null
 * @param nextHops the paths in printed order
 */
public record Route(String code, String network, int prefixLength, Integer distance, Long metric,
    List<RouteNextHop> nextHops) {

  public Route {
    nextHops = List.copyOf(nextHops);
  }

  /** The route's protocol letter(s) without {@code *} or sub-type: {@code D}, {@code C}, {@code S}, {@code O}. */
  public String protocol() {
    return code.split("[ *]")[0];
  }
}
