package dev.dmvpn.ref.node;

import dev.dmvpn.ref.bytes.Ipv4Address;
import dev.dmvpn.ref.l2l3.Ipv4Packet;
import dev.dmvpn.ref.wire.ip.InterfaceAddress;
import dev.dmvpn.ref.wire.ip.Ipv4Interface;
import java.util.List;

/**
 * An Ethernet interface ({@code FastEthernet0/0}): an {@link Ipv4Interface} on a port, with ARP. The node's
 * NBMA (public) side. The wire's MTU is not enforced (virtual segments carry any size); {@link #mtu()} is 1500.
 */
public final class PhysicalInterface implements NodeInterface {
  public static final int ETHERNET_MTU = 1500;
  private final Ipv4Interface ip;

  PhysicalInterface(Ipv4Interface ip) {
    this.ip = ip;
  }

  @Override
  public String name() {
    return ip.name();
  }

  @Override
  public List<InterfaceAddress> addresses() {
    return ip.addresses();
  }

  @Override
  public int mtu() {
    return ETHERNET_MTU;
  }

  @Override
  public void output(Ipv4Address nextHop, byte[] raw, Ipv4Packet packet) {
    ip.send(nextHop, raw);
  }

  /** The underlying IPv4 interface (ARP table, frame counters). */
  public Ipv4Interface ipv4() {
    return ip;
  }

  @Override
  public String toString() {
    return ip.toString();
  }
}
