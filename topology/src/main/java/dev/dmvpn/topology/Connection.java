package dev.dmvpn.topology;

import java.util.Map;
import java.util.Optional;

/** How the harness reaches a device's CLI. */
public sealed interface Connection permits Connection.Console, Connection.Vty {

  /**
   * The console through a terminal server line (reverse telnet, port 2000 + line on IOS access servers).
   *
   * @param host the terminal server
   * @param port its TCP port for this line
   * @param line the line number on the terminal server, when known
   * @param credentials the terminal server's own login (empty when its lines need none)
   */
  record Console(String host, int port, Optional<Integer> line, Map<String, Credential> credentials)
      implements Connection {
    public Console {
      credentials = Map.copyOf(credentials);
    }
  }

  /**
   * A VTY session to the router itself.
   *
   * @param hostKeyPolicy only meaningful for SSH (telnet has no host key)
   * @param credentials this connection's own credentials (pyATS allows them per connection); empty means the
   *     device's
   */
  record Vty(VtyProtocol protocol, String host, int port, HostKeyPolicy hostKeyPolicy,
      Map<String, Credential> credentials) implements Connection {
    public Vty {
      credentials = Map.copyOf(credentials);
    }

    /** A VTY session that uses the device's credentials. */
    public Vty(VtyProtocol protocol, String host, int port, HostKeyPolicy hostKeyPolicy) {
      this(protocol, host, port, hostKeyPolicy, Map.of());
    }
  }

  /** Telnet or SSH. */
  enum VtyProtocol {
    TELNET(23),
    SSH(22);

    private final int defaultPort;

    VtyProtocol(int defaultPort) {
      this.defaultPort = defaultPort;
    }

    public int defaultPort() {
      return defaultPort;
    }
  }
}
