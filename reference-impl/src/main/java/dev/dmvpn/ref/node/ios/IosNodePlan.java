package dev.dmvpn.ref.node.ios;

import dev.dmvpn.ref.bytes.Ipv4Address;
import dev.dmvpn.ref.config.ConfigProblem;
import dev.dmvpn.ref.image.IosImage;
import dev.dmvpn.ref.node.EigrpSetup;
import dev.dmvpn.ref.node.TunnelConfig;
import dev.dmvpn.ref.wire.ip.InterfaceAddress;
import dev.dmvpn.ref.wire.ip.Ipv4Prefix;
import java.util.List;

/**
 * What {@link IosNodeBuilder} makes of an IOS configuration, before any wire is touched: the node's name, its
 * public interface (the {@code tunnel source}), LAN interfaces, the mGRE tunnel with its NHRP and IPsec
 * configuration, and the static routes.
 *
 * @param hostname {@code hostname}, or {@code "peer"} when the configuration has none
 * @param physicalInterface canonical name of the tunnel source interface (e.g. {@code FastEthernet0/0})
 * @param physicalAddress its {@code ip address}
 * @param lans every other interface with an address that is not shut down
 * @param tunnel the tunnel interface
 * @param routes {@code ip route} lines with a next hop
 * @param eigrp {@code router eigrp} (networks, passive interfaces, per-interface EIGRP lines), or {@code null}
 * @param notes what was accepted but not done as IOS would, or ignored (warnings and ignored-notes, in line
 *     order); never errors (a plan exists only without them)
 * @param image the IOS image the node behaves as ({@code boot system} / {@code version}, else the document's)
 */
public record IosNodePlan(String hostname, String physicalInterface, InterfaceAddress physicalAddress,
    List<Lan> lans, TunnelConfig tunnel, List<Route> routes, EigrpSetup eigrp, List<ConfigProblem> notes,
    IosImage image) {

  public IosNodePlan {
    lans = List.copyOf(lans);
    routes = List.copyOf(routes);
    notes = List.copyOf(notes);
  }

  /** A LAN or loopback interface: just an address the node owns and advertises to NHRP. */
  public record Lan(String name, InterfaceAddress address) {}

  /** {@code ip route prefix mask nextHop}, with the line it came from. */
  public record Route(Ipv4Prefix prefix, Ipv4Address nextHop, int lineNumber) {}

  /** The NBMA (public) address: the tunnel source's address. */
  public Ipv4Address nbmaAddress() {
    return physicalAddress.address();
  }
}
