package dev.dmvpn.ref.time;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Real time, optionally scaled: with scale 60 a 120-second SA lifetime expires after 2 real seconds, and the
 * clock reads 60 seconds for every real second (the virtual rack's time-scale). One thread runs every task, so
 * tasks never run concurrently. Close it to stop the thread.
 *
 * <p>A task that throws does not vanish inside the executor's future (as it would with a plain
 * {@link ScheduledExecutorService}): the exception is logged ({@link System.Logger}, level ERROR) with the thread's name and is counted in
 * {@link #failedTasks()}; wrappers such as the node's add their own reporting on top.
 */
public final class ExecutorScheduler implements Scheduler, Clock, AutoCloseable {
  private static final System.Logger LOG = System.getLogger(ExecutorScheduler.class.getName());
  private final double scale;
  private final long startNanos = System.nanoTime();
  private final Instant startInstant = Instant.now();
  private final ScheduledExecutorService executor;
  private final java.util.concurrent.atomic.AtomicLong failedTasks = new java.util.concurrent.atomic.AtomicLong();

  public ExecutorScheduler(String name, double scale) {
    if (!(scale > 0)) {
      throw new IllegalArgumentException("time scale must be positive, got " + scale);
    }
    this.scale = scale;
    this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    });
  }

  public static ExecutorScheduler realTime(String name) {
    return new ExecutorScheduler(name, 1.0);
  }

  @Override
  public Clock clock() {
    return this;
  }

  @Override
  public long nanoTime() {
    return (long) ((System.nanoTime() - startNanos) * scale);
  }

  @Override
  public Instant now() {
    return startInstant.plusNanos(nanoTime());
  }

  @Override
  public Timer schedule(Duration delay, Runnable task) {
    long realNanos = Math.max(0, (long) (delay.toNanos() / scale));
    ScheduledFuture<?> f = executor.schedule(reporting(task), realNanos, TimeUnit.NANOSECONDS);
    return () -> f.cancel(false);
  }

  /** Runs a task on the scheduler's thread as soon as possible (to hand work over from other threads). */
  public void execute(Runnable task) {
    executor.execute(reporting(task));
  }

  /** Tasks that ended with an exception so far. */
  public long failedTasks() {
    return failedTasks.get();
  }

  private Runnable reporting(Runnable task) {
    return TaskGuard.catchingAll(task, e -> {
      failedTasks.incrementAndGet();
      LOG.log(System.Logger.Level.ERROR, Thread.currentThread().getName() + ": scheduled task failed: " + e, e);
    });
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
