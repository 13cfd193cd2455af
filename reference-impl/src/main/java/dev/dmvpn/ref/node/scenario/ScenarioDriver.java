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
