package dev.dmvpn.virtualrack.node;

import dev.dmvpn.ref.bytes.Ipv4Address;
import dev.dmvpn.ref.eigrp.CompositeMetric;
import dev.dmvpn.ref.eigrp.EigrpTopologySnapshot;
import dev.dmvpn.ref.node.DmvpnNode;
import dev.dmvpn.ref.node.NodeInterface;
import dev.dmvpn.ref.wire.ip.InterfaceAddress;

/**
 * {@code show ip eigrp topology} in the 12.x layout: {@code IP-EIGRP Topology Table for AS(90)/ID(1.1.1.1)}, the
 * codes lines, then per destination {@code P 2.2.2.0/24, 1 successors, FD is 297246976} and its paths indented
 * nine blanks, {@code via 192.168.1.2 (297246976/28160), Tunnel0} or {@code via Connected, FastEthernet0/1}.
 * Only successors and feasible successors (reported distance below FD) are listed, as IOS does without {@code
 * all-links}. [12.x shape from the Cisco IOS IP command reference's sample (AS and router ID in the head, {@code r - Reply
 * status} as the last code); 15.x heads {@code EIGRP-IPv4 Topology Table} and adds {@code s - sia Status}.] The
 * router ID is IOS's choice: the highest loopback address, else the highest interface address.
 */
public final class EigrpTopologyView {
  private EigrpTopologyView() {}

  public static String render(DmvpnNode node) {
    if (node.eigrp() == null) {
      return "";
    }
    int as = node.eigrp().router().config().asNumber();
    StringBuilder sb = new StringBuilder("IP-EIGRP Topology Table for AS(").append(as).append(")/ID(")
        .append(routerId(node)).append(")\n\n");
    sb.append("Codes: P - Passive, A - Active, U - Update, Q - Query, R - Reply,\n");
    sb.append("       r - Reply status\n\n");
    for (EigrpTopologySnapshot e : node.eigrp().router().topology()) {
      sb.append(e.active() ? 'A' : 'P').append(' ').append(e.prefix()).append(", ").append(e.successorCount())
          .append(" successors, FD is ")
          .append(e.feasibleDistance() >= CompositeMetric.INFINITE ? "Inaccessible" : e.feasibleDistance())
          .append('\n');
      for (EigrpTopologySnapshot.Path p : e.paths()) {
        if (!p.successor() && p.reportedDistance() >= e.feasibleDistance()) {
          continue; // not a feasible successor: IOS lists those only with "all-links"
        }
        String iface = NodeViews.iosName(node, p.interfaceName());
        sb.append("         via ");
        if (p.via() == null) {
          sb.append("Connected, ").append(iface);
        } else {
          sb.append(p.via()).append(" (").append(p.distance()).append('/').append(p.reportedDistance())
              .append("), ").append(iface);
        }
        sb.append('\n');
      }
    }
    return sb.toString();
  }

  static Ipv4Address routerId(DmvpnNode node) {
    Ipv4Address loopback = null;
    Ipv4Address any = null;
    for (NodeInterface i : node.interfaces()) {
      for (InterfaceAddress a : i.addresses()) {
        Ipv4Address x = a.address();
        if (i.name().contains("Loopback")) {
          loopback = higher(loopback, x);
        }
        any = higher(any, x);
      }
    }
    return loopback != null ? loopback : any;
  }

  private static Ipv4Address higher(Ipv4Address a, Ipv4Address b) {
    return a == null || Integer.toUnsignedLong(b.bits()) > Integer.toUnsignedLong(a.bits()) ? b : a;
  }
}
