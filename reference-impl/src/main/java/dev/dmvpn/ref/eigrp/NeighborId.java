package dev.dmvpn.ref.eigrp;

import dev.dmvpn.ref.bytes.Ipv4Address;

/** A neighbour as DUAL knows it: its address on one interface. */
public record NeighborId(String interfaceName, Ipv4Address address) {
  @Override
  public String toString() {
    return address + " (" + interfaceName + ")";
  }
}
