package dev.dmvpn.drivers.parse;

import java.util.List;

/**
 * One process's table of {@code show ip eigrp topology}: {@code IP-EIGRP Topology Table for AS(90)/ID(192.168.1.3)}
 * (12.3) or {@code EIGRP-IPv4 Topology Table for AS(1)/ID(10.0.0.1)} (15.x).
 *
 * @param asNumber the autonomous system
 * @param routerId the router ID, or null when the heading has none ({@code for process 77})
 * @param entries the prefixes in printed order
 */
public record EigrpTopology(int asNumber, String routerId, List<EigrpTopologyEntry> entries) {
  public EigrpTopology {
    entries = List.copyOf(entries);
  }
}
