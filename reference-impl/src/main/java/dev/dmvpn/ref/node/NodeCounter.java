package dev.dmvpn.ref.node;

/** The packet counters of a node ({@link NodeCounters}); drops are counted per reason separately. */
public enum NodeCounter {
  /** IPv4 packets received on any interface (tunnel included: a decapsulated packet counts again). */
  IP_IN,
  /** Packets for one of our addresses. */
  IP_DELIVERED,
  IP_FORWARDED,
  /** Packets this node originated (echoes, replies, ICMP errors, IKE, tunnel outer packets). */
  IP_ORIGINATED,
  FRAGMENTS_CREATED,
  ICMP_ECHO_REQUESTS_IN,
  ICMP_ECHO_REPLIES_OUT,
  ICMP_ERRORS_OUT,
  GRE_OUT,
  GRE_IN,
  NHRP_OUT,
  NHRP_IN,
  ESP_OUT,
  ESP_IN,
  IKE_OUT,
  IKE_IN,
  /** Copies of multicast packets sent over a tunnel (one per NBMA destination of the replication list). */
  MULTICAST_OUT,
  /** Multicast packets delivered locally (received over a tunnel or an interface, never forwarded). */
  MULTICAST_IN,
  /** Packets held while IKE brings SAs up ("need to wait for IPsec SAs"), later sent. */
  IPSEC_QUEUED,
  DROPPED
}
