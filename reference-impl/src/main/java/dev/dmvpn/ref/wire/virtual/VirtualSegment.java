package dev.dmvpn.ref.wire.virtual;

import dev.dmvpn.ref.l2l3.MacAddress;
import dev.dmvpn.ref.time.Scheduler;
import dev.dmvpn.ref.wire.EthernetFrames;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * An in-process Ethernet segment with any number of {@link VirtualPort}s.
 *
 * <p><b>Forwarding.</b> In {@link Mode#LEARNING_SWITCH} (the default) the segment learns source MACs as frames
 * appear and sends a unicast frame only to the port its destination was learned on; unknown unicast, broadcast
 * and multicast go to every port but the sender's. In {@link Mode#HUB} every frame goes to every other port.
 *
 * <p><b>Time.</b> {@code send} never delivers synchronously: each frame appears on the wire as a task of the
 * {@link Scheduler} (after the fault profile's delay, zero by default) and is then handed to the receivers in
 * that same task. Frames appearing at the same instant keep their send order. On a {@code SimulatedScheduler}
 * the whole segment is deterministic; on an {@code ExecutorScheduler} it runs in (scaled) real time.
 *
 * <p><b>Faults.</b> A {@link FaultProfile} per segment, optionally overridden per sending port (the direction
 * from that port). Decisions come from one {@link Random} seeded at construction, four draws per frame sent, so
 * a run with the same seed and the same sends makes exactly the same decisions.
 *
 * <p><b>Taps</b> ({@link PcapTap}, {@link MemoryTap}) see each appearance on the wire once, before delivery.
 *
 * <p>Thread-safe: ports may send from any thread; receivers and taps run on the scheduler's thread.
 */
public final class VirtualSegment {
  /** How frames find their receivers. */
  public enum Mode {
    /** Every frame to every other port. */
    HUB,
    /** Unicast to the learned port; flood unknown unicast, broadcast and multicast. */
    LEARNING_SWITCH
  }

  private final String name;
  private final Scheduler scheduler;
  private final Mode mode;
  private final Random random;
  private final List<VirtualPort> ports = new ArrayList<>();
  private final Map<MacAddress, VirtualPort> macTable = new HashMap<>();
  private final Map<VirtualPort, FaultProfile> egressFaults = new HashMap<>();
  private final List<SegmentTap> taps = new CopyOnWriteArrayList<>();
  private final SegmentStats stats = new SegmentStats();
  private FaultProfile faults = FaultProfile.NONE;

  public VirtualSegment(String name, Scheduler scheduler, Mode mode, long seed) {
    this.name = name;
    this.scheduler = scheduler;
    this.mode = mode;
    this.random = new Random(seed);
  }

  /** A learning switch with seed 0. */
  public VirtualSegment(String name, Scheduler scheduler) {
    this(name, scheduler, Mode.LEARNING_SWITCH, 0L);
  }

  public String name() {
    return name;
  }

  public Scheduler scheduler() {
    return scheduler;
  }

  /** Attaches a new port; {@code portName} names it in logs (need not be unique). */
  public synchronized VirtualPort attach(String portName, MacAddress mac) {
    VirtualPort p = new VirtualPort(this, portName, mac);
    ports.add(p);
    return p;
  }

  synchronized void detach(VirtualPort port) {
    ports.remove(port);
    egressFaults.remove(port);
    macTable.values().removeIf(p -> p == port);
  }

  /** Sets the impairments of every port without its own profile. */
  public synchronized void setFaults(FaultProfile profile) {
    this.faults = profile;
  }

  /** Sets the impairments of frames sent by {@code port} (null returns it to the segment's profile). */
  public synchronized void setFaults(VirtualPort port, FaultProfile profile) {
    if (profile == null) {
      egressFaults.remove(port);
    } else {
      egressFaults.put(port, profile);
    }
  }

  public void addTap(SegmentTap tap) {
    taps.add(tap);
  }

  public void removeTap(SegmentTap tap) {
    taps.remove(tap);
  }

  public synchronized SegmentCounters counters() {
    return stats.snapshot();
  }

  /** Ports attached now, in attach order. */
  public synchronized List<VirtualPort> ports() {
    return List.copyOf(ports);
  }

  synchronized void transmit(VirtualPort from, byte[] frame) {
    stats.sent++;
    if (!EthernetFrames.hasHeader(frame)) {
      stats.drop(DropReason.RUNT);
      return;
    }
    FaultProfile f = egressFaults.getOrDefault(from, faults);
    // always four draws per frame, so enabling one impairment does not shift the others' decisions
    double lossDraw = random.nextDouble();
    double duplicateDraw = random.nextDouble();
    double reorderDraw = random.nextDouble();
    double jitterDraw = random.nextDouble();
    if (lossDraw < f.lossProbability()) {
      stats.drop(DropReason.LOSS);
      return;
    }
    long delay = f.delay().toNanos() + (long) (jitterDraw * f.jitter().toNanos());
    if (reorderDraw < f.reorderProbability()) {
      stats.reordered++;
      delay += f.reorderHold().toNanos();
    }
    Duration d = Duration.ofNanos(delay);
    scheduler.schedule(d, () -> appear(from, frame));
    if (duplicateDraw < f.duplicateProbability()) {
      stats.duplicated++;
      scheduler.schedule(d, () -> appear(from, frame));
    }
  }

  /** The frame is on the wire now: taps see it, then each receiver gets it. */
  private void appear(VirtualPort from, byte[] frame) {
    Instant now = scheduler.clock().now();
    long nanos = Math.multiplyExact(now.getEpochSecond(), 1_000_000_000L) + now.getNano();
    List<VirtualPort> receivers;
    synchronized (this) {
      stats.onWire++;
      receivers = receiversOf(from, frame);
    }
    for (SegmentTap tap : taps) {
      tap.onFrame(nanos, frame);
    }
    RuntimeException failure = null;
    for (VirtualPort to : receivers) {
      try {
        deliver(to, frame);
      } catch (RuntimeException e) {
        failure = failure == null ? e : failure; // the other receivers still get the frame
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  private List<VirtualPort> receiversOf(VirtualPort from, byte[] frame) {
    MacAddress dst = EthernetFrames.destination(frame);
    if (mode == Mode.LEARNING_SWITCH) {
      if (from.attached()) {
        macTable.put(EthernetFrames.source(frame), from);
      }
      VirtualPort known = dst.isMulticast() ? null : macTable.get(dst);
      if (known == from) {
        stats.drop(DropReason.FILTERED_SAME_PORT);
        return List.of();
      }
      if (known != null) {
        return List.of(known);
      }
    }
    List<VirtualPort> all = new ArrayList<>(ports.size());
    for (VirtualPort p : ports) {
      if (p != from) {
        all.add(p);
      }
    }
    return all;
  }

  private void deliver(VirtualPort to, byte[] frame) {
    Consumer<byte[]> receiver = to.receiver();
    synchronized (this) {
      if (!to.attached()) {
        stats.drop(DropReason.PORT_DETACHED);
        return;
      }
      if (receiver == null) {
        stats.drop(DropReason.NO_RECEIVER);
        return;
      }
      stats.delivered++;
    }
    receiver.accept(frame);
  }

  @Override
  public String toString() {
    return "segment " + name + " (" + mode + ")";
  }
}
