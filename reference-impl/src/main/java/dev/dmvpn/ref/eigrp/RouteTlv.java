package dev.dmvpn.ref.eigrp;

import dev.dmvpn.ref.bytes.Ipv4Address;
import dev.dmvpn.ref.wire.ip.Ipv4Prefix;

/** What the internal and external IPv4 route TLVs share: a destination, a next hop and a vector metric. */
public sealed interface RouteTlv extends EigrpTlv permits InternalRouteTlv, ExternalRouteTlv {

  Ipv4Prefix destination();

  Ipv4Address nextHop();

  VectorMetric metric();

  /** The same route (tag, flags, external data kept) with another next hop and metric. */
  RouteTlv withRoute(Ipv4Address nextHop, VectorMetric metric);

  /** Bytes of a destination of {@code prefixLength} bits on the wire: ceil(length / 8), at least 1. */
  static int destinationBytes(int prefixLength) {
    return Math.max(1, (prefixLength + 7) / 8);
  }
}
