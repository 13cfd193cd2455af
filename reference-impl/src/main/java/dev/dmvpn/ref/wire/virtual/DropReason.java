package dev.dmvpn.ref.wire.virtual;

/** Why a {@link VirtualSegment} did not deliver a frame (or a copy of it to one port). */
public enum DropReason {
  /** Lost by fault injection before it reached the wire. */
  LOSS,
  /** Shorter than an Ethernet header: nothing to switch on. */
  RUNT,
  /** The receiving port was detached while the frame was in flight. */
  PORT_DETACHED,
  /** The receiving port had no receiver installed. */
  NO_RECEIVER,
  /** A learning switch does not send a unicast frame back out of the port its destination lives on. */
  FILTERED_SAME_PORT
}
