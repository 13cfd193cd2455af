package dev.dmvpn.drivers.ios;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Several named sessions to one device (e.g. {@code cli} for commands and {@code debug} for a debug capture, or
 * the testbed's {@code console} and {@code vty}), each opened on first use by its {@link SessionFactory} and kept
 * until closed. {@link #reopen} replaces a session (after a reload dropped it). Not thread-safe; each session is
 * used by one caller.
 */
public final class DeviceConnections implements AutoCloseable {
  private final String device;
  private final Map<String, SessionFactory> factories;
  private final Map<String, IosSession> open = new LinkedHashMap<>();

  public DeviceConnections(String device, Map<String, SessionFactory> factories) {
    this.device = device;
    this.factories = new LinkedHashMap<>(factories);
  }

  /**
   * Connections named after the testbed's: each name opens {@code connector.open(device, name)} (a testbed
   * connection name, or {@code console} / {@code vty}); {@code aliases} maps further names to one of those
   * ({@code debug -> vty} opens a second VTY session).
   */
  public static DeviceConnections fromTestbed(dev.dmvpn.drivers.testbed.TestbedConnector connector,
      dev.dmvpn.topology.Device device, Map<String, String> aliases) {
    Map<String, SessionFactory> f = new LinkedHashMap<>();
    for (String name : device.connections().keySet()) {
      f.put(name, () -> connector.open(device, name));
    }
    aliases.forEach((alias, via) -> f.put(alias, () -> connector.open(device, via)));
    return new DeviceConnections(device.name(), f);
  }

  public Set<String> names() {
    return factories.keySet();
  }

  /** The session named {@code name}, opened now if it is not open. */
  public IosSession get(String name) throws IOException {
    IosSession s = open.get(name);
    if (s == null) {
      s = factory(name).open();
      open.put(name, s);
    }
    return s;
  }

  /** The factory of {@code name}: what a VTY reload reconnects with. */
  public SessionFactory factory(String name) throws DriverException {
    SessionFactory f = factories.get(name);
    if (f == null) {
      throw new DriverException("device " + device + " has no connection '" + name + "' (has " + factories.keySet()
          + ")");
    }
    return f;
  }

  /** Puts {@code session} in place of the one named {@code name} (closing the old one if different). */
  public void replace(String name, IosSession session) throws DriverException {
    factory(name);
    IosSession old = open.put(name, session);
    if (old != null && old != session) {
      old.close();
    }
  }

  /** Closes the session named {@code name} if open and opens a new one. */
  public IosSession reopen(String name) throws IOException {
    IosSession old = open.remove(name);
    if (old != null) {
      old.close();
    }
    return get(name);
  }

  public boolean isOpen(String name) {
    return open.containsKey(name);
  }

  /** Closes every open session; the first failure (none is expected: close does not throw) is not hidden. */
  @Override
  public void close() {
    List<IosSession> all = new ArrayList<>(open.values());
    open.clear();
    all.forEach(IosSession::close);
  }
}
