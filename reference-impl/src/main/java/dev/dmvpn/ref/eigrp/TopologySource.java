package dev.dmvpn.ref.eigrp;

import dev.dmvpn.ref.bytes.Ipv4Address;

/**
 * One way to a destination in the topology table: a neighbour's report (its reported distance and our
 * distance through it), or a directly connected interface ({@code neighbor == null}, reported distance 0).
 *
 * <p>Only what DUAL and the advertisement need is kept from the TLV as received (its tag; the whole TLV for an
 * external route, whose originator data goes out again), so that equal reports are equal records and
 * {@link Dual} can share one record among the destinations a neighbour reports alike.
 *
 * @param neighbor who reported it, {@code null} for connected
 * @param interfaceName the interface it is reached through
 * @param nextHop the next hop to install: the neighbour's address, or the third-party next hop it gave
 * @param external the external route TLV as received, {@code null} for internal and connected
 * @param tag the internal route TLV's tag (0 for connected and external)
 * @param total the vector metric through this source (the reported one plus our interface)
 * @param distance composite of {@code total}: our distance through this source
 * @param reportedDistance composite of the neighbour's own metric (RD), 0 for connected
 */
public record TopologySource(NeighborId neighbor, String interfaceName, Ipv4Address nextHop,
    ExternalRouteTlv external, int tag, VectorMetric total, long distance, long reportedDistance) {

  public boolean isConnected() {
    return neighbor == null;
  }

  public boolean isExternal() {
    return external != null;
  }

  public boolean reachable() {
    return distance < CompositeMetric.INFINITE;
  }
}
