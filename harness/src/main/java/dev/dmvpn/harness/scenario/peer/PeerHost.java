package dev.dmvpn.harness.scenario.peer;

import dev.dmvpn.ref.node.DmvpnNode;
import dev.dmvpn.ref.time.Clock;
import java.io.IOException;
import java.util.function.Function;

/**
 * Where the reference peer's node runs and how its thread is reached: in-process on a virtual rack's WAN segment
 * ({@link VirtualPeerHost}) or on a NIC of the harness host ({@link NicPeerHost}, the {@code peer} command's
 * {@code PeerRun}). The node's state may only be touched on its scheduler's thread.
 */
interface PeerHost extends AutoCloseable {
  /** Runs {@code reader} on the node's thread and returns its value (at most 10 s). */
  <T> T read(Function<DmvpnNode, T> reader) throws IOException;

  /** The node's clock (scaled like the rack's routers on a virtual rack). */
  Clock clock();

  /** Monotonic time the node was built (the age of its static NHRP entries). */
  long builtAtNanos();

  /** {@code "on the virtual segment wan-spokes"}, {@code "on NIC eth1"}. */
  String describe();

  /** Stops the node (EIGRP goodbye, registration off) and takes it off the wire. Idempotent. */
  @Override
  void close() throws IOException;
}
