package dev.dmvpn.ref.wire.virtual;

import java.util.EnumMap;

/** The mutable counters behind {@link SegmentCounters}; guarded by the segment's lock. */
final class SegmentStats {
  long sent;
  long onWire;
  long delivered;
  long duplicated;
  long reordered;
  private final long[] dropped = new long[DropReason.values().length];

  void drop(DropReason reason) {
    dropped[reason.ordinal()]++;
  }

  SegmentCounters snapshot() {
    EnumMap<DropReason, Long> d = new EnumMap<>(DropReason.class);
    for (DropReason r : DropReason.values()) {
      d.put(r, dropped[r.ordinal()]);
    }
    return new SegmentCounters(sent, onWire, delivered, duplicated, reordered, d);
  }
}
