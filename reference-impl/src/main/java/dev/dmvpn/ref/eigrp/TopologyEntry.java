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
 * queries we answer at the end. Mutated only by {@link Dual} (and the install time by {@link EigrpRouter}).
 *
 * <p>A view on a row of a {@link TopologyTable} (the table keeps columns of primitives because a spoke holds one
 * row per LAN of the whole cloud: 1,000 with the hub's split horizon off, see BENCHMARKS.md). The view names its
 * row by the key (network and length) and remembers the row's index while the table's shape is unchanged. A row
 * that is gone reads as a new entry (inaccessible, no sources); writing to it makes the row again. An entry made
 * on its own ({@link #TopologyEntry(Ipv4Prefix)}) is the only row of a table of its own, and so is one DUAL
 * dropped ({@link #detach}).
 */
public final class TopologyEntry {
  /** {@link #installedAtNanos} of a destination not in the routing table. */
  static final long NOT_INSTALLED = Long.MIN_VALUE;

  private TopologyTable table;
  private final int network;
  private final byte length;
  private int row = -1;
  private int version = -1;

  /**
   * A row's sources, successors and the rest spelt out: what a row holds unless it is fresh (null) or its lone
   * report is also its lone successor and the source of the last metric (that {@link TopologySource} itself).
   */
  static final class Spill {
    /** Neighbours' reports in the order they first reported: null, one {@link TopologySource}, or an array. */
    Object reports;
    /** The successors: null (none), one {@link TopologySource}, or a list of several. */
    Object ways;
    /** The successor's metric when there last was one: what a query or withdrawal carries with infinite delay. */
    VectorMetric lastMetric;
    TopologySource connected;
    Computation active;
  }

  /** The state of a diffusing computation; exists only while the destination is active. */
  static final class Computation {
    final Set<NeighborId> pendingReplies = new LinkedHashSet<>();
    final Set<NeighborId> queryOrigins = new LinkedHashSet<>();
  }

  /** An entry on its own (a table of one row). */
  TopologyEntry(Ipv4Prefix prefix) {
    this(new TopologyTable(), prefix.network().bits(), prefix.length());
    table.insert(network, length);
  }

  TopologyEntry(TopologyTable table, int network, int length) {
    this.table = table;
    this.network = network;
    this.length = (byte) length;
  }

  boolean is(int otherNetwork, int otherLength) {
    return network == otherNetwork && length == otherLength;
  }

  /** The row's index now, or negative when the row is gone. */
  int row() {
    if (version != table.version()) {
      row = table.find(network, length);
      version = table.version();
    }
    return row;
  }

  /**
   * Takes this entry's row out of its table, keeping what the row held in a table of its own: DUAL still reads a
   * dropped entry (a reply to the query that emptied it carries its last metric), as it read the object it was.
   */
  void detach() {
    int r = row();
    if (r < 0) {
      return;
    }
    TopologyTable own = new TopologyTable();
    int o = own.insert(network, length);
    own.setDistance(o, table.distance(r));
    own.setInstalled(o, table.installed(r));
    own.setRest(o, table.rest(r));
    TopologyTable from = table;
    table = own;
    version = -1;
    from.remove(prefix());
  }

  /** The row's index, the row made again if it was gone. */
  private int writableRow() {
    int r = row();
    if (r < 0) {
      r = table.insert(network, length);
      row = r;
      version = table.version();
    }
    return r;
  }

  private Object rest() {
    int r = row();
    return r < 0 ? null : table.rest(r);
  }

  /** The spelt-out form to change; give it back with {@link #store}. */
  private Spill edit() {
    Object o = rest();
    if (o instanceof Spill s) {
      return s;
    }
    Spill s = new Spill();
    if (o instanceof TopologySource lone) {
      s.reports = lone;
      s.ways = lone;
      s.lastMetric = lone.total();
    }
    return s;
  }

  /** Stores {@code s} in its shortest form. */
  private void store(Spill s) {
    Object o = s;
    if (s.reports == null && s.ways == null && s.lastMetric == null && s.connected == null && s.active == null) {
      o = null;
    } else if (s.reports instanceof TopologySource lone && lone.equals(s.ways) && s.lastMetric != null
        && s.lastMetric.equals(lone.total()) && s.connected == null && s.active == null) {
      o = lone;
    }
    table.setRest(writableRow(), o);
  }

  private Object reportsHeld() {
    Object o = rest();
    return o instanceof Spill s ? s.reports : o;
  }

  private Object waysHeld() {
    Object o = rest();
    return o instanceof Spill s ? s.ways : o;
  }

  public Ipv4Prefix prefix() {
    return new Ipv4Prefix(new Ipv4Address(network), length);
  }

  public long feasibleDistance() {
    int r = row();
    return r < 0 ? CompositeMetric.INFINITE : Integer.toUnsignedLong(table.distance(r));
  }

  void setFeasibleDistance(long distance) {
    if (distance < 0 || distance > CompositeMetric.INFINITE) {
      throw new IllegalArgumentException("a composite metric is 32 bits: " + distance);
    }
    table.setDistance(writableRow(), (int) distance);
  }

  /** When the route went into the routing table (scheduler nanos), or {@link #NOT_INSTALLED}. */
  long installedAtNanos() {
    int r = row();
    return r < 0 ? NOT_INSTALLED : table.installed(r);
  }

  void setInstalledAtNanos(long nanos) {
    table.setInstalled(writableRow(), nanos);
  }

  /** The successor's metric when there last was one: what a query or withdrawal carries with infinite delay. */
  VectorMetric lastMetric() {
    Object o = rest();
    return o instanceof Spill s ? s.lastMetric : o instanceof TopologySource lone ? lone.total() : null;
  }

  void setLastMetric(VectorMetric m) {
    Spill s = edit();
    s.lastMetric = m;
    store(s);
  }

  public DualState state() {
    return active() == null ? DualState.PASSIVE : DualState.ACTIVE;
  }

  /** The directly connected source, or null. */
  TopologySource connected() {
    return rest() instanceof Spill s ? s.connected : null;
  }

  void setConnected(TopologySource c) {
    Spill s = edit();
    s.connected = c;
    store(s);
  }

  /** The diffusing computation while active, null while passive. */
  Computation active() {
    return rest() instanceof Spill s ? s.active : null;
  }

  void setActive(Computation c) {
    Spill s = edit();
    s.active = c;
    store(s);
  }

  @SuppressWarnings("unchecked")
  public List<TopologySource> successors() {
    Object ways = waysHeld();
    if (ways == null) {
      return List.of();
    }
    return ways instanceof TopologySource s ? List.of(s) : (List<TopologySource>) ways;
  }

  void setSuccessors(List<TopologySource> list) {
    Spill s = edit();
    s.ways = list.isEmpty() ? null : list.size() == 1 ? list.get(0) : List.copyOf(list);
    store(s);
  }

  /** The best successor, or {@code null} when the destination is unreachable. */
  @SuppressWarnings("unchecked")
  public TopologySource successor() {
    Object ways = waysHeld();
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
    Object reports = reportsHeld();
    if (reports == null) {
      return List.of();
    }
    return reports instanceof TopologySource s ? List.of(s) : Arrays.asList((TopologySource[]) reports);
  }

  boolean hasReports() {
    return reportsHeld() != null;
  }

  /** {@code n}'s report, or null. */
  TopologySource report(NeighborId n) {
    Object reports = reportsHeld();
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
    Spill held = edit();
    Object reports = held.reports;
    if (reports == null) {
      held.reports = s;
    } else if (reports instanceof TopologySource one) {
      held.reports = one.neighbor().equals(s.neighbor()) ? s : new TopologySource[] {one, s};
    } else {
      TopologySource[] all = (TopologySource[]) reports;
      for (int i = 0; i < all.length; i++) {
        if (all[i].neighbor().equals(s.neighbor())) {
          all[i] = s;
          store(held);
          return;
        }
      }
      TopologySource[] grown = Arrays.copyOf(all, all.length + 1);
      grown[all.length] = s;
      held.reports = grown;
    }
    store(held);
  }

  /** Removes {@code n}'s report; true when there was one. */
  boolean removeReport(NeighborId n) {
    Object reports = reportsHeld();
    if (reports instanceof TopologySource one) {
      if (one.neighbor().equals(n)) {
        Spill held = edit();
        held.reports = null;
        store(held);
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
          Spill held = edit();
          held.reports = left.length == 1 ? left[0] : left;
          store(held);
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
    return connected() == null && active() == null && reportsHeld() == null;
  }

  @Override
  public String toString() {
    return (active() == null ? "P " : "A ") + prefix() + ", " + successors().size() + " successors, FD is "
        + (feasibleDistance() == CompositeMetric.INFINITE ? "Inaccessible" : feasibleDistance());
  }
}
