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
        (s, inv) -> ping(s, host, PingRequest.defaults(inv.arg("target")), true));
    set.defineExec("ping $target:ipv4 $options:line", "Ping destination address or hostname",
        (s, inv) -> pingWithKeywords(s, host, inv));
    set.definePrivileged("ping", "Send echo messages",
        (s, inv) -> ExtendedPingDialog.start(s, r -> ping(s, host, r, false)));
    set.defineExec("traceroute $target:ipv4", "Trace route to destination",
        (s, inv) -> traceroute(s, host, TraceRequest.defaults(inv.arg("target")), true));
    set.definePrivileged("traceroute", "Trace route to destination",
        (s, inv) -> ExtendedTracerouteDialog.start(s, r -> traceroute(s, host, r, false)));
  }

  /** {@code ping A.B.C.D source X repeat N size N timeout N}, keywords in any order. */
  private static void pingWithKeywords(CliSession s, NodeHost host, dev.dmvpn.virtualrack.cli.Invocation inv) {
    String options = inv.arg("options");
    PingKeywords.Parsed p = PingKeywords.parse(PingRequest.defaults(inv.arg("target")), options);
    if (p.request() == null) {
      if (p.incomplete()) {
        s.println("% Incomplete command.");
        s.println("");
        return;
      }
      int at = inv.typed().length() - options.length() + p.invalidAt();
      s.println(" ".repeat(s.prompt().length() + at) + "^");
      s.println("% Invalid input detected at '^' marker.");
      s.println("");
      return;
    }
    ping(s, host, p.request(), true);
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

  /**
   * Runs a ping: {@code blankFirst} for the one-line command (the document's output starts with a blank line, seed
   * line 521), not after the dialog (unicon's mock output starts at {@code Type escape sequence}). A source that is
   * no address of ours: {@code % Invalid source address- IP address not on any of our up interfaces} [wording
   * unconfirmed].
   */
  private static void ping(CliSession s, NodeHost host, PingRequest r, boolean blankFirst) {
    Ipv4Address target = Ipv4Address.parse(r.target());
    Ipv4Address source = null;
    if (r.source() != null) {
      source = SourceAddress.resolve(s.router(), r.source());
      if (source == null) {
        s.println("% Invalid source address- IP address not on any of our up interfaces");
        return;
      }
    }
    Ipv4Address from = source;
    s.beginAsync();
    host.scheduler().schedule(Duration.ZERO, () -> {
      DmvpnNode n = host.node();
      if (n == null) {
        s.finishAsync(UNRECOGNIZED);
        return;
      }
      String head = PingView.head(r.repeat(), r.size(), target.toString(), r.timeoutSeconds());
      if (!blankFirst) {
        head = head.substring(1);
      }
      if (from != null) {
        head += "Packet sent with a source address of " + from + "\n";
      }
      s.printAsync(crlf(head));
      Pinger p;
      try {
        p = from == null ? n.ping(target, r.repeat(), Duration.ofSeconds(r.timeoutSeconds()), r.size())
            : n.ping(from, target, r.repeat(), Duration.ofSeconds(r.timeoutSeconds()), r.size());
      } catch (IllegalStateException noRoute) {
        s.finishAsync(PingView.result(".".repeat(r.repeat()), r.repeat(), 0, java.util.List.of()));
        return;
      }
      p.whenDone(done -> s.finishAsync(PingView.result(done.marks(), done.sent(), done.answered(), done.rttNanos())));
    });
  }

  /**
   * A traceroute ({@code traceroute A.B.C.D}: 3 probes per TTL, 3 s timeout, TTL 1 to 30, IOS's defaults; or the
   * dialog's values, its output without the leading blank line as genieparser-iosxe_8 shows), printed probe by
   * probe as the answers come.
   */
  private static void traceroute(CliSession s, NodeHost host, TraceRequest r, boolean blankFirst) {
    Ipv4Address target = Ipv4Address.parse(r.target());
    Ipv4Address source = null;
    if (r.source() != null) {
      source = SourceAddress.resolve(s.router(), r.source());
      if (source == null) {
        s.println("% Invalid source address- IP address not on any of our up interfaces");
        return;
      }
    }
    Ipv4Address from = source;
    s.beginAsync();
    host.scheduler().schedule(Duration.ZERO, () -> {
      DmvpnNode n = host.node();
      if (n == null) {
        s.finishAsync(UNRECOGNIZED);
        return;
      }
      String head = TracerouteView.head(target.toString());
      s.printAsync(crlf(blankFirst ? head : head.substring(1)));
      TracerouteView view = new TracerouteView();
      try {
        n.traceroute(from, target, r.probes(), Duration.ofSeconds(r.timeoutSeconds()), r.minTtl(), r.maxTtl(),
            new dev.dmvpn.ref.node.Tracer.Listener() {
              @Override
              public void probe(int ttl, int index, Ipv4Address from, long rtt, int type, int code) {
                String text = view.probe(ttl, index, from, rtt, type, code);
                s.printAsync(crlf(index == r.probes() - 1 ? text + TracerouteView.endOfHop() : text));
              }

              @Override
              public void done() {
                s.finishAsync("");
              }
            });
      } catch (IllegalStateException noRoute) {
        s.finishAsync(UNRECOGNIZED);
      }
    });
  }

  private static String crlf(String text) {
    return text.replace("\n", "\r\n");
  }
}
