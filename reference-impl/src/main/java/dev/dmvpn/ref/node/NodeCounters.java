package dev.dmvpn.ref.node;

import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counters of one node: packets per {@link NodeCounter}, and drops per reason (short fixed strings such as
 * {@code "ipsec: no SA for SPI"}). Updated on the scheduler thread; reads are synchronized snapshots.
 */
public final class NodeCounters {
  private final Map<NodeCounter, Long> counts = new EnumMap<>(NodeCounter.class);
  private final Map<String, Long> drops = new TreeMap<>();

  synchronized void add(NodeCounter c) {
    counts.merge(c, 1L, Long::sum);
  }

  synchronized void drop(String reason) {
    counts.merge(NodeCounter.DROPPED, 1L, Long::sum);
    drops.merge(reason, 1L, Long::sum);
  }

  public synchronized long get(NodeCounter c) {
    return counts.getOrDefault(c, 0L);
  }

  /** Drops of one reason. */
  public synchronized long drops(String reason) {
    return drops.getOrDefault(reason, 0L);
  }

  /** All drop reasons with their counts, sorted by reason. */
  public synchronized Map<String, Long> drops() {
    return Map.copyOf(drops);
  }

  @Override
  public synchronized String toString() {
    return counts + " drops " + drops;
  }
}
