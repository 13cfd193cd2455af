package dev.dmvpn.ref.time;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.testng.annotations.Test;

public class SimulatedSchedulerTest {

  @Test
  public void runsTasksAtTheirDueTimeInOrder() {
    SimulatedScheduler s = new SimulatedScheduler();
    List<String> log = new ArrayList<>();
    s.schedule(Duration.ofSeconds(2400), () -> log.add("reregister@" + s.nanoTime() / 1_000_000_000L));
    s.schedule(Duration.ofSeconds(1), () -> log.add("a@" + s.nanoTime() / 1_000_000_000L));
    s.schedule(Duration.ofSeconds(1), () -> log.add("b@" + s.nanoTime() / 1_000_000_000L));
    s.advance(Duration.ofSeconds(10));
    assertEquals(log, List.of("a@1", "b@1"));
    assertEquals(s.nanoTime(), 10_000_000_000L);
    s.advance(Duration.ofHours(1));
    assertEquals(log, List.of("a@1", "b@1", "reregister@2400"));
  }

  @Test
  public void cancelledTasksDoNotRunAndTasksMayScheduleTasks() {
    SimulatedScheduler s = new SimulatedScheduler();
    List<Long> fired = new ArrayList<>();
    Scheduler.Timer t = s.schedule(Duration.ofSeconds(5), () -> fired.add(-1L));
    assertTrue(t.cancel());
    assertFalse(t.cancel());
    // a retry with doubling back-off, as the NHS registrar will do: 1, 2, 4, 8 s after the first try
    Runnable[] retry = new Runnable[1];
    long[] backoff = {1};
    retry[0] = () -> {
      fired.add(s.nanoTime() / 1_000_000_000L);
      backoff[0] *= 2;
      if (fired.size() < 4) {
        s.schedule(Duration.ofSeconds(backoff[0]), retry[0]);
      }
    };
    s.schedule(Duration.ofSeconds(1), retry[0]);
    assertEquals(s.runUntilIdle(Duration.ofMinutes(1)), 4);
    assertEquals(fired, List.of(1L, 3L, 7L, 15L));
    assertEquals(s.pending(), 0);
  }
}
