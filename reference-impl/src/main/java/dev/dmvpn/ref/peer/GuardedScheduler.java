package dev.dmvpn.ref.peer;

import dev.dmvpn.ref.time.Clock;
import dev.dmvpn.ref.time.ExecutorScheduler;
import dev.dmvpn.ref.time.Scheduler;
import dev.dmvpn.ref.time.TaskGuard;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * An {@link ExecutorScheduler} whose tasks cannot fail silently: an exception thrown by a task (a timer, a frame
 * handed over from a capture thread) is recorded with the task's name and logged ({@link System.Logger}, level ERROR), instead of vanishing
 * inside the executor's future. Tests assert {@link #failures()} is empty. Closing it closes the executor.
 */
public final class GuardedScheduler implements Scheduler, Executor, AutoCloseable {
  private static final System.Logger LOG = System.getLogger(GuardedScheduler.class.getName());
  private final ExecutorScheduler executor;
  private final List<String> failures = new ArrayList<>();

  public GuardedScheduler(ExecutorScheduler executor) {
    this.executor = executor;
  }

  /** A real-time scheduler with one daemon thread called {@code name}. */
  public static GuardedScheduler realTime(String name) {
    return new GuardedScheduler(ExecutorScheduler.realTime(name));
  }

  @Override
  public Clock clock() {
    return executor.clock();
  }

  @Override
  public Timer schedule(Duration delay, Runnable task) {
    return executor.schedule(delay, guard(task));
  }

  /** Runs {@code task} on the scheduler's thread as soon as possible. */
  @Override
  public void execute(Runnable task) {
    executor.execute(guard(task));
  }

  /** "task threw ..." lines, oldest first (a copy; safe to call from any thread). */
  public List<String> failures() {
    synchronized (failures) {
      return List.copyOf(failures);
    }
  }

  private Runnable guard(Runnable task) {
    return TaskGuard.catchingAll(task, e -> {
      String line = "task threw " + e;
      synchronized (failures) {
        failures.add(line);
      }
      LOG.log(System.Logger.Level.ERROR, Thread.currentThread().getName() + ": " + line, e);
    });
  }

  @Override
  public void close() {
    executor.close();
  }
}
