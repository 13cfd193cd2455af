package dev.dmvpn.ref.node.ios;

import dev.dmvpn.ref.bytes.Ipv4Address;
import dev.dmvpn.ref.config.EigrpProcess;
import dev.dmvpn.ref.config.IosConfig;
import dev.dmvpn.ref.config.IosInterface;
import dev.dmvpn.ref.config.NhrpConfigMapper;
import dev.dmvpn.ref.config.Secret;
import dev.dmvpn.ref.config.StaticRoute;
import dev.dmvpn.ref.config.TunnelSettings;
import dev.dmvpn.ref.eigrp.EigrpRouterConfig;
import dev.dmvpn.ref.node.EigrpSetup;
import dev.dmvpn.ref.ike.IkeConfig;
import dev.dmvpn.ref.image.IosImage;
import dev.dmvpn.ref.image.IosImages;
import dev.dmvpn.ref.nhrp.engine.NhrpConfig;
import dev.dmvpn.ref.node.TunnelConfig;
import dev.dmvpn.ref.wire.ip.InterfaceAddress;
import dev.dmvpn.ref.wire.ip.Ipv4Prefix;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** One planning run of {@link IosNodeBuilder}: interfaces, tunnel, routes, and what is said about each. */
final class NodePlanner {
  private final IosConfig config;
  private final PlanProblems problems;

  NodePlanner(IosConfig config, PlanProblems problems) {
    this.config = config;
    this.problems = problems;
  }

  /** The plan, or {@code null} when an error was reported. */
  IosNodePlan plan() {
    IosImage image = image();
    IosInterface tunnel = tunnelInterface();
    IosInterface source = tunnel == null ? null : sourceInterface(tunnel);
    TunnelConfig tunnelConfig = source == null || image == null ? null : tunnelConfig(tunnel, source, image);
    List<IosNodePlan.Lan> lans = lans(tunnel, source);
    List<IosNodePlan.Route> routes = routes();
    EigrpSetup eigrp = eigrp(tunnel);
    if (problems.hasErrors() || tunnelConfig == null) {
      if (!problems.hasErrors()) {
        problems.error(0, "no usable tunnel interface");
      }
      return null;
    }
    String name = config.hostname() != null ? config.hostname() : IosNodeBuilder.DEFAULT_NAME;
    return new IosNodePlan(name, source.name(), address(source), lans, tunnelConfig, routes, eigrp, problems.list,
        image);
  }

  /** The image the configuration names ({@code boot system}, {@code version}), or the document's. */
  private IosImage image() {
    try {
      return IosImages.select(null, config);
    } catch (IosImages.UnknownRelease e) {
      problems.error(e.lineNumber(), e.getCause().getMessage());
      return null;
    }
  }

  private IosInterface tunnelInterface() {
    List<IosInterface> tunnels = config.tunnels();
    if (tunnels.isEmpty()) {
      problems.error(0, "the configuration has no 'interface Tunnel...': the peer runs one mGRE tunnel");
      return null;
    }
    for (int i = 1; i < tunnels.size(); i++) {
      problems.error(tunnels.get(i).lineNumber(), "is a second tunnel interface: the peer runs one mGRE tunnel ("
          + tunnels.get(0).name() + ")");
    }
    IosInterface t = tunnels.get(0);
    TunnelSettings ts = t.tunnel();
    if (t.shutdown()) {
      problems.error(problems.lineIn(t.lineNumber(), "shutdown"), "the tunnel is shut down: nothing to run");
    }
    if (ts == null || !ts.multipoint()) {
      problems.error(problems.lineIn(t.lineNumber(), "tunnel mode"), t.name() + " is not 'tunnel mode gre"
          + " multipoint': the peer only does mGRE (DMVPN)");
    }
    if (ts != null && ts.destination() != null) {
      problems.error(problems.lineIn(t.lineNumber(), "tunnel destination"), "point-to-point GRE ('tunnel"
          + " destination') is not supported: the peer only does mGRE (DMVPN)");
    }
    if (t.tcpAdjustMss() != null) {
      problems.warn(problems.lineIn(t.lineNumber(), "ip tcp adjust-mss"), "is not applied: the node does not"
          + " rewrite TCP MSS options");
    }
    metricsNotes(t);
    return t;
  }

  /** The {@code tunnel source}: an interface by name, or the one holding the address given. */
  private IosInterface sourceInterface(IosInterface tunnel) {
    TunnelSettings ts = tunnel.tunnel();
    int line = problems.lineIn(tunnel.lineNumber(), "tunnel source");
    IosInterface src = null;
    if (ts != null && ts.sourceInterface() != null) {
      src = config.findInterface(ts.sourceInterface()).orElse(null);
    } else if (ts != null && ts.sourceAddress() != null) {
      src = config.interfaces().stream().filter(i -> i.address() != null
          && i.address().address().equals(ts.sourceAddress())).findFirst().orElse(null);
    }
    if (src == null || src.isTunnel() || src.address() == null) {
      problems.error(line, "the tunnel source must be a non-tunnel interface of this configuration with an"
          + " 'ip address' (it is bound to the NIC)");
      return null;
    }
    if (src.shutdown()) {
      problems.error(problems.lineIn(src.lineNumber(), "shutdown"), "the tunnel source " + src.name()
          + " is shut down");
    }
    if (src.ipMtu() != null) {
      problems.warn(problems.lineIn(src.lineNumber(), "ip mtu"), "is not applied: the NIC side uses 1500");
    }
    if (src.tcpAdjustMss() != null) {
      problems.warn(problems.lineIn(src.lineNumber(), "ip tcp adjust-mss"), "is not applied: the node does"
          + " not rewrite TCP MSS options");
    }
    metricsNotes(src);
    return src;
  }

  private TunnelConfig tunnelConfig(IosInterface tunnel, IosInterface source, IosImage image) {
    NhrpConfig nhrp;
    try {
      nhrp = NhrpConfigMapper.toNhrpConfig(config, tunnel.name(), image.nhrp());
    } catch (IllegalArgumentException e) {
      problems.error(tunnel.lineNumber(), scrub(e.getMessage(), tunnel));
      return null;
    }
    IkeConfig mapped = IosCryptoMapper.map(config, tunnel, nhrp.nbmaAddress(), problems);
    IkeConfig ike = mapped == null ? null : image.applyTo(mapped);
    if (tunnel.tunnel().protectionProfile() != null && ike == null) {
      return null;
    }
    int mtu = tunnel.ipMtu() != null ? tunnel.ipMtu() : IosNodeBuilder.DEFAULT_TUNNEL_IP_MTU;
    if (tunnel.ipMtu() == null) {
      problems.ignore(tunnel.lineNumber(), "has no 'ip mtu': " + mtu + " (IOS's GRE tunnel default)");
    }
    try {
      return TunnelConfig.of(tunnel.name(), source.name(), tunnel.tunnel().key(), mtu, nhrp, ike);
    } catch (IllegalArgumentException e) {
      problems.error(tunnel.lineNumber(), scrub(e.getMessage(), tunnel));
      return null;
    }
  }

  /** An engine message with the NHRP password masked (a length complaint quotes it). */
  private static String scrub(String message, IosInterface tunnel) {
    Secret auth = tunnel.nhrp().authentication();
    return auth == null ? message : message.replace(auth.reveal(), Secret.MASK);
  }

  private List<IosNodePlan.Lan> lans(IosInterface tunnel, IosInterface source) {
    List<IosNodePlan.Lan> out = new ArrayList<>();
    for (IosInterface i : config.interfaces()) {
      if (i == tunnel || i == source || i.isTunnel() || i.address() == null) {
        continue;
      }
      if (i.shutdown()) {
        problems.ignore(problems.lineIn(i.lineNumber(), "shutdown"), i.name() + " is shut down: its address "
            + i.address().toCidr() + " is not used");
        continue;
      }
      if (i.ipMtu() != null || i.tcpAdjustMss() != null) {
        problems.warn(i.lineNumber(), i.name() + ": 'ip mtu' and 'ip tcp adjust-mss' are not applied on a LAN"
            + " interface (it is only an address the node owns)");
      }
      metricsNotes(i);
      out.add(new IosNodePlan.Lan(i.name(), address(i)));
    }
    return out;
  }

  /** bandwidth, delay and split horizon only matter to EIGRP: noted when it is not configured. */
  private void metricsNotes(IosInterface i) {
    if (!config.eigrp().isEmpty()) {
      return;
    }
    if (i.bandwidthKbps() != null) {
      problems.ignore(problems.lineIn(i.lineNumber(), "bandwidth"), "is only an EIGRP metric: no router eigrp");
    }
    if (i.delayTensOfMicroseconds() != null) {
      problems.ignore(problems.lineIn(i.lineNumber(), "delay"), "is only an EIGRP metric: no router eigrp");
    }
    if (!i.noSplitHorizonEigrp().isEmpty()) {
      problems.ignore(problems.lineIn(i.lineNumber(), "no ip split-horizon eigrp"), "concerns EIGRP, which is"
          + " not configured");
    }
  }

  private List<IosNodePlan.Route> routes() {
    List<IosNodePlan.Route> out = new ArrayList<>();
    for (StaticRoute r : config.staticRoutes()) {
      if (r.nextHop() == null) {
        problems.error(r.lineNumber(), "routes out of an interface without a next hop are not supported: give"
            + " the next-hop address");
        continue;
      }
      if (r.outInterface() != null) {
        problems.warn(r.lineNumber(), "the exit interface " + r.outInterface() + " is not used: the route"
            + " resolves its next hop " + r.nextHop());
      }
      if (r.distance() != 1) {
        problems.ignore(r.lineNumber(), "administrative distance " + r.distance() + " has no effect: static"
            + " routes are the only learned routes");
      }
      Ipv4Address net = r.destination().network();
      out.add(new IosNodePlan.Route(new Ipv4Prefix(net, r.destination().prefixLength()), r.nextHop(),
          r.lineNumber()));
    }
    return out;
  }

  /** {@code router eigrp}: the process the node runs, or {@code null} without one. */
  private EigrpSetup eigrp(IosInterface tunnel) {
    if (config.eigrp().isEmpty()) {
      return null;
    }
    EigrpProcess e = config.eigrp().get(0);
    for (EigrpProcess other : config.eigrp().subList(1, config.eigrp().size())) {
      problems.error(other.lineNumber(), "is a second EIGRP process: the peer runs one (router eigrp "
          + e.asNumber() + ")");
    }
    Map<String, EigrpSetup.InterfaceOptions> options = new HashMap<>();
    for (IosInterface i : config.interfaces()) {
      options.put(i.name(), new EigrpSetup.InterfaceOptions(i.bandwidthKbps(), i.delayTensOfMicroseconds(),
          !i.noSplitHorizonEigrp().contains(e.asNumber()), !i.noNextHopSelfEigrp().contains(e.asNumber()),
          i.eigrpHelloSeconds().get(e.asNumber()), i.eigrpHoldSeconds().get(e.asNumber())));
    }
    if (tunnel != null && tunnel.address() != null
        && e.networks().stream().noneMatch(n -> n.covers(tunnel.address().address()))) {
      problems.warn(e.lineNumber(), "no network statement covers " + tunnel.name() + " ("
          + tunnel.address().address() + "): EIGRP does not run over the tunnel");
    }
    return new EigrpSetup(EigrpRouterConfig.of(e.asNumber(), e.autoSummary()), e.networks(),
        Set.copyOf(e.passiveInterfaces()), options);
  }

  private static InterfaceAddress address(IosInterface i) {
    return new InterfaceAddress(i.address().address(), i.address().prefixLength());
  }
}
