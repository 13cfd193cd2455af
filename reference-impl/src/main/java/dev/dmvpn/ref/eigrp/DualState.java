package dev.dmvpn.ref.eigrp;

/** The DUAL state of one destination (RFC 7868 section 3.5; the four active sub-states folded into one). */
public enum DualState {
  /** Not computing: the successor (if any) satisfies the feasibility condition. */
  PASSIVE,
  /** A diffusing computation is running: waiting for a reply from every neighbour queried. */
  ACTIVE
}
