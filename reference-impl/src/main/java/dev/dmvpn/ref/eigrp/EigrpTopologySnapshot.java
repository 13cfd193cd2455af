package dev.dmvpn.ref.eigrp;

import dev.dmvpn.ref.bytes.Ipv4Address;
import dev.dmvpn.ref.wire.ip.Ipv4Prefix;
import java.util.List;

/**
 * One destination of {@code show ip eigrp topology}, read-only: {@code P 2.2.2.0/24, 1 successors, FD is
 * 297246976} followed by {@code via 192.168.1.2 (297246976/28160), Tunnel0} per path.
 *
 * @param active A (true) or P
 * @param feasibleDistance FD ({@link CompositeMetric#INFINITE} prints "Inaccessible")
 * @param successorCount how many paths are successors
 * @param paths the successors first, then the other sources
 */
public record EigrpTopologySnapshot(Ipv4Prefix prefix, boolean active, long feasibleDistance, int successorCount,
    List<Path> paths) {

  public EigrpTopologySnapshot {
    paths = List.copyOf(paths);
  }

  /**
   * One {@code via} line.
   *
   * @param via the neighbour, {@code null} for "Connected"
   * @param distance our distance through it (the first number)
   * @param reportedDistance what the neighbour reported (the second number; 0 for connected)
   * @param successor whether it is a successor
   * @param external learned as an external route
   */
  public record Path(Ipv4Address via, String interfaceName, long distance, long reportedDistance, boolean successor,
      boolean external) {}
}
