package dev.dmvpn.topology.generate;

import dev.dmvpn.ref.config.Secret;
import dev.dmvpn.topology.Dmvpn;
import dev.dmvpn.topology.DmvpnMember;
import dev.dmvpn.topology.Ipv4Cidr;
import dev.dmvpn.topology.NhrpSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The mGRE tunnel interface, in the document's line order (which is IOS's {@code show running-config} order):
 * address, redirects, MTU, NHRP (authentication, multicast, static maps, network-id, holdtime, NHS), the hub's
 * {@code no ip split-horizon eigrp}, then the tunnel commands and {@code tunnel protection}.
 */
final class TunnelSection {
  private TunnelSection() {}

  static List<ConfigLine> lines(Dmvpn dm, DmvpnMember m, boolean hub, Optional<Secret> nhrpKey) {
    List<ConfigLine> out = new ArrayList<>();
    NhrpSpec nhrp = dm.nhrp();
    Ipv4Cidr tunnel = new Ipv4Cidr(m.tunnelAddress(), dm.tunnel().network().prefixLength());
    out.add(ConfigLine.plain("interface " + dm.tunnel().interfaceName()));
    out.add(ConfigLine.plain(" ip address " + tunnel.address() + " " + tunnel.mask()));
    out.add(ConfigLine.plain(" no ip redirects"));
    dm.tunnel().ipMtu().ifPresent(mtu -> out.add(ConfigLine.plain(" ip mtu " + mtu)));
    nhrpKey.ifPresent(k -> out.add(ConfigLine.withSecret(" ip nhrp authentication " + ConfigLine.SLOT, k)));
    if (hub || nhrp.spokesMapMulticastDynamic()) {
      out.add(ConfigLine.plain(" ip nhrp map multicast dynamic"));
    }
    if (!hub) {
      out.add(ConfigLine.plain(" ip nhrp map " + dm.hub().tunnelAddress() + " " + dm.hub().nbmaAddress()));
      out.add(ConfigLine.plain(" ip nhrp map multicast " + dm.hub().nbmaAddress()));
    }
    out.add(ConfigLine.plain(" ip nhrp network-id " + nhrp.networkId()));
    nhrp.holdtime().ifPresent(h -> out.add(ConfigLine.plain(" ip nhrp holdtime " + h)));
    if (!hub) {
      out.add(ConfigLine.plain(" ip nhrp nhs " + dm.hub().tunnelAddress()));
    }
    if (hub) {
      dm.eigrp().ifPresent(e -> out.add(ConfigLine.plain(" no ip split-horizon eigrp " + e.asNumber())));
    }
    out.add(ConfigLine.plain(" tunnel source " + dm.tunnel().source()));
    out.add(ConfigLine.plain(" tunnel mode gre multipoint"));
    dm.tunnel().key().ifPresent(k -> out.add(ConfigLine.plain(" tunnel key " + k)));
    out.add(ConfigLine.plain(" tunnel protection ipsec profile " + dm.ipsec().profileName()));
    out.add(ConfigLine.plain("!"));
    return out;
  }
}
