package dev.dmvpn.ref.nhrp.engine;

import dev.dmvpn.ref.bytes.Ipv4Address;
import java.util.Map;

/**
 * The node's routing table as NHRP sees it: which tunnel neighbour (protocol address) traffic for a destination
 * goes to. A forwarding NHS uses it for requests whose destination it is not authoritative for ("nhrp_rtlookup
 * yielded Tunnel0" in the IOS debug); the NBMA address of the next hop then comes from the NHRP cache.
 */
public interface NhrpRouting {

  /** The tunnel next hop for {@code destination}, or {@code null} when it is not routed over this tunnel. */
  Ipv4Address nextHop(Ipv4Address destination);

  /** No routes at all (a spoke that only talks to its NHS). */
  static NhrpRouting none() {
    return destination -> null;
  }

  /** Longest-prefix match over a fixed table (tests, static setups). */
  static NhrpRouting of(Map<NhrpPrefix, Ipv4Address> table) {
    Map<NhrpPrefix, Ipv4Address> copy = Map.copyOf(table);
    return destination -> {
      NhrpPrefix best = null;
      for (NhrpPrefix p : copy.keySet()) {
        if (p.contains(destination) && (best == null || p.length() > best.length())) {
          best = p;
        }
      }
      return best == null ? null : copy.get(best);
    };
  }
}
