package dev.dmvpn.ref.time;

import java.util.function.Consumer;

/**
 * The one guard for scheduled tasks: a task's exception goes to a handler instead of vanishing inside an
 * executor's future or unwinding whoever ran the task. {@link ExecutorScheduler}, the peer's
 * {@code GuardedScheduler} and the node's {@code SafeScheduler} each add their reporting on top of it.
 */
public final class TaskGuard {
  private TaskGuard() {}

  /**
   * Runs {@code task}; a {@link RuntimeException} goes to {@code onFailure}. An {@link Error} still propagates, so
   * a test's assertion inside a task on a simulated scheduler fails the test rather than being logged.
   */
  public static void runCatchingExceptions(Runnable task, Consumer<? super RuntimeException> onFailure) {
    try {
      task.run();
    } catch (RuntimeException e) {
      onFailure.accept(e);
    }
  }

  /**
   * {@code task} wrapped so that a {@link RuntimeException} or an {@link Error} goes to {@code onFailure}: on a
   * real-time scheduler's thread there is nobody to propagate to.
   */
  public static Runnable catchingAll(Runnable task, Consumer<? super Throwable> onFailure) {
    return () -> {
      try {
        task.run();
      } catch (RuntimeException | Error e) {
        onFailure.accept(e);
      }
    };
  }
}
