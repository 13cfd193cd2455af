package dev.dmvpn.virtualrack.rack;

import dev.dmvpn.ref.l2l3.MacAddress;
import dev.dmvpn.ref.time.Scheduler;
import dev.dmvpn.virtualrack.node.NodeCommands;
import dev.dmvpn.virtualrack.node.NodeHost;
import dev.dmvpn.virtualrack.node.WanAttachment;
import dev.dmvpn.virtualrack.router.Chassis;
import dev.dmvpn.virtualrack.session.RouterCli;
import dev.dmvpn.virtualrack.ssh.SshEndpoint;
import dev.dmvpn.virtualrack.telnet.TerminalServer;
import dev.dmvpn.virtualrack.telnet.VtyServer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Emulated routers with their endpoints on loopback: a telnet VTY port and an SSH port per router, and a
 * terminal server whose line N is the N-th router's console ({@code basePort + N}, e.g. 2001, 2002, 2003). Port 0
 * everywhere picks free ports (tests); SSH ports are always picked free.
 */
public final class Rack implements AutoCloseable {
  private final Map<String, RouterCli> routers = new LinkedHashMap<>();
  private final Map<String, VtyServer> vtys = new LinkedHashMap<>();
  private final Map<String, SshEndpoint> ssh = new LinkedHashMap<>();
  private final Map<String, NodeHost> nodes = new LinkedHashMap<>();
  private TerminalServer terminalServer;

  private Rack() {}

  /**
   * Boots the routers and opens their endpoints. {@code tsStartup} configures the terminal server's own CLI
   * (host name, VTY password, enable secret); {@code vtyBasePort} 0 gives each router a free VTY port, otherwise
   * router i listens on {@code vtyBasePort + i}.
   */
  public static Rack start(List<RackRouter> specs, Scheduler scheduler, String tsStartup, int tsBasePort,
      int tsVtyPort, int vtyBasePort) throws IOException {
    return start(specs, scheduler, tsStartup, tsBasePort, tsVtyPort, vtyBasePort, null, 0);
  }

  /**
   * {@link #start} with a {@link dev.dmvpn.ref.node.DmvpnNode} under every router, on the segments {@code wan}
   * chooses by each router's tunnel source address (router i gets MAC {@code 02:00:00:00:0a:<i+1>}; {@code seed}
   * makes its IKE randomness repeatable). The node is built from the running configuration after boot and rebuilt
   * when configuration mode ends; the node-fed exec commands ({@link NodeCommands}) are added to its CLI.
   */
  public static Rack start(List<RackRouter> specs, Scheduler scheduler, String tsStartup, int tsBasePort,
      int tsVtyPort, int vtyBasePort, WanAttachment wan, long seed) throws IOException {
    Rack rack = new Rack();
    try {
      List<RouterCli> consoles = new ArrayList<>();
      int i = 0;
      for (RackRouter spec : specs) {
        RouterCli cli = RouterCli.boot(spec.chassis(), scheduler, spec.startup());
        rack.routers.put(spec.name(), cli);
        if (wan != null) {
          NodeHost host = NodeHost.attach(cli.router(), wan,
              MacAddress.parse(String.format("02:00:00:00:0a:%02x", i + 1)), seed + i);
          NodeCommands.install(cli.commands(), host);
          rack.nodes.put(spec.name(), host);
        }
        rack.vtys.put(spec.name(), VtyServer.start(cli, vtyBasePort == 0 ? 0 : vtyBasePort + i));
        rack.ssh.put(spec.name(), SshEndpoint.start(cli, 0));
        consoles.add(cli);
        i++;
      }
      RouterCli ts = RouterCli.boot(Chassis.terminalServer(), scheduler, tsStartup);
      rack.terminalServer = TerminalServer.start(ts, consoles, tsBasePort, tsVtyPort);
      return rack;
    } catch (IOException | RuntimeException e) {
      rack.close();
      throw e;
    }
  }

  public RouterCli router(String name) {
    RouterCli r = routers.get(name);
    if (r == null) {
      throw new IllegalArgumentException("no router " + name + " in the rack (has " + routers.keySet() + ")");
    }
    return r;
  }

  /** The node binding of a router, or {@code null} in a rack started without a WAN. */
  public NodeHost node(String name) {
    router(name);
    return nodes.get(name);
  }

  public int vtyPort(String name) {
    router(name);
    return vtys.get(name).port();
  }

  public int sshPort(String name) {
    router(name);
    return ssh.get(name).port();
  }

  /** The reverse-telnet port of a router's console. */
  public int consolePort(String name) {
    int line = new ArrayList<>(routers.keySet()).indexOf(name) + 1;
    if (line == 0) {
      throw new IllegalArgumentException("no router " + name + " in the rack (has " + routers.keySet() + ")");
    }
    return terminalServer.port(line);
  }

  public TerminalServer terminalServer() {
    return terminalServer;
  }

  @Override
  public void close() throws IOException {
    if (terminalServer != null) {
      terminalServer.close();
    }
    for (VtyServer v : vtys.values()) {
      v.close();
    }
    for (SshEndpoint e : ssh.values()) {
      e.close();
    }
  }
}
