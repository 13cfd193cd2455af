package dev.dmvpn.ref.ipsec;

/** Which way an SA carries traffic, seen from the local peer. */
public enum EspDirection {
  /** Packets we {@link EspProcessor#open open}: has a replay window. */
  INBOUND,
  /** Packets we {@link EspProcessor#protect protect}: has a sequence counter. */
  OUTBOUND
}
