package dev.dmvpn.topology;

import dev.dmvpn.ref.bytes.Ipv4Address;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A device of the testbed.
 *
 * @param name its key under {@code devices:} (pyATS uses the hostname)
 * @param hostname the IOS {@code hostname} (defaults to the name)
 * @param image the boot image, e.g. {@code flash:c2691-ik9s-mz.123-3.bin}
 * @param connections by name ({@code console}, {@code vty}; pyATS names such as {@code cli}, {@code a})
 * @param credentials by name ({@code default}, {@code enable}, ...)
 * @param interfaces by canonical name, from the {@code topology:} section
 * @param defaultGateway the next hop of the device's default route, when it has one
 */
public record Device(
    String name,
    String hostname,
    OsType os,
    Optional<Platform> platform,
    Optional<String> image,
    Map<String, Connection> connections,
    Map<String, Credential> credentials,
    Map<String, DeviceInterface> interfaces,
    Optional<Ipv4Address> defaultGateway) {

  public Device {
    connections = Collections.unmodifiableMap(new LinkedHashMap<>(connections));
    credentials = Collections.unmodifiableMap(new LinkedHashMap<>(credentials));
    interfaces = Collections.unmodifiableMap(new LinkedHashMap<>(interfaces));
  }

  /** A copy with these interfaces (the loader reads devices and the topology section apart). */
  public Device withInterfaces(Map<String, DeviceInterface> newInterfaces) {
    return new Device(name, hostname, os, platform, image, connections, credentials, newInterfaces, defaultGateway);
  }
}
