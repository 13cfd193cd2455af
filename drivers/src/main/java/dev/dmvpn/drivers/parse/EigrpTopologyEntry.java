package dev.dmvpn.drivers.parse;

import java.util.List;

/**
 * A prefix of the EIGRP topology table: {@code P 2.2.2.0/24, 1 successors, FD is 297246976}.
 *
 * @param state the code: {@code P} passive, {@code A} active, {@code U} update, {@code Q} query, {@code R} reply,
 *     with {@code r}/{@code s} status letters kept as printed
 * @param prefix {@code 2.2.2.0/24}
 * @param successors how many successors
 * @param feasibleDistance the FD, or null when IOS prints {@code Inaccessible}
 * @param paths the {@code via} lines under it, successors first as IOS lists them
 */
public record EigrpTopologyEntry(String state, String prefix, int successors, Long feasibleDistance,
    List<EigrpPath> paths) {
  public EigrpTopologyEntry {
    paths = List.copyOf(paths);
  }
}
