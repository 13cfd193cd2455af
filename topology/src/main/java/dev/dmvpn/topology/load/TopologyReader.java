package dev.dmvpn.topology.load;

import dev.dmvpn.ref.config.InterfaceNames;
import dev.dmvpn.topology.Device;
import dev.dmvpn.topology.DeviceInterface;
import dev.dmvpn.topology.Link;
import dev.dmvpn.topology.OsType;
import dev.dmvpn.topology.load.YamlNode.Mapping;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * pyATS's {@code topology:} section: per device, its interfaces with {@code link} (a segment name shared by the
 * interfaces cabled together), {@code type} and {@code ipv4} (address/prefix). A {@code links:} entry (pyATS link
 * attributes) is accepted and ignored. IOS interface names are made canonical ({@code Gi0/0} ->
 * {@code GigabitEthernet0/0}) so that {@code tunnel source} and capture points match however they are written.
 */
final class TopologyReader {
  private static final Set<String> INTERFACE_KEYS =
      Set.of("link", "type", "ipv4", "ipv6", "alias", "description", Fields.FILLED);

  private final Fields f;

  TopologyReader(Fields f) {
    this.f = f;
  }

  /** Interfaces by device (only devices present in {@code devices}); links in order of first mention. */
  record Result(Map<String, Map<String, DeviceInterface>> interfaces, List<Link> links) {}

  Result read(Mapping root, Map<String, Device> devices, Set<String> declaredDevices) {
    Map<String, Map<String, DeviceInterface>> interfaces = new LinkedHashMap<>();
    Map<String, List<Link.Endpoint>> links = new LinkedHashMap<>();
    f.value(root, "", "topology", false).flatMap(n -> f.mapping(n, "topology")).ifPresent(m ->
        m.entries().forEach((name, e) -> {
          if (name.equals("links")) {
            f.mapping(e.value(), "topology.links");
            return;
          }
          String path = "topology." + name;
          if (!declaredDevices.contains(name)) {
            f.error(e.keyLine(), path, "device '" + name + "' is not under devices:");
          }
          Device d = devices.get(name);
          boolean ios = d == null || d.os() == OsType.IOS;
          interfaces.put(name, deviceInterfaces(e.value(), path, name, ios, links));
        }));
    List<Link> linkList = new ArrayList<>();
    links.forEach((name, endpoints) -> linkList.add(new Link(name, endpoints)));
    return new Result(interfaces, linkList);
  }

  private Map<String, DeviceInterface> deviceInterfaces(YamlNode node, String path, String device, boolean ios,
      Map<String, List<Link.Endpoint>> links) {
    Map<String, DeviceInterface> out = new LinkedHashMap<>();
    Optional<Mapping> om = f.mapping(node, path);
    if (om.isEmpty()) {
      return out;
    }
    f.onlyKeys(om.get(), path, Set.of("interfaces", Fields.FILLED));
    f.filledNotes(om.get(), path);
    String ip = path + ".interfaces";
    f.value(om.get(), path, "interfaces", true).flatMap(n -> f.mapping(n, ip)).ifPresent(m ->
        m.entries().forEach((written, e) -> {
          String name = ios ? InterfaceNames.canonicalOrSelf(written) : written;
          String p = ip + "." + written;
          if (out.containsKey(name)) {
            f.error(e.keyLine(), p, "interface " + name + " is listed twice (as written here: " + written + ")");
            return;
          }
          Optional<DeviceInterface> read = anInterface(e.value(), p, name);
          f.alias(p, ip + "." + name);
          read.ifPresent(i -> {
            out.put(name, i);
            i.link().ifPresent(l -> links.computeIfAbsent(l, k -> new ArrayList<>())
                .add(new Link.Endpoint(device, name)));
          });
        }));
    return out;
  }

  private Optional<DeviceInterface> anInterface(YamlNode node, String path, String name) {
    Optional<Mapping> om = f.mapping(node, path);
    if (om.isEmpty()) {
      return Optional.empty();
    }
    Mapping m = om.get();
    f.onlyKeys(m, path, INTERFACE_KEYS);
    f.filledNotes(m, path);
    return Optional.of(new DeviceInterface(name, f.string(m, path, "link", false), f.string(m, path, "type", false),
        f.cidr(m, path, "ipv4", false)));
  }
}
