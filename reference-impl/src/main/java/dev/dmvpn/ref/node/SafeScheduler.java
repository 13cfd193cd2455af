package dev.dmvpn.ref.node;

import dev.dmvpn.ref.time.Clock;
import dev.dmvpn.ref.time.Scheduler;
import dev.dmvpn.ref.time.TaskGuard;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Wraps a {@link Scheduler} so that an exception escaping a task is reported (the node logs an
 * {@link NodeEventKind#INTERNAL_ERROR} event) instead of vanishing, as it would inside an
 * {@code ExecutorScheduler}, or unwinding the test's {@code advance} on a simulated one.
 */
final class SafeScheduler implements Scheduler {
  private final Scheduler delegate;
  private final Consumer<RuntimeException> onError;

  SafeScheduler(Scheduler delegate, Consumer<RuntimeException> onError) {
    this.delegate = delegate;
    this.onError = onError;
  }

  @Override
  public Clock clock() {
    return delegate.clock();
  }

  @Override
  public Timer schedule(Duration delay, Runnable task) {
    return delegate.schedule(delay, () -> run(task));
  }

  void run(Runnable task) {
    TaskGuard.runCatchingExceptions(task, onError);
  }
}
