package dev.dmvpn.suites.peer;

import dev.dmvpn.harness.scenario.peer.PeerSpec;
import dev.dmvpn.topology.Device;
import dev.dmvpn.topology.Dmvpn;
import dev.dmvpn.topology.DmvpnMember;
import dev.dmvpn.topology.Ipv4Cidr;
import dev.dmvpn.topology.Testbed;
import java.util.ArrayList;
import java.util.List;

/**
 * The cast of the reference-peer suite, read from the testbed so it runs on any rack shaped like the document's:
 * the hub, the spoke the peer pings ({@code target}: the first spoke, the document's sv9-3 with 2.2.2.2), the LANs
 * every member advertises, and the peer itself.
 */
record PeerRoles(DmvpnMember hub, DmvpnMember target, Ipv4Cidr targetLan, List<Ipv4Cidr> memberLans,
    PeerSpec peer) {

  static PeerRoles of(Testbed t, PeerSpec peer) {
    Dmvpn dm = t.dmvpn().orElseThrow(() -> new IllegalArgumentException("testbed " + t.name() + " has no dmvpn:"));
    if (dm.spokes().isEmpty()) {
      throw new IllegalArgumentException("testbed " + t.name() + " has no spoke for the reference peer to reach");
    }
    List<Ipv4Cidr> lans = new ArrayList<>();
    for (DmvpnMember m : dm.members()) {
      for (String iface : m.lanInterfaces()) {
        lans.add(lan(t, m, iface));
      }
    }
    DmvpnMember target = dm.spokes().get(0);
    return new PeerRoles(dm.hub(), target, lan(t, target, target.lanInterfaces().get(0)), lans, peer);
  }

  private static Ipv4Cidr lan(Testbed t, DmvpnMember m, String iface) {
    Device d = t.device(m.device()).orElseThrow();
    return d.interfaces().get(iface).ipv4().orElseThrow(() -> new IllegalArgumentException(
        m.device() + " " + iface + " has no address"));
  }

  String peerNbma() {
    return peer.nbma().address().toString();
  }

  String targetNbma() {
    return target.nbmaAddress().toString();
  }
}
