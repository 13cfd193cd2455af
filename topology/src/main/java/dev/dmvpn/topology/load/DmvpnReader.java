package dev.dmvpn.topology.load;

import dev.dmvpn.ref.config.InterfaceNames;
import dev.dmvpn.topology.Dmvpn;
import dev.dmvpn.topology.DmvpnMember;
import dev.dmvpn.topology.EigrpSpec;
import dev.dmvpn.topology.IpsecSpec;
import dev.dmvpn.topology.NhrpSpec;
import dev.dmvpn.topology.SecretRef;
import dev.dmvpn.topology.TunnelSpec;
import dev.dmvpn.topology.load.YamlNode.Mapping;
import dev.dmvpn.topology.load.YamlNode.Sequence;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The {@code dmvpn:} section: roles, tunnel, NHRP, IPsec and EIGRP. Cross-checks are the validator's. */
final class DmvpnReader {
  private static final Set<String> MEMBER_KEYS = Set.of("device", "tunnel_ip", "nbma_ip", "lan", Fields.FILLED);

  private final Fields f;
  private final SecretRefReader secrets;
  private final IpsecReader ipsec;

  DmvpnReader(Fields f, SecretRefReader secrets) {
    this.f = f;
    this.secrets = secrets;
    this.ipsec = new IpsecReader(f, secrets);
  }

  Optional<Dmvpn> read(Mapping root) {
    Optional<Mapping> om = f.value(root, "", "dmvpn", false).flatMap(n -> f.mapping(n, "dmvpn"));
    if (om.isEmpty()) {
      return Optional.empty();
    }
    Mapping m = om.get();
    String path = "dmvpn";
    f.onlyKeys(m, path, Set.of("tunnel", "hub", "spokes", "nhrp", "ipsec", "eigrp", Fields.FILLED));
    f.filledNotes(m, path);
    Optional<TunnelSpec> tunnel = section(m, path, "tunnel", true).flatMap(this::tunnel);
    Optional<DmvpnMember> hub = hub(m);
    List<DmvpnMember> spokes = spokes(m);
    Optional<NhrpSpec> nhrp = section(m, path, "nhrp", true).flatMap(this::nhrp);
    Optional<IpsecSpec> ipsecSpec = section(m, path, "ipsec", true).flatMap(ipsec::read);
    Optional<EigrpSpec> eigrp = section(m, path, "eigrp", false).flatMap(this::eigrp);
    if (tunnel.isEmpty() || hub.isEmpty() || nhrp.isEmpty() || ipsecSpec.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Dmvpn(tunnel.get(), hub.get(), spokes, nhrp.get(), ipsecSpec.get(), eigrp));
  }

  /** A sub-mapping with its path, its {@code filled:} notes collected. */
  record Section(Mapping mapping, String path) {}

  private Optional<Section> section(Mapping m, String path, String key, boolean required) {
    String p = path + "." + key;
    return f.value(m, path, key, required).flatMap(n -> f.mapping(n, p)).map(s -> {
      f.filledNotes(s, p);
      return new Section(s, p);
    });
  }

  private Optional<DmvpnMember> hub(Mapping m) {
    if (!m.entries().containsKey("hub")) {
      f.error(m.line(), "dmvpn.hub", "no hub: a DMVPN cloud needs one hub (the NHS)");
      return Optional.empty();
    }
    return section(m, "dmvpn", "hub", true).flatMap(this::member);
  }

  private List<DmvpnMember> spokes(Mapping m) {
    List<DmvpnMember> out = new ArrayList<>();
    f.value(m, "dmvpn", "spokes", false).flatMap(n -> f.sequence(n, "dmvpn.spokes")).map(Sequence::items)
        .ifPresent(items -> {
          for (int i = 0; i < items.size(); i++) {
            String p = "dmvpn.spokes[" + i + "]";
            f.mapping(items.get(i), p).map(s -> {
              f.filledNotes(s, p);
              return new Section(s, p);
            }).flatMap(this::member).ifPresent(out::add);
          }
        });
    return out;
  }

  private Optional<DmvpnMember> member(Section s) {
    f.onlyKeys(s.mapping(), s.path(), MEMBER_KEYS);
    var device = f.string(s.mapping(), s.path(), "device", true);
    var tunnelIp = f.address(s.mapping(), s.path(), "tunnel_ip", true);
    var nbmaIp = f.address(s.mapping(), s.path(), "nbma_ip", true);
    List<String> lan = f.strings(s.mapping(), s.path(), "lan");
    if (device.isEmpty() || tunnelIp.isEmpty() || nbmaIp.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new DmvpnMember(device.get(), tunnelIp.get(), nbmaIp.get(), lan));
  }

  private Optional<TunnelSpec> tunnel(Section s) {
    Mapping m = s.mapping();
    String p = s.path();
    f.onlyKeys(m, p, Set.of("interface", "network", "source", "key", "ip_mtu", Fields.FILLED));
    var name = f.string(m, p, "interface", true);
    var network = f.cidr(m, p, "network", true);
    var source = f.string(m, p, "source", true);
    Optional<Long> key = f.longValue(m, p, "key", false, 0, 0xFFFFFFFFL);
    Optional<Integer> mtu = f.integer(m, p, "ip_mtu", false, 68, 17912);
    if (name.isEmpty() || network.isEmpty() || source.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new TunnelSpec(canonical(name.get()), network.get(), canonical(source.get()), key, mtu));
  }

  private Optional<NhrpSpec> nhrp(Section s) {
    Mapping m = s.mapping();
    String p = s.path();
    f.onlyKeys(m, p, Set.of("network_id", "authentication", "holdtime", "spokes_map_multicast_dynamic",
        Fields.FILLED));
    Optional<Long> id = f.longValue(m, p, "network_id", true, 1, 0xFFFFFFFFL);
    Optional<SecretRef> auth = secrets.secret(m, p, "authentication", false);
    Optional<Integer> hold = f.integer(m, p, "holdtime", false, 1, 65535);
    boolean spokesDynamic = f.bool(m, p, "spokes_map_multicast_dynamic").orElse(false);
    return id.map(i -> new NhrpSpec(i, auth, hold, spokesDynamic));
  }

  private Optional<EigrpSpec> eigrp(Section s) {
    f.onlyKeys(s.mapping(), s.path(), Set.of("as", Fields.FILLED));
    return f.integer(s.mapping(), s.path(), "as", true, 1, 65535).map(EigrpSpec::new);
  }

  static String canonical(String name) {
    return InterfaceNames.canonicalOrSelf(name);
  }
}
