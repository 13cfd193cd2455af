package dev.dmvpn.topology.validate;

import dev.dmvpn.ref.bytes.Ipv4Address;
import dev.dmvpn.topology.Device;
import dev.dmvpn.topology.DeviceInterface;
import dev.dmvpn.topology.DmvpnMember;
import dev.dmvpn.topology.Ipv4Cidr;
import dev.dmvpn.topology.Link;
import dev.dmvpn.topology.Testbed;
import dev.dmvpn.topology.load.Locations;
import dev.dmvpn.topology.load.TestbedProblem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Addressing: no address used twice (interfaces and tunnel addresses together), no network or broadcast address
 * on an interface, every interface of a link on one subnet, default gateways on a connected subnet.
 */
final class AddressChecks {
  private AddressChecks() {}

  static void check(Testbed t, Locations where, List<TestbedProblem> out) {
    duplicates(t, where, out);
    links(t, where, out);
    gateways(t, where, out);
  }

  static String ipv4Path(String device, String iface) {
    return "topology." + device + ".interfaces." + iface + ".ipv4";
  }

  private static void duplicates(Testbed t, Locations where, List<TestbedProblem> out) {
    Map<Ipv4Address, String> seen = new LinkedHashMap<>();
    for (Device d : t.devices().values()) {
      for (DeviceInterface i : d.interfaces().values()) {
        if (i.ipv4().isEmpty()) {
          continue;
        }
        Ipv4Cidr a = i.ipv4().get();
        String path = ipv4Path(d.name(), i.name());
        if (a.isNetworkOrBroadcast()) {
          out.add(where.problem(path, a + " is the network or broadcast address of " + a.subnet()));
        }
        claim(seen, a.address(), path, d.name() + " " + i.name(), where, out);
      }
    }
    t.dmvpn().ifPresent(dm -> {
      List<DmvpnMember> members = dm.members();
      for (int n = 0; n < members.size(); n++) {
        DmvpnMember m = members.get(n);
        // a topology entry for the member's own tunnel interface states the same address, not a second one
        String own = ipv4Path(m.device(), dm.tunnel().interfaceName());
        if (!own.equals(seen.get(m.tunnelAddress()))) {
          claim(seen, m.tunnelAddress(), DmvpnChecks.memberPath(n) + ".tunnel_ip",
              m.device() + " " + dm.tunnel().interfaceName(), where, out);
        }
      }
    });
  }

  private static void claim(Map<Ipv4Address, String> seen, Ipv4Address a, String path, String owner,
      Locations where, List<TestbedProblem> out) {
    String first = seen.putIfAbsent(a, path);
    if (first != null) {
      out.add(where.problem(path, "duplicate address " + a + " (" + owner + "); already used at line "
          + where.lineOf(first) + " (" + first + ")"));
    }
  }

  private static void links(Testbed t, Locations where, List<TestbedProblem> out) {
    for (Link link : t.links()) {
      Optional<Ipv4Cidr> first = Optional.empty();
      Link.Endpoint firstEnd = null;
      for (Link.Endpoint e : link.endpoints()) {
        Optional<Ipv4Cidr> a = address(t, e);
        if (a.isEmpty()) {
          continue;
        }
        if (first.isEmpty()) {
          first = a;
          firstEnd = e;
        } else if (!first.get().subnet().equals(a.get().subnet())) {
          out.add(where.problem(ipv4Path(e.device(), e.interfaceName()), a.get() + " is not on link '"
              + link.name() + "' subnet " + first.get().subnet() + " (from " + firstEnd + ")"));
        }
      }
    }
  }

  private static void gateways(Testbed t, Locations where, List<TestbedProblem> out) {
    for (Device d : t.devices().values()) {
      d.defaultGateway().ifPresent(gw -> {
        boolean connected = d.interfaces().values().stream()
            .anyMatch(i -> i.ipv4().isPresent() && i.ipv4().get().contains(gw));
        if (!connected && !d.interfaces().isEmpty()) {
          out.add(where.problem("devices." + d.name() + ".default_gateway",
              gw + " is on none of " + d.name() + "'s interface subnets"));
        }
      });
    }
  }

  static Optional<Ipv4Cidr> address(Testbed t, Link.Endpoint e) {
    return t.device(e.device()).map(d -> d.interfaces().get(e.interfaceName())).flatMap(DeviceInterface::ipv4);
  }
}
