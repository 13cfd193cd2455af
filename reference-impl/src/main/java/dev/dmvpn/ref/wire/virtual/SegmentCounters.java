package dev.dmvpn.ref.wire.virtual;

import java.util.EnumMap;
import java.util.Map;

/**
 * A snapshot of a {@link VirtualSegment}'s counters.
 *
 * @param sent frames handed to {@code send} on the segment's ports
 * @param onWire frame appearances on the wire (a duplicated frame appears twice; a lost one never)
 * @param delivered frames handed to a port's receiver (one per receiving port)
 * @param duplicated extra copies created by fault injection
 * @param reordered frames held back by fault injection
 * @param dropped drops by reason (every reason present, zero when none)
 */
public record SegmentCounters(
    long sent, long onWire, long delivered, long duplicated, long reordered, Map<DropReason, Long> dropped) {

  public SegmentCounters {
    EnumMap<DropReason, Long> all = new EnumMap<>(DropReason.class);
    for (DropReason r : DropReason.values()) {
      all.put(r, dropped.getOrDefault(r, 0L));
    }
    dropped = Map.copyOf(all);
  }

  public long dropped(DropReason reason) {
    return dropped.get(reason);
  }

  @Override
  public String toString() {
    return "sent " + sent + ", on wire " + onWire + ", delivered " + delivered + ", duplicated " + duplicated
        + ", reordered " + reordered + ", dropped " + new EnumMap<>(dropped);
  }
}
