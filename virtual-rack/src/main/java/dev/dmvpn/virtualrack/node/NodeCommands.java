package dev.dmvpn.virtualrack.node;

import dev.dmvpn.ref.bytes.Ipv4Address;
import dev.dmvpn.ref.node.DmvpnNode;
import dev.dmvpn.ref.node.Pinger;
import dev.dmvpn.virtualrack.session.CliSession;
import dev.dmvpn.virtualrack.session.CommandSet;
import java.time.Duration;
import java.util.function.Function;

/**
 * The exec commands fed by the node under a router: {@code show ip route}, {@code show ip nhrp}, {@code show ip
 * eigrp neighbors}, {@code show crypto isakmp sa}, {@code ping A.B.C.D}. Each reads the node on its scheduler
 * (the CLI thread never touches node state) and prints when done; the session holds typed keys meanwhile.
 */
public final class NodeCommands {
  static final int PING_COUNT = 5;
  static final int PING_SIZE = 100;
  static final int PING_TIMEOUT_SECONDS = 2;
  /** IOS's answer for a ping it cannot send at all [unconfirmed wording for "no route" on 12.3]. */
  static final String UNRECOGNIZED = "% Unrecognized host or address, or protocol not running.\n";

  private NodeCommands() {}

  public static void install(CommandSet set, NodeHost host) {
    dev.dmvpn.virtualrack.debug.DebugSwitches switches = new dev.dmvpn.virtualrack.debug.DebugSwitches();
    dev.dmvpn.virtualrack.debug.NodeDebug.attach(host, switches);
    dev.dmvpn.virtualrack.debug.DebugCommands.install(set, switches);
    set.defineExec("show ip route", "IP routing table",
        (s, inv) -> onNode(s, host, n -> RouteTableView.render(n == null ? java.util.List.of() : NodeViews.routes(n))));
    set.defineExec("show ip nhrp", "NHRP information",
        (s, inv) -> onNode(s, host, n -> n == null ? "" : NhrpView.render(NodeViews.nhrp(n, host.builtAtNanos(), host.scheduler().clock().nanoTime()))));
    set.defineExec("show ip eigrp neighbors", "IP-EIGRP neighbors",
        (s, inv) -> onNode(s, host, n -> n == null || n.eigrp() == null ? ""
            : EigrpNeighborsView.render(n.eigrp().router().config().asNumber(), n.eigrp().router().neighbors())));
    set.defineExec("show ip eigrp topology", "IP-EIGRP Topology Table",
        (s, inv) -> onNode(s, host, n -> n == null ? "" : EigrpTopologyView.render(n)));
    set.defineExec("show ip nhrp traffic", "NHRP traffic statistics",
        (s, inv) -> onNode(s, host, n -> n == null ? "" : NhrpTrafficView.render(n)));
    set.defineExec("show ip nhrp detail", "Detailed display",
        (s, inv) -> onNode(s, host, n -> n == null ? "" : NhrpView.render(NodeViews.nhrp(n, host.builtAtNanos(), host.scheduler().clock().nanoTime()))));
    set.definePrivileged("clear crypto sa", "Clear all IPSEC security associations",
        (s, inv) -> onNode(s, host, n -> clear(n, ClearCommands::cryptoSa)));
    set.definePrivileged("clear crypto isakmp", "Clear all ISAKMP security associations",
        (s, inv) -> onNode(s, host, n -> clear(n, ClearCommands::cryptoIsakmp)));
    set.definePrivileged("clear ip nhrp", "Clear NHRP cache",
        (s, inv) -> onNode(s, host, n -> clear(n, ClearCommands::ipNhrp)));
    set.definePrivileged("show crypto isakmp sa", "Show ISAKMP Security Associations",
        (s, inv) -> onNode(s, host, n -> IsakmpSaView.render(n == null ? java.util.List.of() : NodeViews.isakmp(n))));
    set.definePrivileged("show crypto ipsec sa", "IPSEC SA table",
        (s, inv) -> onNode(s, host, n -> n == null ? "" : IpsecSaView.render(n, host.cryptoIds())));
    set.defineExec("ping $target:ipv4", "Ping destination address or hostname",
        (s, inv) -> ping(s, host, Ipv4Address.parse(inv.arg("target"))));
  }

  private static String clear(DmvpnNode n, java.util.function.Consumer<DmvpnNode> action) {
    if (n != null) {
      action.accept(n);
    }
    return "";
  }

  private static void onNode(CliSession s, NodeHost host, Function<DmvpnNode, String> render) {
    s.beginAsync();
    host.scheduler().schedule(Duration.ZERO, () -> {
      String text;
      try {
        text = render.apply(host.node());
      } catch (RuntimeException e) {
        text = "%Internal error in the emulated router: " + e + "\n";
      }
      s.finishAsync(text);
    });
  }

  private static void ping(CliSession s, NodeHost host, Ipv4Address target) {
    s.beginAsync();
    host.scheduler().schedule(Duration.ZERO, () -> {
      DmvpnNode n = host.node();
      if (n == null) {
        s.finishAsync(UNRECOGNIZED);
        return;
      }
      s.printAsync(crlf(PingView.head(PING_COUNT, PING_SIZE, target.toString(), PING_TIMEOUT_SECONDS)));
      Pinger p;
      try {
        p = n.ping(target, PING_COUNT, Duration.ofSeconds(PING_TIMEOUT_SECONDS), PING_SIZE);
      } catch (IllegalStateException noRoute) {
        s.finishAsync(PingView.result(".".repeat(PING_COUNT), PING_COUNT, 0, java.util.List.of()));
        return;
      }
      p.whenDone(done -> s.finishAsync(PingView.result(done.marks(), done.sent(), done.answered(), done.rttNanos())));
    });
  }

  private static String crlf(String text) {
    return text.replace("\n", "\r\n");
  }
}
