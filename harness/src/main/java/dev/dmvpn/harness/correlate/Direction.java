package dev.dmvpn.harness.correlate;

/** Whether a debug line tells of a packet the router sent or one it received. */
public enum Direction {
  /** The frame's {@code ip.src} is one of the router's addresses; a {@code peer} group names {@code ip.dst}. */
  SENT,
  /** The frame's {@code ip.dst} is one of the router's addresses; a {@code peer} group names {@code ip.src}. */
  RECEIVED
}
