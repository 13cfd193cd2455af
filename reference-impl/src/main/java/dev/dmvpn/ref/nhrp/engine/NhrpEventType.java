package dev.dmvpn.ref.nhrp.engine;

/** What an {@link NhrpEvent} records; {@link #label()} is the lower-case name used in logs. */
public enum NhrpEventType {
  REGISTRATION_SENT,
  REGISTRATION_ANSWERED,
  /** A registration reply with a non-zero CIE code, or an attempt left unanswered. */
  REGISTRATION_FAILED,
  /** NHS side: a registration request was accepted (detail "code N" when rejected). */
  REGISTRATION_RECEIVED,
  RESOLUTION_SENT,
  /** A resolution reply for one of our requests arrived. */
  RESOLUTION_ANSWERED,
  /** Our resolution for a destination gave up or was answered negatively. */
  RESOLUTION_FAILED,
  /** We answered a resolution request (authoritatively). */
  RESOLUTION_REPLIED,
  /** Our answer waits for the connection gate ("need to wait for IPsec SAs"). */
  RESOLUTION_DELAYED,
  /** A delayed request is answered now ("Process delayed resolution request"). */
  RESOLUTION_DELAY_OVER,
  REQUEST_FORWARDED,
  REPLY_FORWARDED,
  PURGE_RECEIVED,
  CACHE_ADDED,
  /** A pending binding became current (the gate said the NBMA peer is ready). */
  CACHE_UPDATED,
  CACHE_EXPIRED,
  CACHE_PURGED,
  AUTH_FAILURE,
  ERROR_INDICATION_SENT,
  ERROR_INDICATION_RECEIVED,
  /** A packet dropped for another reason (detail says why). */
  PACKET_DROPPED;

  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
