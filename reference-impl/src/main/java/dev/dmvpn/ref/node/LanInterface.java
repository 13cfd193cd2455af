package dev.dmvpn.ref.node;

import dev.dmvpn.ref.bytes.Ipv4Address;
import dev.dmvpn.ref.l2l3.Ipv4Packet;
import dev.dmvpn.ref.wire.ip.InterfaceAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * A LAN or loopback interface that is only its addresses ({@code FastEthernet0/1} with 3.3.3.3/24 in the
 * document): the node owns them, so pings to and from them work, and its subnet is a connected route the NHRP
 * engine answers resolution requests for. No host lives behind it: packets routed to other addresses of the
 * subnet are dropped ("no host on LAN").
 */
public final class LanInterface implements NodeInterface {
  private final String name;
  private final List<InterfaceAddress> addresses = new ArrayList<>();
  private final DmvpnNode node;

  LanInterface(DmvpnNode node, String name, InterfaceAddress address) {
    this.node = node;
    this.name = name;
    this.addresses.add(address);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public List<InterfaceAddress> addresses() {
    return List.copyOf(addresses);
  }

  @Override
  public int mtu() {
    return PhysicalInterface.ETHERNET_MTU;
  }

  @Override
  public void output(Ipv4Address nextHop, byte[] raw, Ipv4Packet packet) {
    node.drop("lan: no host " + nextHop + " on " + name, "no host " + packet.destination() + " behind " + name);
  }

  @Override
  public String toString() {
    return name + " " + addresses;
  }
}
