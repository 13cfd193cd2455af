package dev.dmvpn.drivers.parse;

import java.util.List;
import java.util.Map;

/**
 * One {@code Interface:} block of {@code show crypto session [detail]}.
 *
 * @param iface the interface ({@code Tunnel0}, {@code Virtual-Access2})
 * @param status the {@code Session status} ({@code UP-ACTIVE}, {@code UP-NO-IKE}, {@code DOWN}, ...)
 * @param peer the peer address
 * @param peerPort its port
 * @param ikeSas the {@code IKE SA:} lines
 * @param flows the {@code IPSEC FLOW:} lines
 * @param fields the other {@code Key: value} lines of the block ({@code Username}, {@code Profile},
 *     {@code Assigned address}, {@code Desc}, {@code Phase1_id}), in printed order
 */
public record CryptoSession(String iface, String status, String peer, Integer peerPort, List<IkeSession> ikeSas,
    List<IpsecFlowSummary> flows, Map<String, String> fields) {

  public CryptoSession {
    ikeSas = List.copyOf(ikeSas);
    flows = List.copyOf(flows);
    fields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
  }

  /** An {@code IKE SA: local A/500 remote B/500 Active} line. */
  public record IkeSession(String local, int localPort, String remote, int remotePort, String state) {}

  /**
   * An {@code IPSEC FLOW:} line and the lines under it.
   *
   * @param acl the flow as printed ({@code permit 47 host 10.1.1.4 host 10.1.1.3})
   * @param activeSas the {@code Active SAs} count
   * @param origin the {@code origin} ({@code crypto map})
   * @param decrypted {@code #pkts dec'ed} of the detail form, or null
   * @param encrypted {@code #pkts enc'ed} of the detail form, or null
   */
  public record IpsecFlowSummary(String acl, int activeSas, String origin, Long decrypted, Long encrypted) {}
}
