package dev.dmvpn.ref.wire.virtual;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;
import static org.testng.Assert.expectThrows;

import dev.dmvpn.ref.capture.CapturedFrame;
import dev.dmvpn.ref.l2l3.EtherType;
import dev.dmvpn.ref.l2l3.MacAddress;
import dev.dmvpn.ref.time.SimulatedScheduler;
import dev.dmvpn.ref.wire.EthernetFrames;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.testng.annotations.Test;

/** Forwarding, scheduling, taps and counters of a fault-free segment. */
public class VirtualSegmentTest {
  static final MacAddress MAC_A = MacAddress.parse("02:00:00:00:00:0a");
  static final MacAddress MAC_B = MacAddress.parse("02:00:00:00:00:0b");
  static final MacAddress MAC_C = MacAddress.parse("02:00:00:00:00:0c");
  /** IEEE 802 local experimental EtherType: test frames only. */
  static final EtherType EXPERIMENTAL = new EtherType(0x88b5);

  /** A 60-byte frame carrying {@code sequence} as the first 4 payload bytes. */
  static byte[] frame(MacAddress dst, MacAddress src, int sequence) {
    return EthernetFrames.build(dst, src, EXPERIMENTAL, ByteBuffer.allocate(4).putInt(sequence).array());
  }

  static int sequenceOf(byte[] frame) {
    return ByteBuffer.wrap(frame, 14, 4).getInt();
  }

  /** Sequence numbers of received frames, in arrival order. */
  static final class Inbox {
    final List<Integer> sequences = new ArrayList<>();
    final List<Long> times = new ArrayList<>();

    Inbox(VirtualPort port, SimulatedScheduler s) {
      port.onReceive(f -> {
        sequences.add(sequenceOf(f));
        times.add(s.nanoTime());
      });
    }
  }

  @Test
  public void sendIsScheduledNotSynchronous() {
    SimulatedScheduler s = new SimulatedScheduler();
    VirtualSegment seg = new VirtualSegment("lan", s);
    VirtualPort a = seg.attach("a", MAC_A);
    Inbox b = new Inbox(seg.attach("b", MAC_B), s);
    a.send(frame(MAC_B, MAC_A, 1));
    assertTrue(b.sequences.isEmpty(), "delivered inside send()");
    s.runUntilIdle(Duration.ofSeconds(1));
    assertEquals(b.sequences, List.of(1));
    assertEquals(b.times, List.of(0L));
  }

  @Test
  public void learningSwitchFloodsBroadcastAndUnknownButSendsLearnedUnicastToOnePort() {
    SimulatedScheduler s = new SimulatedScheduler();
    VirtualSegment seg = new VirtualSegment("lan", s);
    VirtualPort a = seg.attach("a", MAC_A);
    VirtualPort b = seg.attach("b", MAC_B);
    Inbox inA = new Inbox(a, s);
    Inbox inB = new Inbox(b, s);
    Inbox inC = new Inbox(seg.attach("c", MAC_C), s);
    a.send(frame(MacAddress.BROADCAST, MAC_A, 1)); // A learned
    b.send(frame(MAC_C, MAC_B, 2)); // C unknown: flooded; B learned
    s.runUntilIdle(Duration.ofSeconds(1));
    b.send(frame(MAC_A, MAC_B, 3)); // A known: only A
    a.send(frame(MAC_B, MAC_A, 4)); // B known: only B
    s.runUntilIdle(Duration.ofSeconds(1));
    assertEquals(inA.sequences, List.of(2, 3));
    assertEquals(inB.sequences, List.of(1, 4));
    assertEquals(inC.sequences, List.of(1, 2));
    SegmentCounters c = seg.counters();
    assertEquals(c.sent(), 4);
    assertEquals(c.onWire(), 4);
    assertEquals(c.delivered(), 6);
  }

  @Test
  public void hubDeliversUnicastToEveryOtherPort() {
    SimulatedScheduler s = new SimulatedScheduler();
    VirtualSegment seg = new VirtualSegment("hub", s, VirtualSegment.Mode.HUB, 0);
    VirtualPort a = seg.attach("a", MAC_A);
    Inbox inA = new Inbox(a, s);
    Inbox inB = new Inbox(seg.attach("b", MAC_B), s);
    Inbox inC = new Inbox(seg.attach("c", MAC_C), s);
    a.send(frame(MAC_B, MAC_A, 1));
    a.send(frame(MAC_B, MAC_A, 2));
    s.runUntilIdle(Duration.ofSeconds(1));
    assertTrue(inA.sequences.isEmpty(), "a port hears its own frame");
    assertEquals(inB.sequences, List.of(1, 2));
    assertEquals(inC.sequences, List.of(1, 2));
  }

  @Test
  public void unicastToTheSendersOwnPortIsFiltered() {
    SimulatedScheduler s = new SimulatedScheduler();
    VirtualSegment seg = new VirtualSegment("lan", s);
    VirtualPort a = seg.attach("a", MAC_A);
    Inbox inB = new Inbox(seg.attach("b", MAC_B), s);
    a.send(frame(MacAddress.BROADCAST, MAC_A, 1));
    a.send(frame(MAC_A, MAC_A, 2));
    s.runUntilIdle(Duration.ofSeconds(1));
    assertEquals(inB.sequences, List.of(1));
    assertEquals(seg.counters().dropped(DropReason.FILTERED_SAME_PORT), 1);
  }

  @Test
  public void runtsDetachedPortsAndMissingReceiversAreCountedDrops() {
    SimulatedScheduler s = new SimulatedScheduler();
    VirtualSegment seg = new VirtualSegment("lan", s);
    VirtualPort a = seg.attach("a", MAC_A);
    VirtualPort b = seg.attach("b", MAC_B);
    seg.attach("c", MAC_C); // no receiver
    b.onReceive(f -> {});
    a.send(new byte[13]);
    a.send(frame(MacAddress.BROADCAST, MAC_A, 1)); // b gets it, c has no receiver
    a.send(frame(MacAddress.BROADCAST, MAC_A, 2));
    s.runUntilIdle(Duration.ofSeconds(1));
    a.send(frame(MAC_B, MAC_A, 3)); // in flight while b detaches: floods to c alone
    b.close();
    s.runUntilIdle(Duration.ofSeconds(1));
    SegmentCounters c = seg.counters();
    assertEquals(c.sent(), 4);
    assertEquals(c.dropped(DropReason.RUNT), 1);
    assertEquals(c.delivered(), 2);
    assertEquals(c.dropped(DropReason.NO_RECEIVER), 3);
    assertEquals(seg.ports().size(), 2);
    assertFalse(b.attached());
    expectThrows(IllegalStateException.class, () -> b.send(frame(MAC_A, MAC_B, 4)));
  }

  @Test
  public void portDetachedWhileFrameInFlightCountsAsDetachedDrop() {
    SimulatedScheduler s = new SimulatedScheduler();
    VirtualSegment seg = new VirtualSegment("lan", s);
    seg.setFaults(FaultProfile.NONE.withDelay(Duration.ofMillis(5), Duration.ZERO));
    VirtualPort a = seg.attach("a", MAC_A);
    VirtualPort b = seg.attach("b", MAC_B);
    b.onReceive(f -> {});
    b.send(frame(MacAddress.BROADCAST, MAC_B, 0)); // learn b
    s.runUntilIdle(Duration.ofSeconds(1));
    a.send(frame(MAC_B, MAC_A, 1));
    b.close();
    s.runUntilIdle(Duration.ofSeconds(1));
    // b was unlearned on detach, so the frame floods to nobody: no port left to drop it at
    assertEquals(seg.counters().delivered(), 0);
    assertEquals(seg.counters().onWire(), 2);
  }

  @Test
  public void fixedDelayAndJitterShiftArrivalAndTapTimestamps() {
    SimulatedScheduler s = new SimulatedScheduler(Instant.parse("2026-01-01T00:00:00Z"));
    VirtualSegment seg = new VirtualSegment("lan", s, VirtualSegment.Mode.LEARNING_SWITCH, 7);
    seg.setFaults(FaultProfile.NONE.withDelay(Duration.ofMillis(10), Duration.ofMillis(2)));
    MemoryTap tap = MemoryTap.attach(seg);
    VirtualPort a = seg.attach("a", MAC_A);
    Inbox inB = new Inbox(seg.attach("b", MAC_B), s);
    for (int i = 0; i < 50; i++) {
      a.send(frame(MAC_B, MAC_A, i));
    }
    s.runUntilIdle(Duration.ofSeconds(1));
    assertEquals(inB.sequences.size(), 50);
    long epochNanos = Instant.parse("2026-01-01T00:00:00Z").getEpochSecond() * 1_000_000_000L;
    List<CapturedFrame> seen = tap.frames();
    assertEquals(seen.size(), 50);
    for (int i = 0; i < 50; i++) {
      long t = inB.times.get(i);
      assertTrue(t >= 10_000_000L && t <= 12_000_000L, "arrival " + t);
      assertEquals(seen.get(i).timestampNanos(), epochNanos + t, "tap time of frame " + i);
    }
    assertFalse(inB.times.stream().allMatch(t -> t == 10_000_000L), "jitter had no effect");
  }

  @Test
  public void perPortFaultsApplyOnlyToFramesThatPortSends() {
    SimulatedScheduler s = new SimulatedScheduler();
    VirtualSegment seg = new VirtualSegment("lan", s);
    VirtualPort a = seg.attach("a", MAC_A);
    VirtualPort b = seg.attach("b", MAC_B);
    Inbox inA = new Inbox(a, s);
    Inbox inB = new Inbox(b, s);
    seg.setFaults(a, FaultProfile.NONE.withLoss(1.0));
    for (int i = 0; i < 10; i++) {
      a.send(frame(MAC_B, MAC_A, i));
      b.send(frame(MAC_A, MAC_B, 100 + i));
    }
    s.runUntilIdle(Duration.ofSeconds(1));
    assertTrue(inB.sequences.isEmpty());
    assertEquals(inA.sequences.size(), 10);
    assertEquals(seg.counters().dropped(DropReason.LOSS), 10);
    seg.setFaults(a, null);
    a.send(frame(MAC_B, MAC_A, 50));
    s.runUntilIdle(Duration.ofSeconds(1));
    assertEquals(inB.sequences, List.of(50));
  }

  @Test
  public void closedMemoryTapStopsSeeingFrames() {
    SimulatedScheduler s = new SimulatedScheduler();
    VirtualSegment seg = new VirtualSegment("lan", s);
    MemoryTap tap = MemoryTap.attach(seg);
    VirtualPort a = seg.attach("a", MAC_A);
    a.send(frame(MacAddress.BROADCAST, MAC_A, 1));
    s.runUntilIdle(Duration.ofSeconds(1));
    tap.close();
    a.send(frame(MacAddress.BROADCAST, MAC_A, 2));
    s.runUntilIdle(Duration.ofSeconds(1));
    assertEquals(tap.frames().size(), 1);
    assertEquals(sequenceOf(tap.frames().get(0).data()), 1);
  }

  @Test
  public void badProbabilitiesAreRejected() {
    expectThrows(IllegalArgumentException.class, () -> FaultProfile.NONE.withLoss(1.5));
    expectThrows(IllegalArgumentException.class, () -> FaultProfile.NONE.withDuplication(-0.1));
    expectThrows(IllegalArgumentException.class, () -> FaultProfile.NONE.withReordering(Double.NaN,
        Duration.ZERO));
    expectThrows(IllegalArgumentException.class,
        () -> FaultProfile.NONE.withDelay(Duration.ofMillis(-1), Duration.ZERO));
  }
}
