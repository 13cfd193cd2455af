package dev.dmvpn.ref.wire.virtual;

import static dev.dmvpn.ref.wire.virtual.VirtualSegmentTest.MAC_A;
import static dev.dmvpn.ref.wire.virtual.VirtualSegmentTest.MAC_B;
import static dev.dmvpn.ref.wire.virtual.VirtualSegmentTest.frame;
import static dev.dmvpn.ref.wire.virtual.VirtualSegmentTest.sequenceOf;
import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

import dev.dmvpn.ref.time.ExecutorScheduler;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.testng.annotations.Test;

/** The segment on a real-time scheduler scaled 60x: a 3 s (scaled) latency takes about 50 ms of real time. */
public class ScaledTimeSegmentTest {

  @Test
  public void delayIsMeasuredOnTheScaledClockAndOrderIsKept() throws InterruptedException {
    try (ExecutorScheduler s = new ExecutorScheduler("segment-60x", 60)) {
      VirtualSegment seg = new VirtualSegment("scaled", s);
      seg.setFaults(FaultProfile.NONE.withDelay(Duration.ofSeconds(3), Duration.ZERO));
      VirtualPort a = seg.attach("a", MAC_A);
      List<Integer> got = new CopyOnWriteArrayList<>();
      List<Long> scaledArrival = new CopyOnWriteArrayList<>();
      CountDownLatch all = new CountDownLatch(20);
      seg.attach("b", MAC_B).onReceive(f -> {
        got.add(sequenceOf(f));
        scaledArrival.add(s.nanoTime());
        all.countDown();
      });
      long sentAt = s.nanoTime();
      long realStart = System.nanoTime();
      for (int i = 0; i < 20; i++) {
        a.send(frame(MAC_B, MAC_A, i)); // from the test thread: the segment is thread-safe
      }
      assertTrue(all.await(5, TimeUnit.SECONDS), "only " + got.size() + " frames arrived");
      long realMillis = (System.nanoTime() - realStart) / 1_000_000;
      assertEquals(got, IntStream.range(0, 20).boxed().toList());
      assertTrue(scaledArrival.get(0) - sentAt >= 3_000_000_000L, "arrived early on the scaled clock");
      assertTrue(realMillis >= 45 && realMillis < 3000, "real time taken " + realMillis + " ms");
      assertEquals(seg.counters().delivered(), 20);
    }
  }
}
