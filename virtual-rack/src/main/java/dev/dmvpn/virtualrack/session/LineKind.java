package dev.dmvpn.virtualrack.session;

/** The kind of line a session runs on; it decides login, setup dialog and what exec-timeout does. */
public enum LineKind {
  /** {@code line con 0}: reached through the terminal server; survives disconnects. */
  CONSOLE,
  /** {@code line vty N}: one per telnet connection. */
  VTY,
  /** No line: configuration applied at boot (startup-config); prints nothing. */
  BOOT
}
