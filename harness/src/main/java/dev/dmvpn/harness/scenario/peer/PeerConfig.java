package dev.dmvpn.harness.scenario.peer;

import dev.dmvpn.ref.bytes.Ipv4Address;
import dev.dmvpn.ref.config.InterfaceNames;
import dev.dmvpn.topology.Device;
import dev.dmvpn.topology.DeviceInterface;
import dev.dmvpn.topology.Dmvpn;
import dev.dmvpn.topology.DmvpnMember;
import dev.dmvpn.topology.Ipv4Cidr;
import dev.dmvpn.topology.OsType;
import dev.dmvpn.topology.Testbed;
import dev.dmvpn.topology.generate.ConfigGenerationException;
import dev.dmvpn.topology.generate.ConfigGenerator;
import dev.dmvpn.topology.generate.RouterConfig;
import dev.dmvpn.topology.secrets.SecretResolver;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The reference peer's IOS configuration, made by topology's {@link ConfigGenerator} exactly as a spoke's: the
 * testbed is extended by one device and one DMVPN spoke (the peer), the generator runs on it, and the peer's
 * configuration is taken out. So the peer shares the routers' crypto, tunnel, NHRP and EIGRP lines, secrets
 * included (the rack's: per-run values on a virtual rack). Before that, the spec's addresses are checked against
 * the testbed: a peer that reused an address or a subnet would break the rack rather than join it.
 */
public final class PeerConfig {
  private PeerConfig() {}

  /**
   * The peer's configuration.
   *
   * @throws IllegalArgumentException naming every address of {@code spec} that is taken or does not fit
   * @throws ConfigGenerationException when the generator refuses the extended testbed (a secret it cannot resolve)
   */
  public static RouterConfig generate(Testbed testbed, SecretResolver secrets, PeerSpec spec)
      throws ConfigGenerationException {
    Dmvpn dm = testbed.dmvpn().orElseThrow(() -> new IllegalArgumentException("testbed " + testbed.name()
        + " has no dmvpn: section for the reference peer to join"));
    List<String> problems = problems(testbed, dm, spec);
    Optional<Ipv4Address> gateway = spec.gateway().or(() -> spokeGateway(testbed, dm, spec.nbma()));
    if (gateway.isEmpty()) {
      problems.add("no default gateway for " + spec.nbma() + ": no spoke of the testbed is on that segment with a"
          + " default_gateway; give the peer one");
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("reference peer " + spec.hostname() + ": " + String.join("; ", problems));
    }
    Testbed extended = withPeer(testbed, dm, spec, gateway.get());
    return new ConfigGenerator(secrets).generate(extended).stream()
        .filter(c -> c.device().equals(spec.hostname())).findFirst().orElseThrow();
  }

  /** Everything of {@code spec} that clashes with the testbed or lies outside where it must be. */
  static List<String> problems(Testbed t, Dmvpn dm, PeerSpec spec) {
    List<String> out = new ArrayList<>();
    if (t.devices().containsKey(spec.hostname())
        || t.devices().values().stream().anyMatch(d -> d.hostname().equals(spec.hostname()))) {
      out.add("hostname " + spec.hostname() + " is a device of the testbed");
    }
    Ipv4Cidr tunnel = dm.tunnel().network();
    if (!tunnel.contains(spec.tunnelAddress())
        || new Ipv4Cidr(spec.tunnelAddress(), tunnel.prefixLength()).isNetworkOrBroadcast()) {
      out.add("tunnel address " + spec.tunnelAddress() + " is no host address of the tunnel subnet " + tunnel.subnet());
    }
    dm.members().stream().filter(m -> m.tunnelAddress().equals(spec.tunnelAddress())).findFirst()
        .ifPresent(m -> out.add("tunnel address " + spec.tunnelAddress() + " is " + m.device() + "'s"));
    if (spec.nbma().isNetworkOrBroadcast()) {
      out.add("NBMA address " + spec.nbma() + " is the network or broadcast address of its subnet");
    }
    for (Device d : t.devices().values()) {
      for (DeviceInterface i : d.interfaces().values()) {
        if (i.ipv4().isEmpty()) {
          continue;
        }
        Ipv4Cidr a = i.ipv4().get();
        if (a.address().equals(spec.nbma().address())) {
          out.add("NBMA address " + spec.nbma().address() + " is " + d.name() + " " + i.name() + "'s");
        }
        if (overlap(a, spec.lan())) {
          out.add("LAN " + spec.lan().subnet() + " overlaps " + d.name() + " " + i.name() + " " + a.subnet());
        }
      }
    }
    if (overlap(tunnel, spec.lan()) || overlap(spec.nbma(), spec.lan())) {
      out.add("LAN " + spec.lan().subnet() + " overlaps the tunnel subnet or the peer's own NBMA subnet");
    }
    return out;
  }

  private static boolean overlap(Ipv4Cidr a, Ipv4Cidr b) {
    Ipv4Cidr shorter = a.prefixLength() <= b.prefixLength() ? a : b;
    Ipv4Cidr longer = shorter == a ? b : a;
    return shorter.contains(longer.network());
  }

  /** The default gateway of the first spoke whose NBMA address is on the peer's segment. */
  private static Optional<Ipv4Address> spokeGateway(Testbed t, Dmvpn dm, Ipv4Cidr nbma) {
    return dm.spokes().stream().filter(s -> nbma.contains(s.nbmaAddress()))
        .map(s -> t.device(s.device()).flatMap(Device::defaultGateway))
        .flatMap(Optional::stream).filter(nbma::contains).findFirst();
  }

  /** The testbed with the peer as one more device and spoke (never handed to a rack: only to the generator). */
  static Testbed withPeer(Testbed t, Dmvpn dm, PeerSpec spec, Ipv4Address gateway) {
    String lanName = InterfaceNames.canonicalOrSelf(spec.lanInterface());
    Map<String, DeviceInterface> interfaces = new LinkedHashMap<>();
    interfaces.put(dm.tunnel().source(), new DeviceInterface(dm.tunnel().source(), Optional.empty(),
        Optional.of("ethernet"), Optional.of(spec.nbma())));
    interfaces.put(lanName, new DeviceInterface(lanName, Optional.empty(), Optional.empty(),
        Optional.of(spec.lan())));
    Device peer = new Device(spec.hostname(), spec.hostname(), OsType.IOS, Optional.empty(), Optional.empty(),
        Map.of(), Map.of(), interfaces, Optional.of(gateway));
    Map<String, Device> devices = new LinkedHashMap<>(t.devices());
    devices.put(peer.name(), peer);
    List<DmvpnMember> spokes = new ArrayList<>(dm.spokes());
    spokes.add(new DmvpnMember(peer.name(), spec.tunnelAddress(), spec.nbma().address(), List.of(lanName)));
    Dmvpn extended = new Dmvpn(dm.tunnel(), dm.hub(), spokes, dm.nhrp(), dm.ipsec(), dm.eigrp());
    return new Testbed(t.name(), devices, t.links(), t.credentials(), t.captures(), Optional.of(extended),
        t.filled());
  }
}
