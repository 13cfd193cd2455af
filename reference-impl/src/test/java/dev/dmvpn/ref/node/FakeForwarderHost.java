package dev.dmvpn.ref.node;

import dev.dmvpn.ref.bytes.Ipv4Address;
import dev.dmvpn.ref.l2l3.IcmpPacket;
import dev.dmvpn.ref.l2l3.Ipv4Packet;
import dev.dmvpn.ref.time.SimulatedScheduler;
import java.util.HashSet;
import java.util.Set;

/** {@link FakeNodeServices} for the IP path: owns the addresses the test gives it; no tunnels, EIGRP or pings. */
final class FakeForwarderHost extends FakeNodeServices implements ForwarderHost {
  final Set<Ipv4Address> owned = new HashSet<>();

  FakeForwarderHost(String name, SimulatedScheduler clock, long seed) {
    super(name, clock, seed);
  }

  @Override
  public boolean owns(Ipv4Address a) {
    return owned.contains(a);
  }

  @Override
  public Ipv4Address anyAddress() {
    return owned.isEmpty() ? Ipv4Address.ANY : owned.iterator().next();
  }

  @Override
  public NodeEigrp eigrp() {
    return null;
  }

  @Override
  public TunnelInterface tunnelFor(Ipv4Address sourceAddress) {
    return null;
  }

  @Override
  public TunnelProtection protectionFor(Ipv4Address sourceAddress) {
    return null;
  }

  @Override
  public void icmpReceived(Ipv4Packet p, IcmpPacket m) {}
}
