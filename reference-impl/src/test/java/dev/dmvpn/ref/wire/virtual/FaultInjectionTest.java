package dev.dmvpn.ref.wire.virtual;

import static dev.dmvpn.ref.wire.virtual.VirtualSegmentTest.MAC_A;
import static dev.dmvpn.ref.wire.virtual.VirtualSegmentTest.MAC_B;
import static dev.dmvpn.ref.wire.virtual.VirtualSegmentTest.frame;
import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertNotEquals;
import static org.testng.Assert.assertTrue;

import dev.dmvpn.ref.time.SimulatedScheduler;
import dev.dmvpn.ref.wire.virtual.VirtualSegmentTest.Inbox;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.testng.annotations.Test;

/**
 * Loss, duplication and reordering with fixed seeds: the same seed gives exactly the same decisions in every
 * run (java.util.Random's algorithm is specified, so the pinned counts hold on any JVM).
 */
public class FaultInjectionTest {
  private static final int FRAMES = 1000;

  /** What B received when A sent FRAMES frames 1 ms apart through {@code profile}. */
  private record Run(List<Integer> received, SegmentCounters counters) {}

  private static Run run(FaultProfile profile, long seed) {
    SimulatedScheduler s = new SimulatedScheduler();
    VirtualSegment seg = new VirtualSegment("lossy", s, VirtualSegment.Mode.LEARNING_SWITCH, seed);
    seg.setFaults(profile);
    VirtualPort a = seg.attach("a", MAC_A);
    Inbox b = new Inbox(seg.attach("b", MAC_B), s);
    for (int i = 0; i < FRAMES; i++) {
      a.send(frame(MAC_B, MAC_A, i));
      s.advance(Duration.ofMillis(1));
    }
    s.runUntilIdle(Duration.ofSeconds(10));
    return new Run(b.sequences, seg.counters());
  }

  @Test
  public void twentyPercentLossIsExactlyReproducible() {
    FaultProfile loss = FaultProfile.NONE.withLoss(0.2);
    Run first = run(loss, 42);
    Run second = run(loss, 42);
    assertEquals(second.received, first.received);
    assertEquals(second.counters, first.counters);
    SegmentCounters c = first.counters;
    assertEquals(c.sent(), FRAMES);
    assertEquals(c.dropped(DropReason.LOSS) + c.delivered(), FRAMES);
    // pinned from the first run of seed 42: any change in how decisions are drawn shows up here
    assertEquals(c.dropped(DropReason.LOSS), 180);
    assertTrue(isIncreasing(first.received), "loss alone must not reorder");
    Run otherSeed = run(loss, 43);
    assertNotEquals(otherSeed.received, first.received, "the seed has no effect");
  }

  @Test
  public void duplicatesFollowTheirOriginalAndAreReproducible() {
    FaultProfile dup = FaultProfile.NONE.withDuplication(0.1);
    Run first = run(dup, 7);
    assertEquals(run(dup, 7).received, first.received);
    SegmentCounters c = first.counters;
    assertEquals(first.received.size(), FRAMES + c.duplicated());
    assertEquals(c.delivered(), FRAMES + c.duplicated());
    assertEquals(c.onWire(), FRAMES + c.duplicated());
    assertEquals(c.duplicated(), 105); // pinned, seed 7
    int twice = 0;
    for (int i = 1; i < first.received.size(); i++) {
      if (first.received.get(i).equals(first.received.get(i - 1))) {
        twice++;
      }
    }
    assertEquals(twice, c.duplicated(), "every duplicate arrives right after its original");
    assertEquals(new HashSet<>(first.received).size(), FRAMES);
  }

  @Test
  public void heldBackFramesAreOvertakenReproducibly() {
    FaultProfile reorder = FaultProfile.NONE.withReordering(0.05, Duration.ofMillis(5));
    Run first = run(reorder, 11);
    assertEquals(run(reorder, 11).received, first.received);
    SegmentCounters c = first.counters;
    assertEquals(c.reordered(), 48); // pinned, seed 11
    assertEquals(first.received.size(), FRAMES, "reordering loses nothing");
    assertEquals(Set.copyOf(first.received).size(), FRAMES);
    int late = 0;
    for (int i = 0; i < FRAMES; i++) {
      int seq = first.received.get(i);
      if (seq < i) {
        late++;
        // held 5 ms while one frame per ms kept coming: it lands 5 places later, or 4 behind another held one
        assertTrue(i - seq >= 1 && i - seq <= 5, "frame " + seq + " arrived at position " + i);
      }
    }
    assertTrue(late > 0 && late <= c.reordered(), "late frames " + late);
  }

  @Test
  public void lossDecisionsDoNotChangeWhenOtherImpairmentsAreAdded() {
    Run lossOnly = run(FaultProfile.NONE.withLoss(0.2), 42);
    Run lossAndDelay = run(FaultProfile.NONE.withLoss(0.2).withDelay(Duration.ofMillis(3), Duration.ZERO), 42);
    assertEquals(lossAndDelay.received, lossOnly.received);
  }

  private static boolean isIncreasing(List<Integer> seqs) {
    List<Integer> sorted = new ArrayList<>(seqs);
    sorted.sort(null);
    return sorted.equals(seqs);
  }
}
