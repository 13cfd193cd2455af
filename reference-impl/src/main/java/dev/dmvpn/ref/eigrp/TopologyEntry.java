package dev.dmvpn.ref.eigrp;

import dev.dmvpn.ref.wire.ip.Ipv4Prefix;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One destination of the topology table: every source (neighbours' reports and a connected interface), the
 * feasible distance, the successors, the DUAL state and, while active, who still owes a reply and whose
 * queries we answer at the end. Mutated only by {@link Dual}.
 */
public final class TopologyEntry {
  private final Ipv4Prefix prefix;
  /** Small: most destinations have one or two sources (a hub with many spokes holds one entry per spoke LAN). */
  final Map<NeighborId, TopologySource> reports = new LinkedHashMap<>(2);
  TopologySource connected;
  long feasibleDistance = CompositeMetric.INFINITE;
  DualState state = DualState.PASSIVE;
  final Set<NeighborId> pendingReplies = new LinkedHashSet<>();
  final Set<NeighborId> queryOrigins = new LinkedHashSet<>();
  List<TopologySource> successors = List.of();
  /** The successor's metric when there last was one: what a query or withdrawal carries with infinite delay. */
  VectorMetric lastMetric;

  TopologyEntry(Ipv4Prefix prefix) {
    this.prefix = prefix;
  }

  public Ipv4Prefix prefix() {
    return prefix;
  }

  public long feasibleDistance() {
    return feasibleDistance;
  }

  public DualState state() {
    return state;
  }

  public List<TopologySource> successors() {
    return successors;
  }

  /** The best successor, or {@code null} when the destination is unreachable. */
  public TopologySource successor() {
    return successors.isEmpty() ? null : successors.get(0);
  }

  /** Every source: connected first, then neighbours in the order they reported. */
  public List<TopologySource> sources() {
    List<TopologySource> out = new ArrayList<>();
    if (connected != null) {
      out.add(connected);
    }
    out.addAll(reports.values());
    return out;
  }

  /**
   * Feasible successors: reachable neighbours whose reported distance is below the feasible distance (the
   * feasibility condition), successors included.
   */
  public List<TopologySource> feasibleSuccessors() {
    return reports.values().stream().filter(s -> s.reachable() && s.reportedDistance() < feasibleDistance)
        .toList();
  }

  public Set<NeighborId> pendingReplies() {
    return Set.copyOf(pendingReplies);
  }

  /** Our distance as we advertise it: the successor's, or infinite. */
  public long distance() {
    TopologySource s = successor();
    return s == null ? CompositeMetric.INFINITE : s.distance();
  }

  boolean isEmpty() {
    return connected == null && reports.isEmpty() && state == DualState.PASSIVE;
  }

  @Override
  public String toString() {
    return (state == DualState.PASSIVE ? "P " : "A ") + prefix + ", " + successors.size() + " successors, FD is "
        + (feasibleDistance == CompositeMetric.INFINITE ? "Inaccessible" : feasibleDistance);
  }
}
