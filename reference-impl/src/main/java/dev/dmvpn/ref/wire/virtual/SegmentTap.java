package dev.dmvpn.ref.wire.virtual;

/**
 * Sees every frame as it appears on a {@link VirtualSegment}'s wire: once per appearance (a duplicated frame
 * twice, a lost frame never), at the scheduler clock's time of the appearance. Runs on the scheduler's thread.
 */
@FunctionalInterface
public interface SegmentTap {

  /**
   * @param timestampNanos the segment clock's wall time, nanoseconds since the Unix epoch
   * @param frame the Ethernet frame (must not be mutated)
   */
  void onFrame(long timestampNanos, byte[] frame);
}
