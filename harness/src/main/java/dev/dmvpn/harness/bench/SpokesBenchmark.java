package dev.dmvpn.harness.bench;

import dev.dmvpn.ref.crypto.OakleyGroup;
import dev.dmvpn.ref.node.DmvpnNode;
import dev.dmvpn.ref.node.NodeCounter;
import dev.dmvpn.ref.node.scenario.SpokeFleet;
import dev.dmvpn.ref.time.ExecutorScheduler;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * How many spokes one JVM brings up against an in-process hub: {@link SpokeFleet} (one hub, N spokes, the
 * document's crypto) on a {@link ShardedSegment}. The hub has a scheduler (thread) of its own, the spokes are
 * spread round-robin over the other {@code threads - 1}, so the hub's responder Diffie-Hellman runs in parallel
 * with the spokes' initiator side. Timed from the first start until every spoke's NHRP Registration Reply has
 * arrived over IPsec (Main Mode + Quick Mode with the hub, then the registration in ESP); memory is the used heap
 * after forced GCs, before building the fleet and once every spoke is registered and idle, divided by N, with the
 * per-class growth from the JVM's class histogram.
 *
 * <p>With a start window W, only W spokes negotiate at once (the next starts when one registers), as a hub's
 * {@code crypto call admission limit ike in-negotiation-sa} or staggered router boots would have it; with all N
 * starting at the same instant every exchange queues behind every other one, each spoke's latency approaches
 * the whole run and beyond 2 s the spokes' IKE retransmissions add work.
 */
public final class SpokesBenchmark {
  private static final long WAIT_SECONDS = 120;
  private final PrintWriter out;

  public SpokesBenchmark(PrintWriter out) {
    this.out = out;
  }

  public boolean run(int n, int threads, int window, OakleyGroup group, int histogramRows)
      throws InterruptedException {
    List<ExecutorScheduler> schedulers = new ArrayList<>();
    for (int t = 0; t < Math.max(1, threads); t++) {
      schedulers.add(ExecutorScheduler.realTime("shard-" + t));
    }
    try {
      return run(n, schedulers, window, group, histogramRows);
    } finally {
      schedulers.forEach(ExecutorScheduler::close);
    }
  }

  private boolean run(int n, List<ExecutorScheduler> schedulers, int window, OakleyGroup group,
      int histogramRows) throws InterruptedException {
    ShardedSegment segment = new ShardedSegment(schedulers);
    int spokeShards = Math.max(1, schedulers.size() - 1);
    int firstSpokeShard = schedulers.size() - spokeShards;
    HeapMeter heap = new HeapMeter();
    heap.baseline();
    SpokeFleet fleet = SpokeFleet.build(n, (name, mac, s) -> segment.attach(name, mac, (ExecutorScheduler) s),
        i -> i == 0 ? schedulers.get(0) : schedulers.get(firstSpokeShard + (i - 1) % spokeShards), group, 1);
    long builtBytes = heap.usedAfterGc() - heap.baselineBytes();
    AtomicLongArray registeredAt = new AtomicLongArray(n + 1);
    CountDownLatch all = new CountDownLatch(n);
    int inFlight = window <= 0 ? n : Math.min(window, n);
    AtomicInteger started = new AtomicInteger(inFlight);
    fleet.onRegistered(i -> {
      if (registeredAt.compareAndSet(i, 0, System.nanoTime())) {
        all.countDown();
        int next = started.incrementAndGet();
        if (next <= n) {
          fleet.startSpoke(next); // keeps `window` spokes negotiating at once
        }
      }
    });
    out.printf("spokes %d, group %d, %d scheduler threads (hub alone on one: %s), %d cores, start window %s%n", n,
        group.id(), schedulers.size(), schedulers.size() > 1, Runtime.getRuntime().availableProcessors(),
        window <= 0 ? "all at once" : window + " spokes negotiating at a time");
    out.flush();
    long start = System.nanoTime();
    fleet.startHub();
    for (int i = 1; i <= inFlight; i++) {
      fleet.startSpoke(i);
    }
    boolean done = all.await(WAIT_SECONDS, TimeUnit.SECONDS);
    long end = System.nanoTime();
    report(n, start, end, registeredAt, done);
    reportCpu(schedulers);
    reportTraffic(fleet, segment);
    Thread.sleep(1000); // idle: queued work drains, timers stay armed
    long registeredBytes = heap.usedAfterGc() - heap.baselineBytes();
    out.printf("heap per spoke built (not started) %8.1f KiB%n", builtBytes / 1024.0 / n);
    out.printf("heap per idle registered spoke     %8.1f KiB  (used heap after GC, %.1f MiB for %d spokes "
        + "incl. the hub's per-spoke state; target <= 64 KiB)%n", registeredBytes / 1024.0 / n,
        registeredBytes / 1048576.0, n);
    heap.printGrowth(out, n, histogramRows);
    out.flush();
    return done;
  }

  private void report(int n, long start, long end, AtomicLongArray registeredAt, boolean done) {
    long[] ms = new long[n];
    int count = 0;
    for (int i = 1; i <= n; i++) {
      long at = registeredAt.get(i);
      if (at != 0) {
        ms[count++] = at - start;
      }
    }
    Arrays.sort(ms, 0, count);
    if (count == 0) {
      out.printf("no spoke registered within %d s%n", WAIT_SECONDS);
      return;
    }
    double last = ms[count - 1] / 1e9;
    out.printf("registered %d of %d%s%n", count, n, done ? "" : " (gave up after " + WAIT_SECONDS + " s)");
    out.printf("time to first %.3f s, to median %.3f s, to last %.3f s%n", ms[0] / 1e9, ms[count / 2] / 1e9,
        last);
    out.printf("spokes/s %.0f  (registered / time to last)%n", count / last);
    if (n >= 1000 && count >= 1000) {
      out.printf("time to 1000 spokes %.3f s  (target <= 10 s)%n", ms[999] / 1e9);
    }
    out.printf("wall time %.3f s%n", (end - start) / 1e9);
  }

  /** CPU seconds each scheduler thread has used (thread 0 is the hub's when there are two or more). */
  private void reportCpu(List<ExecutorScheduler> schedulers) throws InterruptedException {
    StringBuilder line = new StringBuilder("scheduler thread CPU s:");
    for (ExecutorScheduler s : schedulers) {
      java.util.concurrent.CompletableFuture<Long> cpu = new java.util.concurrent.CompletableFuture<>();
      s.execute(() -> cpu.complete(ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime()));
      try {
        line.append(String.format(" %.3f", cpu.get() / 1e9));
      } catch (java.util.concurrent.ExecutionException e) {
        line.append(" ?");
      }
    }
    out.println(line);
  }

  /** Messages per spoke: 5 IKE and 1 NHRP (in ESP) out when nothing was retransmitted. */
  private void reportTraffic(SpokeFleet fleet, ShardedSegment segment) throws InterruptedException {
    long ikeOut = 0;
    long espOut = 0;
    long drops = 0;
    for (int i = 1; i <= fleet.size(); i++) {
      DmvpnNode s = fleet.spoke(i);
      ikeOut += s.counters().get(NodeCounter.IKE_OUT);
      espOut += s.counters().get(NodeCounter.ESP_OUT);
      drops += s.counters().get(NodeCounter.DROPPED);
    }
    DmvpnNode hub = fleet.hub();
    out.printf("spokes sent IKE %.2f, ESP %.2f per spoke (5 and 1 without retransmissions); spoke drops %d; "
        + "hub IKE in %d, out %d, drops %d %s%n", ikeOut / (double) fleet.size(), espOut / (double) fleet.size(),
        drops, hub.counters().get(NodeCounter.IKE_IN), hub.counters().get(NodeCounter.IKE_OUT),
        hub.counters().get(NodeCounter.DROPPED), hub.counters().drops());
    out.printf("segment frames %d (flooded %d), receiver errors %d%n", segment.framesSent(),
        segment.framesFlooded(), segment.receiverErrors());
  }
}
