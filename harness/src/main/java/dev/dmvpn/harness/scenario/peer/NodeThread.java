package dev.dmvpn.harness.scenario.peer;

import java.io.IOException;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Hands a task to a node's scheduler thread and waits for its value. */
final class NodeThread {
  /** As the rack's own reads: a node that does not answer within this is stuck. */
  static final long TIMEOUT_SECONDS = 10;

  private NodeThread() {}

  static <T> T call(Executor thread, String what, Callable<T> task) throws IOException {
    CompletableFuture<T> f = new CompletableFuture<>();
    thread.execute(() -> {
      try {
        f.complete(task.call());
      } catch (Exception | Error e) {
        f.completeExceptionally(e);
      }
    });
    try {
      return f.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(what + ": interrupted", e);
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      throw new IOException(what + ": " + (c.getMessage() == null ? c.toString() : c.getMessage()), c);
    } catch (TimeoutException e) {
      throw new IOException(what + ": the node's thread did not answer within " + TIMEOUT_SECONDS + " s", e);
    }
  }
}
