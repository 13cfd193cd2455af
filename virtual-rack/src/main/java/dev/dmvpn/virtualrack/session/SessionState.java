package dev.dmvpn.virtualrack.session;

/** What a session waits for. */
enum SessionState {
  /** The initial configuration dialog's yes/no answer (console of a router without startup-config). */
  SETUP,
  /** Return on an idle console ("Press RETURN to get started"). */
  PRESS_RETURN,
  /** A user name ({@code login local}). */
  USERNAME,
  /** The line password, or the local user's password; not echoed. */
  PASSWORD,
  /** The enable password or secret; not echoed. */
  ENABLE_PASSWORD,
  /** A command line at the prompt. */
  COMMAND,
  /** A key while {@code --More--} shows. */
  MORE,
  /** The answer to a dialog question ({@code [confirm]}, {@code Destination filename [startup-config]?}). */
  QUESTION,
  /** A command that finishes later (ping, node-fed show): typed characters wait until it is done. */
  BUSY,
  /** Nothing: the session ended. */
  CLOSED
}
