package dev.dmvpn.harness.lab;

import dev.dmvpn.ref.wire.ip.InterfaceAddress;
import dev.dmvpn.topology.Device;
import dev.dmvpn.topology.DeviceInterface;
import dev.dmvpn.topology.Ipv4Cidr;
import dev.dmvpn.topology.Platform;
import dev.dmvpn.topology.Testbed;
import dev.dmvpn.topology.generate.ConfigGenerationException;
import dev.dmvpn.topology.generate.ConfigGenerator;
import dev.dmvpn.topology.generate.RouterConfig;
import dev.dmvpn.topology.secrets.SecretResolver;
import dev.dmvpn.virtualrack.rack.RackRouter;
import dev.dmvpn.virtualrack.router.Chassis;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A virtual rack made from any testbed ({@code lab up --testbed FILE}): one emulated router per DMVPN member, hub
 * first, booted from the configuration {@code topology}'s generator writes for it (so the pre-shared key and NHRP
 * key references must resolve), on a WAN with one segment per public subnet whose WAN router holds the devices'
 * default gateways.
 *
 * @param routers the routers in console-line order (hub first)
 * @param gateways the WAN router's address in each public subnet (the gateway with its interface's prefix)
 */
public record TestbedRackPlan(List<RackRouter> routers, List<InterfaceAddress> gateways) {
  /** The plan for {@code testbed}; secrets resolved by {@code resolver}. */
  public static TestbedRackPlan of(Testbed testbed, SecretResolver resolver) throws ConfigGenerationException {
    List<RackRouter> routers = new ArrayList<>();
    Set<String> gateways = new LinkedHashSet<>();
    for (RouterConfig config : new ConfigGenerator(resolver).generate(testbed)) {
      Device d = testbed.device(config.device()).orElseThrow(() -> new ConfigGenerationException(
          "generated a configuration for " + config.device() + ", which is not a device of the testbed"));
      routers.add(new RackRouter(d.name(), chassis(d), config.text()));
      if (d.defaultGateway().isPresent()) {
        gateways.add(gatewayAddress(d, d.defaultGateway().get().toString()));
      }
    }
    List<InterfaceAddress> out = new ArrayList<>();
    for (String g : gateways) {
      out.add(InterfaceAddress.parse(g));
    }
    return new TestbedRackPlan(List.copyOf(routers), List.copyOf(out));
  }

  /** The device's physical interfaces from the testbed (tunnels and loopbacks are created by configuration). */
  static Chassis chassis(Device d) {
    List<String> ifs = new ArrayList<>();
    for (DeviceInterface i : d.interfaces().values()) {
      if (!i.name().startsWith("Tunnel") && !i.name().startsWith("Loopback")) {
        ifs.add(i.name());
      }
    }
    for (String fa : List.of("FastEthernet0/0", "FastEthernet0/1")) { // both on-board ports of a 2691 / 3725
      if (!ifs.contains(fa)) {
        ifs.add(fa);
      }
    }
    ifs.sort(null);
    boolean c3725 = d.platform().map(p -> p == Platform.C3725).orElse(false);
    return c3725 ? Chassis.c3725(ifs) : Chassis.c2691(ifs, List.of(
        "2 FastEthernet/IEEE 802.3 interface(s)", "1 Virtual Private Network (VPN) Module(s)"));
  }

  /** {@code gw/len} with the prefix of the device interface whose subnet holds the gateway. */
  private static String gatewayAddress(Device d, String gw) throws ConfigGenerationException {
    for (DeviceInterface i : d.interfaces().values()) {
      if (i.ipv4().isPresent()) {
        Ipv4Cidr c = i.ipv4().get();
        if (Ipv4Cidr.parse(gw + "/" + c.prefixLength()).network().equals(c.network())) {
          return gw + "/" + c.prefixLength();
        }
      }
    }
    throw new ConfigGenerationException("device " + d.name() + ": default_gateway " + gw
        + " is in none of its interfaces' subnets");
  }
}
