package dev.dmvpn.ref.node.ios;

import dev.dmvpn.ref.config.ConfigProblem;
import dev.dmvpn.ref.config.IosConfig;
import dev.dmvpn.ref.config.IosConfigParser;
import dev.dmvpn.ref.config.IosConfigValidator;
import dev.dmvpn.ref.config.IosParseResult;
import dev.dmvpn.ref.crypto.RandomSource;
import dev.dmvpn.ref.node.DmvpnNode;
import dev.dmvpn.ref.node.TunnelConfig;
import dev.dmvpn.ref.time.Scheduler;
import dev.dmvpn.ref.wire.Port;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Builds a {@link DmvpnNode} from IOS configuration lines, the way a lab engineer pastes a spoke's or the hub's
 * configuration: the {@code tunnel source} interface becomes the physical interface on a given {@link Port}, the
 * other interfaces with addresses become LAN interfaces, {@code interface Tunnel0} becomes the mGRE tunnel (key,
 * {@code ip mtu}, NHRP through {@link dev.dmvpn.ref.config.NhrpConfigMapper}, {@code tunnel protection} through
 * the {@code crypto isakmp}/{@code crypto ipsec} blocks), and {@code ip route} lines become static routes.
 *
 * <p><b>EIGRP</b>: one {@code router eigrp <as>} runs ({@link dev.dmvpn.ref.node.NodeEigrp}) on the interfaces
 * its {@code network} lines cover, with {@code auto-summary} / {@code no auto-summary}, {@code passive-interface},
 * and per interface {@code bandwidth}, {@code delay}, {@code no ip split-horizon eigrp}, {@code no ip
 * next-hop-self eigrp}, {@code ip hello-interval eigrp}, {@code ip hold-time eigrp}. Over the tunnel its hellos
 * follow the NHRP multicast maps. {@code ip route} lines are static routes next to it.
 *
 * <p>Reading is strict: the parser rejects lines it does not understand ({@link IosConfigParser.Strictness#STRICT}),
 * the validator checks references, and the builder reports everything it accepts but does not do as IOS would
 * (warnings) or that has no bearing on the node (ignored-notes). Nothing is dropped silently.
 */
public final class IosNodeBuilder {
  /** IOS's IP MTU of a GRE tunnel without {@code ip mtu}: 1500 minus the 24 bytes of outer IPv4 and GRE. */
  public static final int DEFAULT_TUNNEL_IP_MTU = 1476;
  /** The node name when the configuration has no {@code hostname}. */
  public static final String DEFAULT_NAME = "peer";

  private IosNodeBuilder() {}

  /** Reads {@code file} (UTF-8) strictly, validates it and plans the node. Never throws on bad content. */
  public static IosNodeLoad load(Path file) {
    return plan(IosConfigParser.parse(file, IosConfigParser.Strictness.STRICT));
  }

  /** {@link #load} for configuration text. */
  public static IosNodeLoad fromText(String text) {
    return plan(IosConfigParser.parse(text, IosConfigParser.Strictness.STRICT));
  }

  /**
   * Validates a parse result and plans the node. The plan is attempted only when the parser and the validator
   * found no error (their errors would only be repeated by the planner).
   */
  public static IosNodeLoad plan(IosParseResult parsed) {
    List<ConfigProblem> all = new ArrayList<>(parsed.problems());
    all.addAll(parsed.ignored());
    all.addAll(IosConfigValidator.validate(parsed.config()));
    IosNodePlan plan = null;
    if (all.stream().noneMatch(ConfigProblem::isError)) {
      PlanProblems problems = new PlanProblems(parsed.config());
      try {
        plan = new NodePlanner(parsed.config(), problems).plan();
      } catch (RuntimeException e) {
        problems.error(0, "internal: " + e.getClass().getSimpleName());
        plan = null;
      }
      all.addAll(problems.list);
    }
    all.sort(Comparator.comparingInt(ConfigProblem::lineNumber));
    return new IosNodeLoad(plan, all);
  }

  /** Plans {@code config} (already parsed and validated); errors end up in the returned load. */
  public static IosNodeLoad plan(IosConfig config) {
    PlanProblems problems = new PlanProblems(config);
    IosNodePlan plan = new NodePlanner(config, problems).plan();
    List<ConfigProblem> all = new ArrayList<>(problems.list);
    all.sort(Comparator.comparingInt(ConfigProblem::lineNumber));
    return new IosNodeLoad(plan, all);
  }

  /**
   * The node the plan describes, its physical interface on {@code port} (whose MAC it uses). Call {@link
   * DmvpnNode#start()} (on the scheduler) to start registering.
   */
  public static DmvpnNode build(IosNodePlan plan, Port port, Scheduler scheduler, RandomSource random) {
    DmvpnNode node = new DmvpnNode(plan.hostname(), scheduler, random, plan.image());
    node.addPhysical(plan.physicalInterface(), port, plan.physicalAddress());
    for (IosNodePlan.Lan lan : plan.lans()) {
      node.addLan(lan.name(), lan.address());
    }
    TunnelConfig tunnel = plan.tunnel();
    node.addTunnel(tunnel);
    for (IosNodePlan.Route r : plan.routes()) {
      node.addStaticRoute(r.prefix(), r.nextHop());
    }
    if (plan.eigrp() != null) {
      node.enableEigrp(plan.eigrp());
    }
    return node;
  }
}
