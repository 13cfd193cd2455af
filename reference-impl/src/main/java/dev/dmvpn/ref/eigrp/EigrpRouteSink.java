package dev.dmvpn.ref.eigrp;

import dev.dmvpn.ref.bytes.Ipv4Address;
import dev.dmvpn.ref.wire.ip.Ipv4Prefix;

/** Where the router's best routes go: the node's routing table (distance 90 internal, 170 external). */
public interface EigrpRouteSink {

  /** Installs or replaces the route to {@code prefix}. */
  void install(Ipv4Prefix prefix, Ipv4Address nextHop, String interfaceName, boolean external, long metric);

  /** Removes the route to {@code prefix} if one is installed. */
  void remove(Ipv4Prefix prefix);
}
