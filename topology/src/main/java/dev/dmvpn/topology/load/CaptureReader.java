package dev.dmvpn.topology.load;

import dev.dmvpn.topology.CapturePoint;
import dev.dmvpn.topology.load.YamlNode.Mapping;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@code captures: {name: {device, interface, filter}}}: where the harness records traffic. */
final class CaptureReader {
  private final Fields f;

  CaptureReader(Fields f) {
    this.f = f;
  }

  Map<String, CapturePoint> read(Mapping root) {
    Map<String, CapturePoint> out = new LinkedHashMap<>();
    f.value(root, "", "captures", false).flatMap(n -> f.mapping(n, "captures")).ifPresent(m ->
        m.entries().forEach((name, e) -> point(name, e.value()).ifPresent(c -> out.put(name, c))));
    return out;
  }

  private Optional<CapturePoint> point(String name, YamlNode node) {
    String path = "captures." + name;
    Optional<Mapping> om = f.mapping(node, path);
    if (om.isEmpty()) {
      return Optional.empty();
    }
    Mapping m = om.get();
    f.onlyKeys(m, path, Set.of("device", "interface", "filter", Fields.FILLED));
    f.filledNotes(m, path);
    var device = f.string(m, path, "device", true);
    var iface = f.string(m, path, "interface", true);
    var filter = f.string(m, path, "filter", false);
    if (device.isEmpty() || iface.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new CapturePoint(name, device.get(), iface.get(), filter));
  }
}
