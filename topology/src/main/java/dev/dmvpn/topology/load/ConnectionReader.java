package dev.dmvpn.topology.load;

import dev.dmvpn.topology.Connection;
import dev.dmvpn.topology.Connection.VtyProtocol;
import dev.dmvpn.topology.Credential;
import dev.dmvpn.topology.HostKeyPolicy;
import dev.dmvpn.topology.load.YamlNode.Mapping;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A device's {@code connections:}. A connection named {@code console}, or pyATS's {@code a} / {@code b} (the
 * console lines of the two route processors), or one that gives a terminal-server {@code line}, is a console
 * through a terminal server; every other one is a VTY session. pyATS's {@code defaults} block is skipped.
 */
final class ConnectionReader {
  private static final Set<String> CONSOLE_NAMES = Set.of("console", "a", "b");
  private static final Set<String> PYATS_IGNORED = Set.of("class", "via", "arguments", "settings", "proxy",
      "timeout", "login_creds", "service_attributes", "pool", "alias", "prompts");
  private static final Set<String> OURS =
      Set.of("protocol", "ip", "host", "port", "line", "host_key", "credentials", Fields.FILLED);
  /** IOS access servers map TCP port 2000 + n to line n (reverse telnet). */
  private static final int REVERSE_TELNET_BASE = 2000;

  private final Fields f;
  private final SecretRefReader secrets;

  ConnectionReader(Fields f, SecretRefReader secrets) {
    this.f = f;
    this.secrets = secrets;
  }

  Map<String, Connection> connections(Mapping device, String devicePath) {
    Map<String, Connection> out = new LinkedHashMap<>();
    String path = devicePath + ".connections";
    f.value(device, devicePath, "connections", false).flatMap(n -> f.mapping(n, path)).ifPresent(m ->
        m.entries().forEach((name, e) -> {
          if (!name.equals("defaults")) {
            connection(name, e.value(), path + "." + name).ifPresent(c -> out.put(name, c));
          }
        }));
    return out;
  }

  private Optional<Connection> connection(String name, YamlNode node, String path) {
    Optional<Mapping> om = f.mapping(node, path);
    if (om.isEmpty()) {
      return Optional.empty();
    }
    Mapping m = om.get();
    Set<String> known = new HashSet<>(OURS);
    known.addAll(PYATS_IGNORED);
    f.onlyKeys(m, path, known);
    f.filledNotes(m, path);
    Optional<String> host = host(m, path);
    Optional<Integer> port = f.integer(m, path, "port", false, 1, 65535);
    Optional<Integer> line = f.integer(m, path, "line", false, 0, 999);
    boolean console = CONSOLE_NAMES.contains(name) || line.isPresent();
    // a console line is reverse telnet whatever the file says, so its protocol may be left out
    Optional<VtyProtocol> protocol = f.choice(m, path, "protocol", !console, ConnectionReader::protocolOf,
        "telnet, ssh");
    if (console && !m.entries().containsKey("protocol")) {
      protocol = Optional.of(VtyProtocol.TELNET);
    }
    Map<String, Credential> credentials = secrets.credentials(m, path);
    if (console) {
      return console(m, path, host, protocol, port, line, credentials);
    }
    return vty(m, path, host, protocol, port, credentials);
  }

  private Optional<Connection> console(Mapping m, String path, Optional<String> host, Optional<VtyProtocol> protocol,
      Optional<Integer> port, Optional<Integer> line, Map<String, Credential> credentials) {
    if (protocol.isPresent() && protocol.get() != VtyProtocol.TELNET) {
      f.error(m.entries().get("protocol").keyLine(), path + ".protocol",
          "a console through a terminal server line is reached by telnet (reverse telnet)");
    }
    if (m.entries().containsKey("host_key")) {
      f.error(m.entries().get("host_key").keyLine(), path + ".host_key", "host_key applies to ssh VTY connections only");
    }
    if (port.isEmpty()) {
      f.error(m.line(), path + ".port", "required field is missing (the terminal server's TCP port for the line)");
    }
    Optional<Integer> lineNumber = line.or(() -> port.filter(p -> p > REVERSE_TELNET_BASE && p < 3000)
        .map(p -> p - REVERSE_TELNET_BASE));
    if (host.isEmpty() || port.isEmpty() || protocol.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Connection.Console(host.get(), port.get(), lineNumber, credentials));
  }

  private Optional<Connection> vty(Mapping m, String path, Optional<String> host, Optional<VtyProtocol> protocol,
      Optional<Integer> port, Map<String, Credential> credentials) {
    Optional<HostKeyPolicy> policy = f.choice(m, path, "host_key", false, HostKeyPolicy::parse,
        "strict, accept-new, off");
    if (protocol.isPresent() && protocol.get() == VtyProtocol.TELNET && policy.isPresent()) {
      f.error(m.entries().get("host_key").keyLine(), path + ".host_key", "telnet has no host key; remove host_key");
    }
    if (host.isEmpty() || protocol.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Connection.Vty(protocol.get(), host.get(), port.orElse(protocol.get().defaultPort()),
        policy.orElse(HostKeyPolicy.STRICT), credentials));
  }

  /** pyATS writes {@code ip:}; ours allows {@code host:} (a name or an address); one of them, not both. */
  private Optional<String> host(Mapping m, String path) {
    boolean ip = m.entries().containsKey("ip");
    boolean host = m.entries().containsKey("host");
    if (ip && host) {
      f.error(m.entries().get("host").keyLine(), path + ".host", "give ip or host, not both");
      return Optional.empty();
    }
    if (!ip && !host) {
      f.error(m.line(), path + ".ip", "required field is missing (ip or host)");
      return Optional.empty();
    }
    return f.string(m, path, ip ? "ip" : "host", true);
  }

  private static Optional<VtyProtocol> protocolOf(String text) {
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "telnet" -> Optional.of(VtyProtocol.TELNET);
      case "ssh" -> Optional.of(VtyProtocol.SSH);
      default -> Optional.empty();
    };
  }
}
