package dev.dmvpn.virtualrack.rack;

import dev.dmvpn.ref.node.DmvpnNode;
import dev.dmvpn.ref.time.ExecutorScheduler;
import dev.dmvpn.ref.wire.virtual.DocumentWan;
import dev.dmvpn.ref.wire.virtual.VirtualSegment;
import dev.dmvpn.virtualrack.node.NodeHost;
import dev.dmvpn.virtualrack.node.SubnetWan;
import dev.dmvpn.virtualrack.node.WanAttachment;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A {@link Rack} on the document's WAN with its own scaled clock: what {@code lab up} and the harness's scenario
 * start. It owns the scheduler (router seconds per real second = {@code timeScale}, so EIGRP's 60 s tunnel hello
 * passes in 60/scale real seconds), the two WAN segments (where capture taps go) and the rack; closing it closes
 * the three.
 */
public final class DocumentWanRack implements AutoCloseable {
  /** How long a read of node state on the scheduler may take before the rack is considered stuck. */
  static final long SCHEDULER_READ_SECONDS = 10;

  private final ExecutorScheduler scheduler;
  private final DocumentWan wan;
  private final WanAttachment attachment;
  private final List<VirtualSegment> segments;
  private final Rack rack;

  private DocumentWanRack(ExecutorScheduler scheduler, DocumentWan wan, Rack rack) {
    this(scheduler, wan, WanAttachment.of(wan), List.of(wan.hubSegment(), wan.spokeSegment()), rack);
  }

  private DocumentWanRack(ExecutorScheduler scheduler, DocumentWan wan, WanAttachment attachment,
      List<VirtualSegment> segments, Rack rack) {
    this.scheduler = scheduler;
    this.wan = wan;
    this.attachment = attachment;
    this.segments = segments;
    this.rack = rack;
  }

  /**
   * {@link #start} on another WAN: a rack from any testbed ({@code lab up --testbed}), its public subnets given by
   * their gateways ({@link SubnetWan}); the scaled scheduler and the ports as {@link #start}.
   */
  public static DocumentWanRack startOnSubnets(List<RackRouter> routers, String terminalServerStartup,
      double timeScale, int portBase, long seed, List<dev.dmvpn.ref.wire.ip.InterfaceAddress> gateways)
      throws IOException {
    ExecutorScheduler scheduler = new ExecutorScheduler("rack", timeScale);
    try {
      SubnetWan wan = SubnetWan.create(scheduler, seed, gateways);
      Rack rack = Rack.start(routers, scheduler, terminalServerStartup, portBase, portBase,
          portBase == 0 ? 0 : portBase + 100, wan, seed);
      return new DocumentWanRack(scheduler, null, wan, wan.segments(), rack);
    } catch (IOException | RuntimeException e) {
      scheduler.close();
      throw e;
    }
  }

  /**
   * Starts the routers ({@code startup} null: a router never saved, as after {@code erase startup-config} and a
   * reload). Ports as {@link Rack#start}: {@code portBase} 0 picks free ports everywhere, else consoles on
   * {@code portBase + line}, the terminal server's VTY on {@code portBase} and router VTYs on {@code portBase + 100 +
   * i}.
   */
  public static DocumentWanRack start(List<RackRouter> routers, String terminalServerStartup, double timeScale,
      int portBase, long seed) throws IOException {
    ExecutorScheduler scheduler = new ExecutorScheduler("rack", timeScale);
    try {
      DocumentWan wan = DocumentWan.create(scheduler, seed);
      Rack rack = Rack.start(routers, scheduler, terminalServerStartup, portBase, portBase,
          portBase == 0 ? 0 : portBase + 100, WanAttachment.of(wan), seed);
      return new DocumentWanRack(scheduler, wan, rack);
    } catch (IOException | RuntimeException e) {
      scheduler.close();
      throw e;
    }
  }

  public Rack rack() {
    return rack;
  }

  public ExecutorScheduler scheduler() {
    return scheduler;
  }

  /**
   * The WAN segments where taps attach: on the document's WAN the hub's /27 (209.168.202.224/27) and the spokes'
   * /27 (209.168.202.128/27); on a testbed's, one per public subnet.
   */
  public List<VirtualSegment> segments() {
    return segments;
  }

  /** The segment whose subnet holds {@code address}, or {@code null}: the rack's cabling, as the nodes see it. */
  public VirtualSegment segmentFor(dev.dmvpn.ref.wire.ip.InterfaceAddress address) {
    return attachment.segmentFor(address);
  }

  /**
   * The DMVPN nodes running now under the named routers (a router without a node is left out), read on the
   * scheduler, and {@code reader} applied to them there: node state must only be touched on its scheduler.
   */
  public <T> T readNodes(List<String> routers, java.util.function.Function<List<DmvpnNode>, T> reader)
      throws IOException {
    Callable<T> task = () -> {
      List<DmvpnNode> nodes = new ArrayList<>();
      for (String r : routers) {
        NodeHost host = rack.node(r);
        if (host != null && host.node() != null) {
          nodes.add(host.node());
        }
      }
      return reader.apply(nodes);
    };
    CompletableFuture<T> f = new CompletableFuture<>();
    scheduler.execute(() -> {
      try {
        f.complete(task.call());
      } catch (Exception | Error e) {
        f.completeExceptionally(e);
      }
    });
    try {
      return f.get(SCHEDULER_READ_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while reading the nodes", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IOException("cannot read the nodes of " + routers + " on the rack's scheduler: " + e, e);
    }
  }

  @Override
  public void close() throws IOException {
    try {
      rack.close();
    } finally {
      scheduler.close();
    }
  }
}
