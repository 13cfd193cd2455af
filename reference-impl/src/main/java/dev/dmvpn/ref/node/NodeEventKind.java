package dev.dmvpn.ref.node;

/** What a {@link NodeEvent} records; {@link #label()} is the lower-case name used in logs. */
public enum NodeEventKind {
  /** An NHRP engine event (registration, resolution, cache, forwarding); the text names which. */
  NHRP,
  /** Main Mode finished with a peer. */
  IKE_PHASE1_UP,
  IKE_PHASE1_FAILED,
  /**
   * A Main Mode message failed its sanity check and was dropped unanswered, or repeated one that did (IOS:
   * %CRYPTO-4-IKMP_BAD_MESSAGE; a wrong pre-shared key at the responder).
   */
  IKE_BAD_MESSAGE,
  /** Quick Mode finished: an IPsec SA pair is installed. */
  IPSEC_SA_UP,
  IPSEC_PHASE2_FAILED,
  /** An IPsec SA pair expired or was deleted. */
  IPSEC_SA_DOWN,
  IKE_SA_DOWN,
  /** Tunnel protection started IKE because a packet needed an SA ("need to wait for IPsec SAs"). */
  IPSEC_CONNECT,
  /** An idle spoke-to-spoke tunnel was torn down: its last NHRP entry expired, its SAs are deleted. */
  IDLE_TEARDOWN,
  /** A multicast packet was replicated over a tunnel to the NBMA addresses of its replication list. */
  MULTICAST_SENT,
  /** An EIGRP process event: neighbour up/down (IOS's %DUAL-5-NBRCHANGE text) or a packet it refused. */
  EIGRP,
  /** A packet was dropped; the text says why (the same reason is counted in {@link NodeCounters}). */
  DROP,
  PING_SENT,
  PING_REPLY,
  PING_TIMEOUT,
  /** An exception escaped a task: a bug, logged instead of vanishing. */
  INTERNAL_ERROR;

  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
