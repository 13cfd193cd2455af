package dev.dmvpn.ref.wire.virtual;

import dev.dmvpn.ref.capture.CapturedFrame;
import dev.dmvpn.ref.capture.LinkType;
import java.util.ArrayList;
import java.util.List;

/** A tap keeping every frame in memory as {@link CapturedFrame}s (Ethernet, interface 0), for tests. */
public final class MemoryTap implements SegmentTap, AutoCloseable {
  private final VirtualSegment segment;
  private final List<CapturedFrame> frames = new ArrayList<>();

  private MemoryTap(VirtualSegment segment) {
    this.segment = segment;
  }

  /** Attaches a new memory tap to {@code segment}. */
  public static MemoryTap attach(VirtualSegment segment) {
    MemoryTap tap = new MemoryTap(segment);
    segment.addTap(tap);
    return tap;
  }

  @Override
  public synchronized void onFrame(long timestampNanos, byte[] frame) {
    frames.add(new CapturedFrame(0, LinkType.ETHERNET, timestampNanos, frame.length, frame));
  }

  /** A copy of the frames seen so far, in wire order. */
  public synchronized List<CapturedFrame> frames() {
    return List.copyOf(frames);
  }

  public synchronized void clear() {
    frames.clear();
  }

  /** Detaches from the segment; frames already seen stay readable. */
  @Override
  public void close() {
    segment.removeTap(this);
  }
}
