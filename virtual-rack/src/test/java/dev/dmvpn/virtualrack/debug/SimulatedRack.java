package dev.dmvpn.virtualrack.debug;

import static org.testng.Assert.assertTrue;

import dev.dmvpn.ref.l2l3.MacAddress;
import dev.dmvpn.ref.time.SimulatedScheduler;
import dev.dmvpn.ref.wire.virtual.DocumentWan;
import dev.dmvpn.virtualrack.node.NodeCommands;
import dev.dmvpn.virtualrack.node.NodeHost;
import dev.dmvpn.virtualrack.node.WanAttachment;
import dev.dmvpn.virtualrack.rack.DocumentRackTestAccess;
import dev.dmvpn.virtualrack.router.Chassis;
import dev.dmvpn.virtualrack.session.CliSession;
import dev.dmvpn.virtualrack.session.RouterCli;
import dev.dmvpn.virtualrack.session.Terminal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The document's three routers (boot from their startup configurations) with nodes on the document's WAN, all on
 * one simulated clock, each with one privileged VTY session whose output is captured: fast, no sockets.
 */
final class SimulatedRack {
  final SimulatedScheduler clock = new SimulatedScheduler();
  final DocumentWan wan = DocumentWan.create(clock, 1);
  final Map<String, RouterCli> clis = new LinkedHashMap<>();
  final Map<String, NodeHost> hosts = new LinkedHashMap<>();
  final Map<String, CliSession> vtys = new LinkedHashMap<>();
  final Map<String, StringBuilder> outputs = new LinkedHashMap<>();

  SimulatedRack() throws Exception {
    this(java.util.function.UnaryOperator.identity());
  }

  /** The rack with {@code sv94Change} applied to sv9-4's startup configuration (a negative case). */
  SimulatedRack(java.util.function.UnaryOperator<String> sv94Change) throws Exception {
    Chassis[] chassis = {Chassis.sv92(), Chassis.sv93(), Chassis.sv94()};
    String[] names = {"sv9-2", "sv9-3", "sv9-4"};
    for (int i = 0; i < 3; i++) {
      String startup = "enable secret cisco\nline vty 0 4\n no login\n"
          + DocumentRackTestAccess.startup(names[i]);
      if (names[i].equals("sv9-4")) {
        startup = sv94Change.apply(startup);
      }
      RouterCli cli = RouterCli.boot(chassis[i], clock, startup);
      NodeHost host = NodeHost.attach(cli.router(), WanAttachment.of(wan),
          MacAddress.parse(String.format("02:00:00:00:0a:%02x", i + 1)), 7 + i);
      NodeCommands.install(cli.commands(), host);
      clis.put(names[i], cli);
      hosts.put(names[i], host);
    }
    clock.advance(Duration.ZERO);
    for (String n : names) {
      StringBuilder sb = new StringBuilder();
      outputs.put(n, sb);
      CliSession vty = clis.get(n).openVty(new Terminal() {
        @Override
        public void send(String text) {
          synchronized (sb) {
            sb.append(text);
          }
        }

        @Override
        public void close() {}
      }, "127.0.0.1", true); // as SSH would: sv9-2's VTYs ask for a line password
      vtys.put(n, vty);
      type(n, "enable\r");
      assertTrue(type(n, "cisco\r").endsWith(n + "#"), n);
      type(n, "terminal length 0\r");
    }
  }

  /** Types {@code keys} on a router's VTY, runs what is due now, and returns (and forgets) the output so far. */
  String type(String router, String keys) {
    vtys.get(router).input(keys);
    clock.advance(Duration.ZERO);
    return take(router);
  }

  String take(String router) {
    StringBuilder sb = outputs.get(router);
    synchronized (sb) {
      String t = sb.toString();
      sb.setLength(0);
      return t;
    }
  }

  void advance(Duration d) {
    clock.advance(d);
  }
}
