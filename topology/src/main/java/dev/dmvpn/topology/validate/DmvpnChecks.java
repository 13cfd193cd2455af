package dev.dmvpn.topology.validate;

import dev.dmvpn.topology.Device;
import dev.dmvpn.topology.DeviceInterface;
import dev.dmvpn.topology.Dmvpn;
import dev.dmvpn.topology.DmvpnMember;
import dev.dmvpn.topology.Ipv4Cidr;
import dev.dmvpn.topology.OsType;
import dev.dmvpn.topology.Testbed;
import dev.dmvpn.topology.load.Locations;
import dev.dmvpn.topology.load.TestbedProblem;
import dev.dmvpn.ref.config.InterfaceNames;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The DMVPN roles: members are known IOS devices, each at most once; tunnel addresses inside the tunnel subnet;
 * NBMA addresses equal to the tunnel source interface's address (hence on its subnet); LAN interfaces exist.
 */
final class DmvpnChecks {
  private DmvpnChecks() {}

  /** Index 0 is the hub, then the spokes (as {@link Dmvpn#members()}). */
  static String memberPath(int index) {
    return index == 0 ? "dmvpn.hub" : "dmvpn.spokes[" + (index - 1) + "]";
  }

  static void check(Testbed t, Dmvpn dm, Locations where, List<TestbedProblem> out) {
    tunnelNetwork(t, dm, where, out);
    Map<String, String> roles = new HashMap<>();
    List<DmvpnMember> members = dm.members();
    for (int n = 0; n < members.size(); n++) {
      DmvpnMember m = members.get(n);
      String path = memberPath(n);
      String first = roles.putIfAbsent(m.device(), path);
      if (first != null) {
        out.add(where.problem(path + ".device", m.device() + " already has a role at " + first));
        continue;
      }
      Device d = t.devices().get(m.device());
      if (d == null) {
        out.add(where.problem(path + ".device", "device '" + m.device() + "' is not under devices:"));
        continue;
      }
      if (d.os() != OsType.IOS) {
        out.add(where.problem(path + ".device", m.device() + " is not an IOS router (os: " + d.os().yamlName() + ")"));
      }
      tunnelAddress(dm, m, path, where, out);
      tunnelInterface(dm, m, d, where, out);
      nbmaAddress(dm, m, d, path, where, out);
      lans(m, d, path, where, out);
    }
  }

  /** The tunnel subnet must be its own: overlapping a physical subnet makes routing to it ambiguous. */
  private static void tunnelNetwork(Testbed t, Dmvpn dm, Locations where, List<TestbedProblem> out) {
    Ipv4Cidr net = dm.tunnel().network();
    if (!dm.tunnel().interfaceName().startsWith(InterfaceNames.TUNNEL)) {
      out.add(where.problem("dmvpn.tunnel.interface", dm.tunnel().interfaceName() + " is not a Tunnel interface"));
    }
    for (Device d : t.devices().values()) {
      for (DeviceInterface i : d.interfaces().values()) {
        boolean tunnel = i.name().equals(dm.tunnel().interfaceName());
        if (!tunnel && i.ipv4().isPresent() && overlap(net, i.ipv4().get())) {
          out.add(where.problem("dmvpn.tunnel.network", net.subnet() + " overlaps " + d.name() + " " + i.name()
              + " " + i.ipv4().get().subnet()));
        }
      }
    }
  }

  private static boolean overlap(Ipv4Cidr a, Ipv4Cidr b) {
    Ipv4Cidr shorter = a.prefixLength() <= b.prefixLength() ? a : b;
    Ipv4Cidr longer = shorter == a ? b : a;
    return shorter.contains(longer.network());
  }

  private static void tunnelAddress(Dmvpn dm, DmvpnMember m, String path, Locations where,
      List<TestbedProblem> out) {
    Ipv4Cidr net = dm.tunnel().network();
    if (!net.contains(m.tunnelAddress())) {
      out.add(where.problem(path + ".tunnel_ip", m.tunnelAddress() + " is not in the tunnel subnet "
          + net.subnet() + " (dmvpn.tunnel.network)"));
    } else if (new Ipv4Cidr(m.tunnelAddress(), net.prefixLength()).isNetworkOrBroadcast()) {
      out.add(where.problem(path + ".tunnel_ip", m.tunnelAddress() + " is the network or broadcast address of "
          + net.subnet()));
    }
  }

  /** A pyATS topology may list the tunnel interface too; then it must agree with the DMVPN section. */
  private static void tunnelInterface(Dmvpn dm, DmvpnMember m, Device d, Locations where,
      List<TestbedProblem> out) {
    DeviceInterface i = d.interfaces().get(dm.tunnel().interfaceName());
    if (i == null || i.ipv4().isEmpty()) {
      return;
    }
    Ipv4Cidr expected = new Ipv4Cidr(m.tunnelAddress(), dm.tunnel().network().prefixLength());
    if (!i.ipv4().get().equals(expected)) {
      out.add(where.problem(AddressChecks.ipv4Path(m.device(), i.name()), i.ipv4().get() + " disagrees with "
          + "the DMVPN section (" + expected + ": tunnel_ip with the prefix of dmvpn.tunnel.network)"));
    }
  }

  private static void nbmaAddress(Dmvpn dm, DmvpnMember m, Device d, String path, Locations where,
      List<TestbedProblem> out) {
    String source = dm.tunnel().source();
    DeviceInterface i = d.interfaces().get(source);
    if (i == null) {
      out.add(where.problem(path + ".nbma_ip", m.device() + " has no interface " + source
          + " (dmvpn.tunnel.source) in topology:, so its NBMA address cannot be checked"));
      return;
    }
    if (i.ipv4().isEmpty()) {
      out.add(where.problem(path + ".nbma_ip", m.device() + " " + source + " has no ipv4 in topology:"));
      return;
    }
    Ipv4Cidr a = i.ipv4().get();
    if (!a.contains(m.nbmaAddress())) {
      out.add(where.problem(path + ".nbma_ip", m.nbmaAddress() + " is not in " + m.device() + "'s " + source
          + " subnet " + a.subnet() + " (the tunnel source)"));
    } else if (!a.address().equals(m.nbmaAddress())) {
      out.add(where.problem(path + ".nbma_ip", m.nbmaAddress() + " is not " + m.device() + "'s " + source
          + " address " + a.address() + " (the tunnel source)"));
    }
  }

  private static void lans(DmvpnMember m, Device d, String path, Locations where, List<TestbedProblem> out) {
    for (String lan : m.lanInterfaces()) {
      DeviceInterface i = d.interfaces().get(InterfaceNames.canonicalOrSelf(lan));
      if (i == null || i.ipv4().isEmpty()) {
        out.add(where.problem(path + ".lan", m.device() + " has no interface " + lan + " with an ipv4 in topology:"));
      }
    }
  }
}
