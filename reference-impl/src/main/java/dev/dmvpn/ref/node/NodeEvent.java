package dev.dmvpn.ref.node;

import java.time.Instant;

/**
 * One thing a node did, for the demo's running commentary, expected-sequence checks and (later) IOS debug output.
 *
 * @param at wall-clock time from the node's clock
 * @param nanos the clock's monotonic time (simulated time in tests)
 * @param node the node's name (e.g. {@code sv9-4})
 * @param kind what happened
 * @param text a human sentence without the node name, e.g. {@code NHRP registration to 192.168.1.1 answered}
 */
public record NodeEvent(Instant at, long nanos, String node, NodeEventKind kind, String text) {

  /** {@code sv9-4: NHRP registration to 192.168.1.1 answered}. */
  public String line() {
    return node + ": " + text;
  }

  @Override
  public String toString() {
    return at + " " + line();
  }
}
