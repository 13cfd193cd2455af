package dev.dmvpn.drivers.parse;

import java.util.List;

/** One TTL of a traceroute: its probes in printed order (an address may change between probes). */
public record TraceHop(int ttl, List<TraceProbe> probes) {

  public TraceHop {
    probes = List.copyOf(probes);
  }

  /** The first address that answered, or null when every probe timed out. */
  public String address() {
    return probes.stream().map(TraceProbe::address).filter(a -> a != null).findFirst().orElse(null);
  }
}
