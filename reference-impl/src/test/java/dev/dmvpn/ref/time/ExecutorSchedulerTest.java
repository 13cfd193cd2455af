package dev.dmvpn.ref.time;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.testng.annotations.Test;

public class ExecutorSchedulerTest {

  /** A throwing task is counted (not lost in a future) and the thread keeps running later tasks. */
  @Test
  public void failingTaskIsReportedAndLaterTasksStillRun() throws Exception {
    try (ExecutorScheduler s = new ExecutorScheduler("test-scheduler", 1000)) {
      CountDownLatch later = new CountDownLatch(1);
      s.execute(() -> {
        throw new IllegalStateException("deliberate test failure");
      });
      s.schedule(Duration.ofSeconds(1), later::countDown); // 1 s at x1000: about 1 ms of real time
      assertTrue(later.await(5, TimeUnit.SECONDS), "the task after the failing one ran");
      assertEquals(s.failedTasks(), 1);
    }
  }
}
