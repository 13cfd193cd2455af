package dev.dmvpn.ref.eigrp;

import dev.dmvpn.ref.wire.ip.Ipv4Prefix;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one input event made the router want to say, gathered so that it leaves as few packets as possible:
 * queries and replies per neighbour, and the destinations whose advertisement changed.
 */
final class OutputBatch {
  final Map<EigrpNeighbor, List<RouteTlv>> queries = new LinkedHashMap<>();
  final Map<EigrpNeighbor, List<RouteTlv>> replies = new LinkedHashMap<>();
  final Set<Ipv4Prefix> changed = new LinkedHashSet<>();

  void query(EigrpNeighbor n, RouteTlv t) {
    queries.computeIfAbsent(n, x -> new ArrayList<>()).add(t);
  }

  void reply(EigrpNeighbor n, RouteTlv t) {
    replies.computeIfAbsent(n, x -> new ArrayList<>()).add(t);
  }

  boolean isEmpty() {
    return queries.isEmpty() && replies.isEmpty() && changed.isEmpty();
  }

  void clear() {
    queries.clear();
    replies.clear();
    changed.clear();
  }
}
