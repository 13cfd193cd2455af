package dev.dmvpn.ref.eigrp;

import java.util.List;

/** What {@link Dual} needs from the router: whom to query, and where its decisions go. */
public interface DualContext {

  /** The neighbours a query for {@code entry} goes to (every neighbour that is up, split horizon applied). */
  List<NeighborId> queryTargets(TopologyEntry entry);

  /** Sends a query for {@code entry} (carrying its current distance) to {@code to}. */
  void sendQuery(TopologyEntry entry, NeighborId to);

  /** Sends a reply for {@code entry} (carrying its current distance) to {@code to}. */
  void sendReply(TopologyEntry entry, NeighborId to);

  /** The successor set or our distance changed: advertise the entry and update the routing table. */
  void changed(TopologyEntry entry);
}
