package dev.dmvpn.topology.load;

import dev.dmvpn.topology.Connection;
import dev.dmvpn.topology.Credential;
import dev.dmvpn.topology.Device;
import dev.dmvpn.topology.OsType;
import dev.dmvpn.topology.Platform;
import dev.dmvpn.topology.load.YamlNode.Mapping;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The {@code devices:} section: ours and pyATS's keys (pyATS-only keys are accepted and ignored). */
final class DeviceReader {
  /** pyATS device keys the harness does not use; accepted so a pyATS testbed loads unchanged. */
  private static final Set<String> PYATS_IGNORED =
      Set.of("alias", "type", "series", "model", "role", "custom", "clean", "peripherals", "management", "region",
          "location", "power", "chassis_type", "platform_version");
  /** pyATS's older credential keys, read by {@link SecretRefReader#legacyPasswords}. */
  private static final Set<String> PYATS_LEGACY = Set.of("tacacs", "passwords");
  private static final Set<String> OURS =
      Set.of("os", "platform", "hostname", "image", "credentials", "connections", "default_gateway", Fields.FILLED);

  private final Fields f;
  private final SecretRefReader secrets;
  private final ConnectionReader connections;

  DeviceReader(Fields f, SecretRefReader secrets) {
    this.f = f;
    this.secrets = secrets;
    this.connections = new ConnectionReader(f, secrets);
  }

  Map<String, Device> devices(Mapping root) {
    Map<String, Device> out = new LinkedHashMap<>();
    f.value(root, "", "devices", true).flatMap(n -> f.mapping(n, "devices")).ifPresent(m -> {
      if (m.entries().isEmpty()) {
        f.error(m.line(), "devices", "no devices");
      }
      m.entries().forEach((name, e) -> device(name, e.value()).ifPresent(d -> out.put(name, d)));
    });
    return out;
  }

  private Optional<Device> device(String name, YamlNode node) {
    String path = "devices." + name;
    Optional<Mapping> om = f.mapping(node, path);
    if (om.isEmpty()) {
      return Optional.empty();
    }
    Mapping m = om.get();
    Set<String> known = new HashSet<>(OURS);
    known.addAll(PYATS_IGNORED);
    known.addAll(PYATS_LEGACY);
    f.onlyKeys(m, path, known);
    f.filledNotes(m, path);
    Optional<OsType> os = f.choice(m, path, "os", true, OsType::parse, "ios, linux");
    Optional<Platform> platform = f.choice(m, path, "platform", false, Platform::parse, "2691, 3725 (or c2691, c3725)");
    String hostname = f.string(m, path, "hostname", false).orElse(name);
    Optional<String> image = f.string(m, path, "image", false);
    Map<String, Credential> credentials = new LinkedHashMap<>(secrets.legacyPasswords(m, path));
    credentials.putAll(secrets.credentials(m, path));
    Map<String, Connection> conns = connections.connections(m, path);
    var gateway = f.address(m, path, "default_gateway", false);
    if (os.isEmpty()) {
      return Optional.empty();
    }
    if (os.get() == OsType.LINUX && platform.isPresent()) {
      f.error(m.entries().get("platform").keyLine(), path + ".platform", "a Linux device has no router platform");
    }
    return Optional.of(new Device(name, hostname, os.get(), platform, image, conns, credentials, Map.of(), gateway));
  }
}
