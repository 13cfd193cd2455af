package dev.dmvpn.harness.lab;

import dev.dmvpn.topology.Connection;
import dev.dmvpn.topology.Device;
import dev.dmvpn.topology.HostKeyPolicy;
import dev.dmvpn.topology.Testbed;
import dev.dmvpn.virtualrack.rack.Rack;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The testbed a driver uses to reach a running {@code lab up} rack ({@code --write-testbed FILE}): the rack's source
 * testbed (the shipped document rack, or {@code --testbed}'s file) with every rack router's connections replaced by
 * its loopback endpoints: {@code console} on the terminal server's line, {@code vty} telnet, {@code ssh} (host key
 * policy off: the rack makes a new key per start). Credentials stay references, as in the source; devices outside
 * the rack (the WAN router) are kept as they are.
 */
public final class LabTestbed {
  private static final String LOOPBACK = "127.0.0.1";

  private LabTestbed() {}

  /** {@code source} pointed at {@code rack}'s endpoints for the routers named in {@code routers} (line order). */
  public static Testbed reachable(Testbed source, Rack rack, List<String> routers) {
    Map<String, Device> devices = new LinkedHashMap<>();
    for (Device d : source.devices().values()) {
      int line = routers.indexOf(d.name()) + 1;
      if (line == 0) {
        devices.put(d.name(), d);
        continue;
      }
      Map<String, Connection> c = new LinkedHashMap<>();
      c.put("console", new Connection.Console(LOOPBACK, rack.consolePort(d.name()), Optional.of(line), Map.of()));
      c.put("vty", new Connection.Vty(Connection.VtyProtocol.TELNET, LOOPBACK, rack.vtyPort(d.name()),
          HostKeyPolicy.OFF, Map.of()));
      c.put("ssh", new Connection.Vty(Connection.VtyProtocol.SSH, LOOPBACK, rack.sshPort(d.name()),
          HostKeyPolicy.OFF, Map.of()));
      devices.put(d.name(), new Device(d.name(), d.hostname(), d.os(), d.platform(), d.image(), c, d.credentials(),
          d.interfaces(), d.defaultGateway()));
    }
    return new Testbed(source.name(), devices, source.links(), source.credentials(), source.captures(),
        source.dmvpn(), source.filled());
  }
}
