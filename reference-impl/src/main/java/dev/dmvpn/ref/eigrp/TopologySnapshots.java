package dev.dmvpn.ref.eigrp;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Builds {@link EigrpTopologySnapshot}s: successors first, then the other sources by distance. */
final class TopologySnapshots {
  private TopologySnapshots() {}

  static List<EigrpTopologySnapshot> of(List<TopologyEntry> entries) {
    List<EigrpTopologySnapshot> out = new ArrayList<>();
    for (TopologyEntry e : entries) {
      List<EigrpTopologySnapshot.Path> paths = new ArrayList<>();
      for (TopologySource s : e.successors()) {
        paths.add(path(s, true));
      }
      e.sources().stream().filter(s -> !e.successors().contains(s) && s.reachable())
          .sorted(Comparator.comparingLong(TopologySource::distance)).forEach(s -> paths.add(path(s, false)));
      out.add(new EigrpTopologySnapshot(e.prefix(), e.state() == DualState.ACTIVE, e.feasibleDistance(),
          e.successors().size(), paths));
    }
    return out;
  }

  private static EigrpTopologySnapshot.Path path(TopologySource s, boolean successor) {
    return new EigrpTopologySnapshot.Path(s.isConnected() ? null : s.nextHop(), s.interfaceName(), s.distance(),
        s.reportedDistance(), successor, s.isExternal());
  }
}
