package dev.dmvpn.ref.nhrp.engine;

import dev.dmvpn.ref.bytes.Ipv4Address;
import java.util.Map;

/**
 * TEST-ONLY: the three routers of the Cisco document (seed/README.md, 000_6291f1acd3ce46b9.txt): hub sv9-2,
 * spokes sv9-3 (LAN 2.2.2.0/24) and sv9-4 (LAN 3.3.3.0/24); auth cisco123, network-id 1, holdtime 7200.
 */
final class DocumentScenario {
  static final Ipv4Address HUB_NBMA = Ipv4Address.parse("209.168.202.225");
  static final Ipv4Address HUB_TUNNEL = Ipv4Address.parse("192.168.1.1");
  static final Ipv4Address SV93_NBMA = Ipv4Address.parse("209.168.202.131");
  static final Ipv4Address SV93_TUNNEL = Ipv4Address.parse("192.168.1.2");
  static final Ipv4Address SV94_NBMA = Ipv4Address.parse("209.168.202.130");
  static final Ipv4Address SV94_TUNNEL = Ipv4Address.parse("192.168.1.3");
  static final NhrpPrefix SV93_LAN = NhrpPrefix.parse("2.2.2.0/24");
  static final NhrpPrefix SV94_LAN = NhrpPrefix.parse("3.3.3.0/24");

  final InMemoryNhrpNetwork net = new InMemoryNhrpNetwork();
  final NhrpEngine hub;
  final NhrpEngine sv93;
  final NhrpEngine sv94;

  DocumentScenario() {
    this(NhrpOptions.IOS_DEFAULTS, ConnectionGate.ALWAYS_READY);
  }

  DocumentScenario(NhrpOptions options, ConnectionGate sv93Gate) {
    // The hub learns each spoke LAN over EIGRP with the spoke's tunnel address as next hop (no split horizon).
    NhrpRouting hubRoutes = NhrpRouting.of(Map.of(SV93_LAN, SV93_TUNNEL, SV94_LAN, SV94_TUNNEL));
    NhrpRouting spokeRoutes = NhrpRouting.of(Map.of(NhrpPrefix.parse("0.0.0.0/0"), HUB_TUNNEL));
    hub = net.add(hubConfig(options), hubRoutes, ConnectionGate.ALWAYS_READY);
    sv93 = net.add(spokeConfig("192.168.1.2/24", "209.168.202.131", options), spokeRoutes, sv93Gate);
    sv94 = net.add(spokeConfig("192.168.1.3/24", "209.168.202.130", options), spokeRoutes,
        ConnectionGate.ALWAYS_READY);
    sv93.addLocalPrefix(SV93_LAN);
    sv94.addLocalPrefix(SV94_LAN);
  }

  /** sv9-2: {@code ip nhrp authentication cisco123}, {@code map multicast dynamic}, {@code network-id 1}. */
  static NhrpConfig hubConfig(NhrpOptions options) {
    return NhrpConfig.builder("192.168.1.1/24", "209.168.202.225")
        .authentication("cisco123").multicastDynamic().networkId(1).options(options).build();
  }

  /** A spoke: hub map, {@code map multicast 209.168.202.225}, {@code nhs 192.168.1.1}. */
  static NhrpConfig spokeConfig(String tunnel, String nbma, NhrpOptions options) {
    return NhrpConfig.builder(tunnel, nbma)
        .authentication("cisco123").multicastDynamic()
        .map("192.168.1.1", "209.168.202.225").multicast("209.168.202.225")
        .networkId(1).nhs("192.168.1.1").options(options).build();
  }

  void startAll() {
    hub.start();
    sv93.start();
    sv94.start();
  }
}
