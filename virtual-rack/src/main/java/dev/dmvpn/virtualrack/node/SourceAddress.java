package dev.dmvpn.virtualrack.node;

import dev.dmvpn.ref.bytes.Ipv4Address;
import dev.dmvpn.virtualrack.cli.InterfaceNaming;
import dev.dmvpn.virtualrack.config.ConfigItem;
import dev.dmvpn.virtualrack.router.EmulatedRouter;

/**
 * The {@code source} of a ping or traceroute: an address one of the router's interfaces holds ({@code ip address}
 * in the running configuration), or an interface name ({@code Loopback0}, {@code fa0/1}) standing for its address.
 */
final class SourceAddress {
  private SourceAddress() {}

  /** The address, or {@code null} when {@code typed} is neither an address of ours nor an addressed interface. */
  static Ipv4Address resolve(EmulatedRouter router, String typed) {
    boolean isAddress = ExtendedPingDialog.isAddress(typed);
    String wanted = isAddress ? null : "interface " + InterfaceNaming.canonical(typed);
    synchronized (router) {
      for (ConfigItem c : router.running().root().children()) {
        if (!c.isBlock() || !c.text().startsWith("interface ")) {
          continue;
        }
        for (ConfigItem line : c.children()) {
          if (!line.text().startsWith("ip address ")) {
            continue;
          }
          String address = line.text().split(" ")[2];
          if (isAddress ? address.equals(typed) : c.text().equalsIgnoreCase(wanted)) {
            return Ipv4Address.parse(address);
          }
        }
      }
    }
    return null;
  }
}
