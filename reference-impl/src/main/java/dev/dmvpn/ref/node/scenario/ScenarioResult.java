package dev.dmvpn.ref.node.scenario;

import dev.dmvpn.ref.node.DmvpnNode;
import dev.dmvpn.ref.node.NodeEvent;
import dev.dmvpn.ref.wire.virtual.SegmentCounters;
import java.nio.file.Path;
import java.util.List;

/**
 * What a {@link DocumentScenario} run produced.
 *
 * @param success the spokes registered, the spoke-to-spoke path came up (resolved entries and IPsec SAs both
 *     ways between 209.168.202.130 and .131) and an echo was answered over it, with no reply delivered twice
 * @param summary one line per check, for the demo's exit message
 * @param events every node's events merged in time order
 * @param pingMarks IOS-style marks of every echo sent ("!" answered, "." timed out), rounds joined
 * @param pingsSent echo requests sent
 * @param pingsAnswered echo replies received in time
 * @param duplicateReplies echo replies received for an already answered request (must be 0)
 * @param hubCapture pcap of the hub's segment (209.168.202.224/27)
 * @param spokeCapture pcap of the spokes' segment (209.168.202.128/27)
 * @param keyDir Wireshark configuration directory ({@code esp_sa}, {@code ikev1_decryption_table},
 *     {@code preferences}) for every SA of the run: {@code WIRESHARK_CONFIG_DIR=keyDir tshark -r capture}
 * @param scenarioNanos scenario time the run took
 * @param hubSegment the hub segment's counters (sent, lost, delivered)
 * @param spokeSegment the spokes' segment's counters
 * @param routers the three routers, for counters and state (live objects: read them on the scheduler thread, or
 *     after the run)
 */
public record ScenarioResult(boolean success, List<String> summary, List<NodeEvent> events, String pingMarks,
    int pingsSent, int pingsAnswered, int duplicateReplies, Path hubCapture, Path spokeCapture, Path keyDir,
    long scenarioNanos, SegmentCounters hubSegment, SegmentCounters spokeSegment, DocumentRouters routers) {

  /** The events as lines ("sv9-4: NHRP registration to 192.168.1.1 answered"). */
  public List<String> eventLines() {
    return events.stream().map(NodeEvent::line).toList();
  }

  public List<DmvpnNode> nodes() {
    return List.of(routers.hub(), routers.sv93(), routers.sv94());
  }
}
