package dev.dmvpn.virtualrack.node;

import dev.dmvpn.ref.config.ConfigProblem;
import dev.dmvpn.ref.config.IosConfigParser;
import dev.dmvpn.ref.crypto.RandomSource;
import dev.dmvpn.ref.l2l3.MacAddress;
import dev.dmvpn.ref.node.DmvpnNode;
import dev.dmvpn.ref.node.ios.IosNodeBuilder;
import dev.dmvpn.ref.node.ios.IosNodeLoad;
import dev.dmvpn.ref.node.ios.IosNodePlan;
import dev.dmvpn.ref.time.Scheduler;
import dev.dmvpn.ref.wire.virtual.VirtualPort;
import dev.dmvpn.ref.wire.virtual.VirtualSegment;
import dev.dmvpn.virtualrack.config.ConfigItem;
import dev.dmvpn.virtualrack.config.ConfigRenderer;
import dev.dmvpn.virtualrack.router.EmulatedRouter;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The reference DMVPN node under one emulated router. When configuration mode ends (and after a reload) the
 * running configuration's text goes through {@link IosNodeBuilder} (lenient parse: the emulated CLI already
 * refused what IOS refuses, and lines without bearing on the node such as {@code line vty} are not the node's
 * business); when it changed, the old node stops and leaves its segment, and a new one is built, plugged into the
 * segment its tunnel source's address belongs to, and started. A {@code shutdown} tunnel source means no node on
 * the wire: the node has no interface state of its own, so an administratively down Fa0/0 is a node that is not
 * attached (its peers lose it as they would lose a router whose uplink went down).
 *
 * <p>All node work runs on the router's scheduler: {@link #sync()} is a scheduler task, and readers use
 * {@link #node()} from scheduler tasks only.
 */
public final class NodeHost {
  private final EmulatedRouter router;
  private final WanAttachment wan;
  private final MacAddress mac;
  private final long seed;
  private volatile DmvpnNode node;
  private volatile List<ConfigProblem> problems = List.of();
  private VirtualPort port;
  private String builtFrom;
  private long builtForBoot;
  private long builtAtNanos;
  private int builds;
  private final CryptoIds cryptoIds = new CryptoIds();
  private final List<java.util.function.Consumer<DmvpnNode>> buildListeners =
      new java.util.concurrent.CopyOnWriteArrayList<>();

  private NodeHost(EmulatedRouter router, WanAttachment wan, MacAddress mac, long seed) {
    this.router = router;
    this.wan = wan;
    this.mac = mac;
    this.seed = seed;
  }

  /** Binds a node to {@code router}: built now (on the scheduler) and again whenever configuration mode ends. */
  public static NodeHost attach(EmulatedRouter router, WanAttachment wan, MacAddress mac, long seed) {
    NodeHost host = new NodeHost(router, wan, mac, seed);
    router.addConfigListener(host::sync);
    router.scheduler().schedule(java.time.Duration.ZERO, host::sync);
    return host;
  }

  /**
   * Rebuilds the node when the running configuration changed since the last build, or the router reloaded. Run on
   * the scheduler.
   */
  public void sync() {
    String text;
    boolean sourceDown;
    synchronized (router) {
      text = ConfigRenderer.text(router.running());
      sourceDown = false;
    }
    long boot = router.bootedAtNanos();
    if (text.equals(builtFrom) && boot == builtForBoot) {
      return;
    }
    builtFrom = text;
    builtForBoot = boot; // a reload restarts the node even when NVRAM gives back the same configuration
    IosNodeLoad load = IosNodeBuilder.plan(IosConfigParser.parse(text, IosConfigParser.Strictness.LENIENT));
    problems = load.problems();
    IosNodePlan plan = load.plan();
    teardown();
    if (plan == null) {
      return;
    }
    synchronized (router) {
      ConfigItem iface = router.running().find("interface " + plan.physicalInterface());
      sourceDown = iface != null && iface.find("shutdown") != null;
    }
    VirtualSegment segment = wan.segmentFor(plan.physicalAddress());
    if (sourceDown || segment == null) {
      return;
    }
    builds++;
    port = segment.attach(plan.hostname() + "/" + plan.physicalInterface() + "#" + builds, mac);
    DmvpnNode n = IosNodeBuilder.build(plan, port, router.scheduler(),
        RandomSource.of(new SplittableRandom(seed * 31 + builds)));
    builtAtNanos = router.scheduler().clock().nanoTime();
    node = n;
    for (java.util.function.Consumer<DmvpnNode> l : buildListeners) {
      l.accept(n); // before start: debug printers see the node's first packets
    }
    n.start();
  }

  private void teardown() {
    DmvpnNode old = node;
    node = null;
    if (old != null) {
      old.stop();
    }
    if (port != null) {
      port.close();
      port = null;
    }
  }

  /**
   * Calls {@code listener} with every node built from now on (on the scheduler, before the node starts) and, on
   * the scheduler's next turn, with the current one if there is one.
   */
  public void addBuildListener(java.util.function.Consumer<DmvpnNode> listener) {
    buildListeners.add(listener);
    router.scheduler().schedule(java.time.Duration.ZERO, () -> {
      DmvpnNode n = node;
      if (n != null) {
        listener.accept(n);
      }
    });
  }

  /** The running node, or {@code null} (configuration incomplete, tunnel source shut down, no segment). */
  public DmvpnNode node() {
    return node;
  }

  /** What the builder said about the last configuration it read (errors explain a missing node). */
  public List<ConfigProblem> problems() {
    return problems;
  }

  /** Monotonic time the current node was built: the {@code created} time of its static NHRP entries. */
  public long builtAtNanos() {
    return builtAtNanos;
  }

  /** The crypto engine's connection ids of this router's SAs (debugs and {@code show crypto ipsec sa} agree). */
  public CryptoIds cryptoIds() {
    return cryptoIds;
  }

  public Scheduler scheduler() {
    return router.scheduler();
  }

  public EmulatedRouter router() {
    return router;
  }
}
