package dev.dmvpn.harness.scenario.peer;

import dev.dmvpn.ref.crypto.RandomSource;
import dev.dmvpn.ref.l2l3.MacAddress;
import dev.dmvpn.ref.node.DmvpnNode;
import dev.dmvpn.ref.node.NodeEvent;
import dev.dmvpn.ref.node.ios.IosNodeBuilder;
import dev.dmvpn.ref.node.ios.IosNodePlan;
import dev.dmvpn.ref.time.Clock;
import dev.dmvpn.ref.time.ExecutorScheduler;
import dev.dmvpn.ref.wire.virtual.VirtualPort;
import dev.dmvpn.ref.wire.virtual.VirtualSegment;
import dev.dmvpn.virtualrack.rack.DocumentWanRack;
import java.io.IOException;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The peer's node in-process on a virtual rack: a port on the WAN segment its NBMA address belongs to (so the
 * rack's capture taps see it like a router), run by the rack's own scheduler: the same scaled clock as the
 * emulated routers, and one thread for all of them, as each router's node has. Its randomness is seeded from the
 * run's seed, so a run repeats.
 */
final class VirtualPeerHost implements PeerHost {
  private final ExecutorScheduler scheduler;
  private final DmvpnNode node;
  private final VirtualPort port;
  private final long builtAtNanos;
  private boolean closed;

  private VirtualPeerHost(ExecutorScheduler scheduler, DmvpnNode node, VirtualPort port, long builtAtNanos) {
    this.scheduler = scheduler;
    this.node = node;
    this.port = port;
    this.builtAtNanos = builtAtNanos;
  }

  /** Builds the node on the rack's scheduler, plugs it into its segment and starts it (it registers at once). */
  static VirtualPeerHost start(DocumentWanRack rack, IosNodePlan plan, MacAddress mac, long seed,
      Consumer<NodeEvent> listener) throws IOException {
    VirtualSegment segment = rack.segmentFor(plan.physicalAddress());
    if (segment == null) {
      throw new IOException("the reference peer's NBMA address " + plan.physicalAddress() + " is on no segment of"
          + " the virtual WAN (209.168.202.224/27, 209.168.202.128/27)");
    }
    ExecutorScheduler s = rack.scheduler();
    return NodeThread.call(s::execute, "starting " + plan.hostname(), () -> {
      VirtualPort port = segment.attach(plan.hostname() + "/" + plan.physicalInterface(), mac);
      DmvpnNode node = IosNodeBuilder.build(plan, port, s, RandomSource.of(new SplittableRandom(seed)));
      node.events().addListener(listener);
      long built = s.nanoTime();
      node.start();
      return new VirtualPeerHost(s, node, port, built);
    });
  }

  @Override
  public <T> T read(Function<DmvpnNode, T> reader) throws IOException {
    return NodeThread.call(scheduler::execute, "reading " + node.name(), () -> reader.apply(node));
  }

  @Override
  public Clock clock() {
    return scheduler.clock();
  }

  @Override
  public long builtAtNanos() {
    return builtAtNanos;
  }

  @Override
  public String describe() {
    return "on the virtual segment " + port.segment().name();
  }

  @Override
  public synchronized void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    NodeThread.call(scheduler::execute, "stopping " + node.name(), () -> {
      node.stop();
      port.close();
      return null;
    });
  }
}
