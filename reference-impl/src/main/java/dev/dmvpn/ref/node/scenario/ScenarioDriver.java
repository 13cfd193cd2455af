package dev.dmvpn.ref.node.scenario;

import dev.dmvpn.ref.time.ExecutorScheduler;
import dev.dmvpn.ref.time.Scheduler;
import dev.dmvpn.ref.time.SimulatedScheduler;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * Moves scenario time forward: a {@link SimulatedScheduler} is advanced in small steps by the calling thread; an
 * {@link ExecutorScheduler} runs on its own and the caller polls. Conditions and actions always run on the
 * scheduler's thread, so they may read and change node state.
 */
public abstract class ScenarioDriver {
  /** Granularity of waiting, in scenario time. */
  static final Duration STEP = Duration.ofMillis(20);

  public abstract Scheduler scheduler();

  /** Runs {@code action} on the scheduler's thread and returns once it has run. */
  public abstract void run(Runnable action);

  /** Lets {@code d} of scenario time pass. */
  public abstract void pass(Duration d);

  /** Scenario time since the start, in nanoseconds. */
  public long nanos() {
    return scheduler().clock().nanoTime();
  }

  /** Waits until {@code condition} holds (checked on the scheduler thread) or {@code limit} has passed. */
  public boolean await(BooleanSupplier condition, Duration limit) {
    long end = nanos() + limit.toNanos();
    boolean[] holds = new boolean[1];
    while (true) {
      run(() -> holds[0] = condition.getAsBoolean());
      if (holds[0]) {
        return true;
      }
      if (nanos() >= end) {
        return false;
      }
      pass(STEP);
    }
  }

  public static ScenarioDriver simulated(SimulatedScheduler s) {
    return new ScenarioDriver() {
      @Override
      public Scheduler scheduler() {
        return s;
      }

      @Override
      public void run(Runnable action) {
        action.run(); // the test thread is the scheduler's thread
      }

      @Override
      public void pass(Duration d) {
        s.advance(d);
      }
    };
  }

  /**
   * A simulated scheduler paced to the wall clock: scenario time runs at most {@code scale} scenario seconds per real
   * second, but only moves once everything due has run. Events keep their simulated order and timing whatever the
   * machine's load (a loaded CPU slows the run down instead of making IKE "take" longer than an NHRP retransmission
   * timer), so a paced run shows what {@link #simulated} computes, live.
   */
  public static ScenarioDriver paced(SimulatedScheduler s, double scale) {
    if (!(scale > 0)) {
      throw new IllegalArgumentException("scale must be positive: " + scale);
    }
    long startWall = System.nanoTime();
    long startScenario = s.clock().nanoTime();
    return new ScenarioDriver() {
      @Override
      public Scheduler scheduler() {
        return s;
      }

      @Override
      public void run(Runnable action) {
        action.run(); // the caller's thread is the scheduler's thread
      }

      @Override
      public void pass(Duration d) {
        s.advance(d);
        long due = startWall + (long) ((s.clock().nanoTime() - startScenario) / scale);
        long wait = due - System.nanoTime();
        if (wait > 0) {
          try {
            TimeUnit.NANOSECONDS.sleep(wait);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
          }
        }
      }
    };
  }

  /** A driver for a scaled real-time scheduler ({@code scale} scenario seconds per real second). */
  public static ScenarioDriver executor(ExecutorScheduler s, double scale) {
    return new ScenarioDriver() {
      @Override
      public Scheduler scheduler() {
        return s;
      }

      @Override
      public void run(Runnable action) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        s.execute(() -> {
          try {
            action.run();
            done.complete(null);
          } catch (RuntimeException e) {
            done.completeExceptionally(e);
          }
        });
        try {
          done.get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException | TimeoutException e) {
          throw new IllegalStateException("scenario action failed: " + e.getCause(), e);
        }
      }

      @Override
      public void pass(Duration d) {
        try {
          TimeUnit.NANOSECONDS.sleep(Math.max(1, (long) (d.toNanos() / scale)));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted", e);
        }
      }
    };
  }
}
