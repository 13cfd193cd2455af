package dev.dmvpn.drivers.testbed;

import dev.dmvpn.drivers.channel.Transcript;
import dev.dmvpn.drivers.console.ConsoleConnector;
import dev.dmvpn.drivers.console.ConsoleLine;
import dev.dmvpn.drivers.ios.Credentials;
import dev.dmvpn.drivers.ios.DriverException;
import dev.dmvpn.drivers.ios.IosSession;
import dev.dmvpn.drivers.ios.SessionOptions;
import dev.dmvpn.drivers.transport.HostKeyPolicy;
import dev.dmvpn.drivers.transport.SshTransport;
import dev.dmvpn.drivers.transport.TelnetOptions;
import dev.dmvpn.drivers.transport.TelnetTransport;
import dev.dmvpn.topology.Connection;
import dev.dmvpn.topology.Credential;
import dev.dmvpn.topology.Device;
import dev.dmvpn.topology.secrets.SecretResolver;
import dev.dmvpn.topology.secrets.SecretUnavailableException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Opens a session to a testbed device by one of its connections (topology/README.md): {@code console} (through
 * the terminal server, clearing a busy line when the line number is known), {@code vty}, or a connection's own
 * name. Credentials by the README's names: {@code default} (login with username) or {@code vty} (line password),
 * {@code enable}; a VTY's own credentials win over the device's. Secrets are resolved only here, when needed.
 */
public final class TestbedConnector {
  /** IOS access servers take their own VTY logins on the telnet port. */
  static final int TERMINAL_SERVER_VTY_PORT = 23;
  static final int MAX_CLEARS = 2;

  private final SecretResolver secrets;
  private final SessionOptions options;
  private final Transcript transcript;
  private final Path knownHosts;

  public TestbedConnector(SecretResolver secrets, SessionOptions options, Transcript transcript, Path knownHosts) {
    this.secrets = secrets;
    this.options = options;
    this.transcript = transcript;
    this.knownHosts = knownHosts;
  }

  public IosSession open(Device device, String via) throws IOException {
    Connection c = pick(device, via);
    if (c instanceof Connection.Console console) {
      int line = console.line().orElse(0);
      ConsoleLine target = new ConsoleLine(console.host(), console.port(), Math.max(line, 1),
          TERMINAL_SERVER_VTY_PORT, credentials(console.credentials(), Map.of(), device.name() + " console"));
      return ConsoleConnector.open(target, credentials(device.credentials(), Map.of(), device.name()), options,
          transcript, line > 0 ? MAX_CLEARS : 0);
    }
    Connection.Vty vty = (Connection.Vty) c;
    Credentials creds = credentials(vty.credentials(), device.credentials(), device.name());
    if (vty.protocol() == Connection.VtyProtocol.TELNET) {
      return IosSession.open(TelnetTransport.connect(vty.host(), vty.port(), TelnetOptions.DEFAULT), creds, options,
          transcript);
    }
    if (creds.username() == null || creds.password() == null) {
      throw new DriverException(device.name() + ": SSH needs a 'default' credential with a username");
    }
    return IosSession.open(SshTransport.connect(vty.host(), vty.port(), creds.username(), creds.password(),
        HostKeyPolicy.valueOf(vty.hostKeyPolicy().name()), knownHosts, TelnetOptions.DEFAULT), creds, options,
        transcript);
  }

  private static Connection pick(Device device, String via) throws DriverException {
    Connection named = device.connections().get(via);
    if (named != null) {
      return named;
    }
    for (Connection c : device.connections().values()) {
      if (via.equals("console") && c instanceof Connection.Console
          || via.equals("vty") && c instanceof Connection.Vty) {
        return c;
      }
    }
    throw new DriverException("device " + device.name() + " has no connection '" + via + "' (has "
        + device.connections().keySet() + ")");
  }

  private Credentials credentials(Map<String, Credential> own, Map<String, Credential> fallback, String where)
      throws DriverException {
    Credential login = first(own, fallback, "default", "vty");
    Credential enable = first(own, fallback, "enable");
    return new Credentials(login == null ? null : login.username().orElse(null), reveal(login, where),
        reveal(enable, where));
  }

  private static Credential first(Map<String, Credential> own, Map<String, Credential> fallback, String... names) {
    for (Map<String, Credential> m : java.util.List.of(own, fallback)) {
      for (String n : names) {
        if (m.containsKey(n)) {
          return m.get(n);
        }
      }
    }
    return null;
  }

  private String reveal(Credential c, String where) throws DriverException {
    if (c == null) {
      return null;
    }
    try {
      return secrets.resolve(c.password()).reveal();
    } catch (SecretUnavailableException e) {
      throw new DriverException(where + ": " + e.getMessage());
    }
  }
}
