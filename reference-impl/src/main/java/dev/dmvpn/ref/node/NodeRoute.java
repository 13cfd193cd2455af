package dev.dmvpn.ref.node;

import dev.dmvpn.ref.bytes.Ipv4Address;
import dev.dmvpn.ref.wire.ip.Ipv4Prefix;

/**
 * One entry of a node's routing table: connected (an interface, no next hop) or a next hop resolved recursively
 * through the table when used.
 *
 * @param prefix the destinations covered
 * @param nextHop the gateway, or {@code null} for a connected route
 * @param iface the interface of a connected route, or {@code null}
 * @param origin who installed it
 */
public record NodeRoute(Ipv4Prefix prefix, Ipv4Address nextHop, NodeInterface iface, Origin origin) {

  /** Where a route comes from; {@link #code()} is the IOS {@code show ip route} letter. */
  public enum Origin {
    CONNECTED("C"),
    STATIC("S"),
    /** Learned by the node's EIGRP process ({@code dev.dmvpn.ref.eigrp}) as an internal route (distance 90). */
    EIGRP("D"),
    /** Learned by EIGRP as an external route (distance 170). */
    EIGRP_EXTERNAL("D EX");

    private final String code;

    Origin(String code) {
      this.code = code;
    }

    public String code() {
      return code;
    }
  }

  public NodeRoute {
    if ((nextHop == null) == (iface == null)) {
      throw new IllegalArgumentException("a route has either a next hop or an interface: " + prefix);
    }
  }

  public boolean isConnected() {
    return iface != null;
  }

  @Override
  public String toString() {
    return isConnected() ? origin.code() + " " + prefix + " is directly connected, " + iface.name()
        : origin.code() + " " + prefix + " via " + nextHop;
  }
}
