package dev.dmvpn.ref.eigrp;

import dev.dmvpn.ref.bytes.Ipv4Address;
import dev.dmvpn.ref.wire.ip.Ipv4Prefix;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One destination of the topology table: every source (neighbours' reports and a connected interface), the
 * feasible distance, the successors, the DUAL state and, while active, who still owes a reply and whose
 * queries we answer at the end. Mutated only by {@link Dual}.
 *
 * <p>Compact because a spoke holds one per LAN of the whole cloud (1,000 with the hub's split horizon off, see
 * BENCHMARKS.md): the prefix as an int and a length, a lone report or successor held directly (an array or list
 * only when there are several), the active computation's sets allocated only while active, the install time as
 * a long. The sources themselves are interned by {@link Dual} (equal reports share one record).
 */
public final class TopologyEntry {
  /** {@link #installedAtNanos} of a destination not in the routing table. */
  static final long NOT_INSTALLED = Long.MIN_VALUE;

  private final int network;
  private final byte length;
  /** Neighbours' reports in the order they first reported: null, one {@link TopologySource}, or an array. */
  private Object reports;
  /** The successors: null (none), one {@link TopologySource}, or a list of several. */
  private Object ways;
  /** The feasible distance: a composite metric, 32 bits unsigned ({@link CompositeMetric#INFINITE} at most). */
  private int feasibleDistance = (int) CompositeMetric.INFINITE;
  /** The successor's metric when there last was one: what a query or withdrawal carries with infinite delay. */
  VectorMetric lastMetric;
  /** The connected source and the active computation: few destinations have either, so one holder, or null. */
  private Rare rare;
  /** When the route went into the routing table (scheduler nanos), or {@link #NOT_INSTALLED}. */
  long installedAtNanos = NOT_INSTALLED;

  /** What only some entries have. */
  private static final class Rare {
    TopologySource connected;
    Computation active;
  }

  /** The state of a diffusing computation; exists only while the destination is active. */
  static final class Computation {
    final Set<NeighborId> pendingReplies = new LinkedHashSet<>();
    final Set<NeighborId> queryOrigins = new LinkedHashSet<>();
  }

  TopologyEntry(Ipv4Prefix prefix) {
    this.network = prefix.network().bits();
    this.length = (byte) prefix.length();
  }

  public Ipv4Prefix prefix() {
    return new Ipv4Prefix(new Ipv4Address(network), length);
  }

  /** The table's order: network address as a signed int, then length (as the TreeMap it replaced). */
  int compareTo(int otherNetwork, int otherLength) {
    int c = Integer.compare(network, otherNetwork);
    return c != 0 ? c : Integer.compare(length, otherLength);
  }

  public long feasibleDistance() {
    return Integer.toUnsignedLong(feasibleDistance);
  }

  void setFeasibleDistance(long distance) {
    if (distance < 0 || distance > CompositeMetric.INFINITE) {
      throw new IllegalArgumentException("a composite metric is 32 bits: " + distance);
    }
    feasibleDistance = (int) distance;
  }

  public DualState state() {
    return active() == null ? DualState.PASSIVE : DualState.ACTIVE;
  }

  /** The directly connected source, or null. */
  TopologySource connected() {
    return rare == null ? null : rare.connected;
  }

  void setConnected(TopologySource s) {
    rare().connected = s;
    trimRare();
  }

  /** The diffusing computation while active, null while passive. */
  Computation active() {
    return rare == null ? null : rare.active;
  }

  void setActive(Computation c) {
    rare().active = c;
    trimRare();
  }

  private Rare rare() {
    if (rare == null) {
      rare = new Rare();
    }
    return rare;
  }

  private void trimRare() {
    if (rare.connected == null && rare.active == null) {
      rare = null;
    }
  }

  @SuppressWarnings("unchecked")
  public List<TopologySource> successors() {
    if (ways == null) {
      return List.of();
    }
    return ways instanceof TopologySource s ? List.of(s) : (List<TopologySource>) ways;
  }

  void setSuccessors(List<TopologySource> list) {
    ways = list.isEmpty() ? null : list.size() == 1 ? list.get(0) : List.copyOf(list);
  }

  /** The best successor, or {@code null} when the destination is unreachable. */
  @SuppressWarnings("unchecked")
  public TopologySource successor() {
    if (ways == null) {
      return null;
    }
    return ways instanceof TopologySource s ? s : ((List<TopologySource>) ways).get(0);
  }

  /** Every source: connected first, then neighbours in the order they reported. */
  public List<TopologySource> sources() {
    List<TopologySource> out = new ArrayList<>();
    TopologySource connected = connected();
    if (connected != null) {
      out.add(connected);
    }
    out.addAll(reports());
    return out;
  }

  /** The neighbours' reports in the order they first reported. */
  List<TopologySource> reports() {
    if (reports == null) {
      return List.of();
    }
    return reports instanceof TopologySource s ? List.of(s) : Arrays.asList((TopologySource[]) reports);
  }

  boolean hasReports() {
    return reports != null;
  }

  /** {@code n}'s report, or null. */
  TopologySource report(NeighborId n) {
    if (reports instanceof TopologySource s) {
      return s.neighbor().equals(n) ? s : null;
    }
    if (reports instanceof TopologySource[] all) {
      for (TopologySource s : all) {
        if (s.neighbor().equals(n)) {
          return s;
        }
      }
    }
    return null;
  }

  /** Replaces the report of {@code s.neighbor()} in its place, or adds it last. */
  void putReport(TopologySource s) {
    if (reports == null) {
      reports = s;
    } else if (reports instanceof TopologySource one) {
      reports = one.neighbor().equals(s.neighbor()) ? s : new TopologySource[] {one, s};
    } else {
      TopologySource[] all = (TopologySource[]) reports;
      for (int i = 0; i < all.length; i++) {
        if (all[i].neighbor().equals(s.neighbor())) {
          all[i] = s;
          return;
        }
      }
      TopologySource[] grown = Arrays.copyOf(all, all.length + 1);
      grown[all.length] = s;
      reports = grown;
    }
  }

  /** Removes {@code n}'s report; true when there was one. */
  boolean removeReport(NeighborId n) {
    if (reports instanceof TopologySource one) {
      if (one.neighbor().equals(n)) {
        reports = null;
        return true;
      }
      return false;
    }
    if (reports instanceof TopologySource[] all) {
      for (int i = 0; i < all.length; i++) {
        if (all[i].neighbor().equals(n)) {
          TopologySource[] left = new TopologySource[all.length - 1];
          System.arraycopy(all, 0, left, 0, i);
          System.arraycopy(all, i + 1, left, i, all.length - i - 1);
          reports = left.length == 1 ? left[0] : left;
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Feasible successors: reachable neighbours whose reported distance is below the feasible distance (the
   * feasibility condition), successors included.
   */
  public List<TopologySource> feasibleSuccessors() {
    return reports().stream().filter(s -> s.reachable() && s.reportedDistance() < feasibleDistance()).toList();
  }

  public Set<NeighborId> pendingReplies() {
    Computation active = active();
    return active == null ? Set.of() : Set.copyOf(active.pendingReplies);
  }

  /** Our distance as we advertise it: the successor's, or infinite. */
  public long distance() {
    TopologySource s = successor();
    return s == null ? CompositeMetric.INFINITE : s.distance();
  }

  boolean isEmpty() {
    return rare == null && reports == null;
  }

  @Override
  public String toString() {
    return (active() == null ? "P " : "A ") + prefix() + ", " + successors().size() + " successors, FD is "
        + (feasibleDistance() == CompositeMetric.INFINITE ? "Inaccessible" : feasibleDistance());
  }
}
