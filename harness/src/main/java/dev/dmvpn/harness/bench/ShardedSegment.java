package dev.dmvpn.harness.bench;

import dev.dmvpn.ref.l2l3.MacAddress;
import dev.dmvpn.ref.time.ExecutorScheduler;
import dev.dmvpn.ref.wire.EthernetFrames;
import dev.dmvpn.ref.wire.Port;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A lossless learning-switch Ethernet segment for many nodes spread over a few {@link ExecutorScheduler}s
 * (shards). Unlike {@code VirtualSegment}, which runs every delivery on one scheduler, a frame here is handed to
 * its receiver as a task of the <b>receiver's</b> shard, so nodes on different shards run in parallel and a
 * node's code still only ever runs on its own shard's thread. A flooded frame (broadcast, unknown unicast) costs
 * one task per shard, which then offers it to every port of that shard. No taps, faults or delay: this is the
 * scale benchmark's wire.
 */
public final class ShardedSegment {
  private final ConcurrentHashMap<MacAddress, ShardPort> macTable = new ConcurrentHashMap<>();
  private final List<Shard> shards = new ArrayList<>();
  private final AtomicLong framesSent = new AtomicLong();
  private final AtomicLong framesFlooded = new AtomicLong();
  private final AtomicLong receiverErrors = new AtomicLong();

  /** A segment whose ports live on {@code schedulers}. */
  public ShardedSegment(List<ExecutorScheduler> schedulers) {
    for (ExecutorScheduler s : schedulers) {
      shards.add(new Shard(s));
    }
  }

  /** Attaches a port whose receiver runs on {@code scheduler} (one of this segment's). */
  public Port attach(String name, MacAddress mac, ExecutorScheduler scheduler) {
    for (Shard s : shards) {
      if (s.scheduler == scheduler) {
        ShardPort p = new ShardPort(this, s, name, mac);
        s.ports.add(p);
        return p;
      }
    }
    throw new IllegalArgumentException(name + ": scheduler is not one of this segment's shards");
  }

  public long framesSent() {
    return framesSent.get();
  }

  /** Frames offered to every port (broadcast, multicast, unknown unicast). */
  public long framesFlooded() {
    return framesFlooded.get();
  }

  /** Exceptions thrown by receivers (a node bug; zero in a good run). */
  public long receiverErrors() {
    return receiverErrors.get();
  }

  void transmit(ShardPort from, byte[] frame) {
    framesSent.incrementAndGet();
    if (!EthernetFrames.hasHeader(frame)) {
      return;
    }
    macTable.put(EthernetFrames.source(frame), from);
    MacAddress dst = EthernetFrames.destination(frame);
    ShardPort to = dst.isMulticast() ? null : macTable.get(dst);
    if (to == from) {
      return;
    }
    if (to != null) {
      to.shard.scheduler.execute(() -> to.deliver(frame));
      return;
    }
    framesFlooded.incrementAndGet();
    for (Shard s : shards) {
      s.scheduler.execute(() -> s.flood(from, frame));
    }
  }

  private static final class Shard {
    final ExecutorScheduler scheduler;
    final List<ShardPort> ports = new CopyOnWriteArrayList<>();

    Shard(ExecutorScheduler scheduler) {
      this.scheduler = scheduler;
    }

    void flood(ShardPort from, byte[] frame) {
      for (ShardPort p : ports) {
        if (p != from) {
          p.deliver(frame);
        }
      }
    }
  }

  private static final class ShardPort implements Port {
    final ShardedSegment segment;
    final Shard shard;
    final String name;
    final MacAddress mac;
    volatile Consumer<byte[]> receiver;

    ShardPort(ShardedSegment segment, Shard shard, String name, MacAddress mac) {
      this.segment = segment;
      this.shard = shard;
      this.name = name;
      this.mac = mac;
    }

    void deliver(byte[] frame) {
      Consumer<byte[]> r = receiver;
      if (r == null) {
        return;
      }
      try {
        r.accept(frame);
      } catch (RuntimeException e) {
        segment.receiverErrors.incrementAndGet(); // the other ports of a flood still get the frame
      }
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public MacAddress mac() {
      return mac;
    }

    @Override
    public void send(byte[] ethernetFrame) {
      segment.transmit(this, ethernetFrame);
    }

    @Override
    public void onReceive(Consumer<byte[]> r) {
      this.receiver = r;
    }

    @Override
    public void close() {
      receiver = null;
    }
  }
}
