package dev.dmvpn.drivers.ios;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;
import static org.testng.Assert.expectThrows;

import dev.dmvpn.drivers.channel.Transcript;
import dev.dmvpn.drivers.testbed.TestbedConnector;
import dev.dmvpn.topology.Connection;
import dev.dmvpn.topology.Credential;
import dev.dmvpn.topology.Device;
import dev.dmvpn.topology.HostKeyPolicy;
import dev.dmvpn.topology.OsType;
import dev.dmvpn.topology.SecretRef;
import dev.dmvpn.topology.secrets.SecretResolver;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import org.testng.annotations.Test;

/** A testbed device's VTY connections (telnet and SSH) with secrets from the environment. */
public class TestbedConnectorTest {
  private static final SecretResolver ENV = new SecretResolver(
      Map.of("T_PASS", RackFixture.PASSWORD, "T_ENABLE", RackFixture.ENABLE));

  private static Device device(RackFixture f, Map<String, Credential> credentials) {
    return new Device("sv9-4", "sv9-4", OsType.IOS, Optional.empty(), Optional.empty(), Map.of(
        "vty", new Connection.Vty(Connection.VtyProtocol.TELNET, "127.0.0.1", f.vtyPort(), HostKeyPolicy.STRICT),
        "mgmt", new Connection.Vty(Connection.VtyProtocol.SSH, "127.0.0.1", f.sshPort(), HostKeyPolicy.OFF)),
        credentials, Map.of(), Optional.empty());
  }

  @Test
  public void vtyAndSshByNameWithResolvedSecrets() throws IOException {
    try (RackFixture f = new RackFixture()) {
      Device d = device(f, Map.of(
          "default", new Credential(Optional.of(RackFixture.USER), new SecretRef.Env("T_PASS")),
          "enable", new Credential(Optional.empty(), new SecretRef.Env("T_ENABLE"))));
      TestbedConnector connector = new TestbedConnector(ENV, SessionOptions.IOS_DEFAULT, Transcript.none(), null);
      for (String via : new String[] {"vty", "mgmt"}) {
        try (IosSession s = connector.open(d, via)) {
          s.enable();
          assertEquals(s.prompt().toString(), "sv9-4#", via);
        }
      }
      DriverException none = expectThrows(DriverException.class, () -> connector.open(d, "console"));
      assertTrue(none.getMessage().contains("no connection 'console'"), none.getMessage());
      Device unset = device(f, Map.of(
          "default", new Credential(Optional.of(RackFixture.USER), new SecretRef.Env("T_MISSING"))));
      DriverException missing = expectThrows(DriverException.class, () -> connector.open(unset, "vty"));
      assertTrue(missing.getMessage().contains("T_MISSING"), missing.getMessage());
    }
  }

  @Test
  public void namedConnectionsFromTheTestbedWithADebugAlias() throws IOException {
    try (RackFixture f = new RackFixture()) {
      Device d = device(f, Map.of(
          "default", new Credential(Optional.of(RackFixture.USER), new SecretRef.Env("T_PASS")),
          "enable", new Credential(Optional.empty(), new SecretRef.Env("T_ENABLE"))));
      TestbedConnector connector = new TestbedConnector(ENV, SessionOptions.IOS_DEFAULT, Transcript.none(), null);
      try (DeviceConnections c = DeviceConnections.fromTestbed(connector, d, Map.of("debug", "vty"))) {
        assertEquals(c.names(), java.util.Set.of("vty", "mgmt", "debug"));
        IosSession cli = c.get("vty");
        IosSession debug = c.get("debug");
        assertTrue(cli != debug, "the alias opens a second session");
        cli.enable();
        debug.enable();
        // two VTY lines in use: the router's own line table says so
        String users = cli.execute("show line").output();
        assertEquals(users.lines().filter(l -> l.matches("^\\*\\s*\\d+ VTY.*")).count(), 2L, users);
        IosSession again = c.reopen("debug");
        assertTrue(again != debug && c.get("debug") == again);
      }
    }
  }
}
