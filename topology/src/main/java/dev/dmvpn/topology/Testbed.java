package dev.dmvpn.topology;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A whole testbed: immutable, built by {@code TestbedLoader} or by {@code HubAndSpokes}.
 *
 * @param devices by name, in file order
 * @param links derived from the topology section's {@code link:} names, in order of first mention
 * @param credentials testbed-wide credentials (pyATS {@code testbed: credentials:}), used when a device has none
 * @param filled every {@code filled:} note (what the testbed adds to its source document)
 */
public record Testbed(
    String name,
    Map<String, Device> devices,
    List<Link> links,
    Map<String, Credential> credentials,
    Map<String, CapturePoint> captures,
    Optional<Dmvpn> dmvpn,
    List<FilledNote> filled) {

  public Testbed {
    devices = Collections.unmodifiableMap(new LinkedHashMap<>(devices));
    links = List.copyOf(links);
    credentials = Collections.unmodifiableMap(new LinkedHashMap<>(credentials));
    captures = Collections.unmodifiableMap(new LinkedHashMap<>(captures));
    filled = List.copyOf(filled);
  }

  public Optional<Device> device(String deviceName) {
    return Optional.ofNullable(devices.get(deviceName));
  }

  /** The device's credential of that name, else the testbed's (pyATS's fallback). */
  public Optional<Credential> credential(String deviceName, String credentialName) {
    Device d = devices.get(deviceName);
    if (d != null && d.credentials().containsKey(credentialName)) {
      return Optional.of(d.credentials().get(credentialName));
    }
    return Optional.ofNullable(credentials.get(credentialName));
  }
}
