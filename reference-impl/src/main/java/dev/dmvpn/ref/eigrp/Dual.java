package dev.dmvpn.ref.eigrp;

import dev.dmvpn.ref.bytes.Ipv4Address;
import dev.dmvpn.ref.wire.ip.Ipv4Prefix;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The Diffusing Update Algorithm over the topology table (RFC 7868 section 3; Garcia-Luna-Aceves 1993).
 *
 * <p>Passive: on any input event the destination keeps or changes successors without telling anyone but by an
 * update when some source satisfies the feasibility condition (reported distance below the feasible distance):
 * the successors are the feasible sources of least distance, the feasible distance only goes down. When none
 * does, it goes active: queries go to every neighbour {@link DualContext#queryTargets} names (but the querier),
 * the route stays on its old successor if that one is still reachable, and when every neighbour has replied (or
 * gone down) the least distance wins whatever its reported distance, the feasible distance is reset to it, and
 * the queries that made us active are answered. Queries that arrive while active are answered at once with the
 * current distance. The multi-computation sub-states of the RFC are folded into this one active state.
 */
public final class Dual {
  /** Kinds of route TLV input. */
  public enum Input { UPDATE, QUERY, REPLY }

  private final TopologyTable table = new TopologyTable();
  /** Equal sources and metrics shared among destinations (a spoke hears 1,000 LANs from the hub alike). */
  private final Interner<TopologySource> sources = new Interner<>(INTERNED);
  private final Interner<VectorMetric> metrics = new Interner<>(INTERNED);
  private final DualContext context;
  private final KValues k;

  /** Distinct values each interner keeps before it starts over: a router's few interfaces and neighbours. */
  private static final int INTERNED = 256;

  public Dual(DualContext context, KValues k) {
    this.context = context;
    this.k = k;
  }

  /** The entry for {@code prefix}, or {@code null}. */
  public TopologyEntry entry(Ipv4Prefix prefix) {
    return table.get(prefix);
  }

  /** Every destination, in address order. */
  public List<TopologyEntry> entries() {
    return table.values();
  }

  /** A network of an EIGRP interface that is up: distance from the interface's own metric, RD 0. */
  public void connectedUp(Ipv4Prefix prefix, String interfaceName, VectorMetric metric) {
    TopologyEntry e = table.getOrCreate(prefix);
    e.setConnected(sources.intern(new TopologySource(null, interfaceName, null, null, 0, metrics.intern(metric),
        CompositeMetric.of(metric, k), 0)));
    event(e);
  }

  /** The interface of a connected network went down or left EIGRP. */
  public void connectedDown(Ipv4Prefix prefix) {
    TopologyEntry e = table.get(prefix);
    if (e != null && e.connected() != null) {
      e.setConnected(null);
      event(e);
    }
  }

  /**
   * A route TLV from {@code from} in an update, query or reply; {@code nextHop} is where the route leads (the
   * neighbour, or the third-party next hop it gave), {@code link} the metric of the interface it came in on.
   */
  public void received(Input kind, NeighborId from, RouteTlv tlv, Ipv4Address nextHop, VectorMetric link) {
    TopologyEntry e = table.getOrCreate(tlv.destination());
    VectorMetric total = metrics.intern(
        tlv.metric().isUnreachable() ? tlv.metric().unreachable() : tlv.metric().through(link));
    ExternalRouteTlv external = tlv instanceof ExternalRouteTlv x ? x : null;
    int tag = tlv instanceof InternalRouteTlv i ? i.tag() : 0;
    e.putReport(sources.intern(new TopologySource(from, from.interfaceName(), nextHop, external, tag, total,
        CompositeMetric.of(total, k), CompositeMetric.of(tlv.metric(), k))));
    switch (kind) {
      case UPDATE -> event(e);
      case QUERY -> query(e, from);
      case REPLY -> reply(e, from);
    }
  }

  /** A neighbour went down: its reports are gone and it owes no reply any more. */
  public void neighborDown(NeighborId n) {
    for (TopologyEntry e : entries()) {
      boolean reported = e.removeReport(n);
      if (e.active() != null) {
        e.active().queryOrigins.remove(n);
      }
      if (e.active() != null && e.active().pendingReplies.remove(n)) {
        finishIfAllReplied(e);
      } else if (reported) {
        event(e);
      }
    }
  }

  private void query(TopologyEntry e, NeighborId from) {
    if (e.active() != null) {
      context.sendReply(e, from);
      return;
    }
    localComputation(e, from);
    if (e.active() != null) {
      e.active().queryOrigins.add(from);
    } else {
      context.sendReply(e, from);
      dropIfEmpty(e);
    }
  }

  private void reply(TopologyEntry e, NeighborId from) {
    if (e.active() != null && e.active().pendingReplies.remove(from)) {
      finishIfAllReplied(e);
    } else {
      event(e);
    }
  }

  private void event(TopologyEntry e) {
    if (e.active() == null) {
      localComputation(e, null);
      dropIfEmpty(e);
    }
  }

  /** The passive-state decision: stay passive on a feasible successor, or start a diffusing computation. */
  private void localComputation(TopologyEntry e, NeighborId querier) {
    long before = e.distance();
    List<TopologySource> old = e.successors();
    List<TopologySource> feasible = new ArrayList<>();
    if (e.connected() != null) {
      feasible.add(e.connected());
    }
    feasible.addAll(e.feasibleSuccessors());
    List<TopologySource> best = least(feasible);
    if (!best.isEmpty()) {
      e.setSuccessors(best);
      e.setLastMetric(best.get(0).total());
      e.setFeasibleDistance(Math.min(e.feasibleDistance(), best.get(0).distance()));
    } else if (old.isEmpty() && least(e.sources()).isEmpty()) {
      e.setFeasibleDistance(CompositeMetric.INFINITE); // never reachable, nothing to compute
    } else {
      goActive(e, querier);
      return;
    }
    if (e.distance() != before || !sameWays(old, e.successors())) {
      context.changed(e);
    }
  }

  private void goActive(TopologyEntry e, NeighborId querier) {
    List<NeighborId> targets = new ArrayList<>(context.queryTargets(e));
    targets.remove(querier);
    e.setActive(new TopologyEntry.Computation());
    TopologySource current = e.successor() == null ? null : currentOf(e, e.successor());
    e.setSuccessors(current != null && current.reachable() ? List.of(current) : List.of());
    e.active().pendingReplies.addAll(targets);
    context.changed(e);
    for (NeighborId n : targets) {
      context.sendQuery(e, n);
    }
    finishIfAllReplied(e);
  }

  private void finishIfAllReplied(TopologyEntry e) {
    if (!e.active().pendingReplies.isEmpty()) {
      return;
    }
    TopologyEntry.Computation done = e.active();
    e.setActive(null);
    List<TopologySource> best = least(e.sources());
    e.setSuccessors(best);
    e.setFeasibleDistance(best.isEmpty() ? CompositeMetric.INFINITE : best.get(0).distance());
    if (!best.isEmpty()) {
      e.setLastMetric(best.get(0).total());
    }
    for (NeighborId n : List.copyOf(done.queryOrigins)) {
      context.sendReply(e, n);
    }
    context.changed(e);
    dropIfEmpty(e);
  }

  /** The sources of least (finite) distance, connected first. */
  private static List<TopologySource> least(List<TopologySource> sources) {
    long min = CompositeMetric.INFINITE;
    for (TopologySource s : sources) {
      min = Math.min(min, s.distance());
    }
    long m = min;
    if (m == CompositeMetric.INFINITE) {
      return List.of();
    }
    List<TopologySource> out = new ArrayList<>(1);
    for (TopologySource s : sources) {
      if (s.distance() == m) {
        out.add(s);
      }
    }
    return out;
  }

  /** The source as it stands now for the same neighbour (or connected) as {@code s}. */
  private static TopologySource currentOf(TopologyEntry e, TopologySource s) {
    return s.isConnected() ? e.connected() : e.report(s.neighbor());
  }

  private static boolean sameWays(List<TopologySource> a, List<TopologySource> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (!Objects.equals(a.get(i).neighbor(), b.get(i).neighbor())
          || !Objects.equals(a.get(i).nextHop(), b.get(i).nextHop())
          || !a.get(i).total().equals(b.get(i).total())) {
        return false;
      }
    }
    return true;
  }

  private void dropIfEmpty(TopologyEntry e) {
    if (e.isEmpty() || (e.active() == null && e.successor() == null && e.connected() == null
        && e.reports().stream().noneMatch(TopologySource::reachable))) {
      e.detach();
    }
  }
}
