package dev.dmvpn.suites.common;

import dev.dmvpn.topology.Device;
import dev.dmvpn.topology.Dmvpn;
import dev.dmvpn.topology.DmvpnMember;
import dev.dmvpn.topology.Ipv4Cidr;
import dev.dmvpn.topology.Testbed;
import java.util.List;

/**
 * The document's cast read from the testbed, so a suite runs on any rack shaped like the document's (a hub and two
 * spokes): {@code responder} is the first spoke (sv9-3, whose LAN address 2.2.2.2 is pinged), {@code initiator} the
 * second (sv9-4, which pings).
 */
public record Cast(DmvpnMember hub, DmvpnMember responder, DmvpnMember initiator, Ipv4Cidr responderLan,
    Ipv4Cidr initiatorLan) {

  public static Cast of(Testbed t) {
    Dmvpn dm = t.dmvpn().orElseThrow(() -> new IllegalArgumentException("testbed " + t.name() + " has no dmvpn:"));
    if (dm.spokes().size() != 2) {
      throw new IllegalArgumentException("the document's scenario needs a hub and two spokes; testbed " + t.name()
          + " has " + dm.spokes().size() + " spokes");
    }
    DmvpnMember responder = dm.spokes().get(0);
    DmvpnMember initiator = dm.spokes().get(1);
    return new Cast(dm.hub(), responder, initiator, lan(t, responder), lan(t, initiator));
  }

  private static Ipv4Cidr lan(Testbed t, DmvpnMember m) {
    Device d = t.device(m.device()).orElseThrow();
    String iface = m.lanInterfaces().get(0);
    return d.interfaces().get(iface).ipv4().orElseThrow(() -> new IllegalArgumentException(
        m.device() + " " + iface + " has no address"));
  }

  public List<DmvpnMember> spokes() {
    return List.of(responder, initiator);
  }

  public List<DmvpnMember> all() {
    return List.of(hub, responder, initiator);
  }

  /** A member's NBMA (public) address as text. */
  public static String ip(DmvpnMember m) {
    return m.nbmaAddress().toString();
  }

  /** The address {@code ping} targets: the responder's LAN interface (2.2.2.2 in the document). */
  public String target() {
    return responderLan.address().toString();
  }
}
