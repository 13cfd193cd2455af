package dev.dmvpn.ref.node;

import dev.dmvpn.ref.bytes.Ipv4Address;
import dev.dmvpn.ref.l2l3.IcmpPacket;
import dev.dmvpn.ref.l2l3.Ipv4Packet;

/**
 * What the node's IP path ({@link IpForwarder}) needs beyond {@link NodeServices}: which addresses are the
 * node's, where locally delivered ESP, GRE, IKE, EIGRP and ICMP replies go. {@link DmvpnNode}'s private delegate
 * implements it.
 */
interface ForwarderHost extends NodeServices {
  /** Whether {@code a} is an address of one of the node's interfaces. */
  boolean owns(Ipv4Address a);

  /** Some address of the node (ICMP errors from an interface without one). */
  Ipv4Address anyAddress();

  /** The EIGRP process, or {@code null}. */
  NodeEigrp eigrp();

  /** The tunnel whose source is {@code sourceAddress}, or {@code null}. */
  TunnelInterface tunnelFor(Ipv4Address sourceAddress);

  /** The protection of the tunnel whose source is {@code sourceAddress}, or {@code null}. */
  TunnelProtection protectionFor(Ipv4Address sourceAddress);

  /** An ICMP message for the node (echo replies to its pings). */
  void icmpReceived(Ipv4Packet p, IcmpPacket m);
}
