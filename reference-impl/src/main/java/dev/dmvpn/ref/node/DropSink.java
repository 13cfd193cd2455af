package dev.dmvpn.ref.node;

/**
 * Where a node part reports a packet it discards: the node counts it under {@code reason} and logs {@code detail}
 * ({@link DmvpnNode#drop}). Parts take this instead of the whole node so each can be tested alone.
 */
@FunctionalInterface
interface DropSink {
  /** Counts a drop under {@code reason} (a counter key such as "ip: reassembly timeout") and logs {@code detail}. */
  void drop(String reason, String detail);
}
