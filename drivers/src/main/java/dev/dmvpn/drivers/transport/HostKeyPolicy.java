package dev.dmvpn.drivers.transport;

/**
 * How an SSH host key is checked against the known-hosts file. There is no default: the caller chooses, so
 * turning checks off is always an explicit decision.
 */
public enum HostKeyPolicy {
  /** The key must already be in the known-hosts file. */
  STRICT,
  /** An unknown host's key is added to the file; a changed key is refused (OpenSSH's accept-new). */
  ACCEPT_NEW,
  /** Any key is accepted (lab routers whose keys change on every erase). */
  OFF
}
