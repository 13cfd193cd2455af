package dev.dmvpn.ref.time;

import java.time.Instant;

/**
 * The time every timer in the reference peer reads (NHRP holdtimes, IKE retransmits, SA lifetimes, DPD): real on
 * real wires, scaled on the virtual rack, simulated in unit tests.
 */
public interface Clock {

  /** Monotonic nanoseconds; only differences are meaningful. */
  long nanoTime();

  /** Wall-clock time (for capture timestamps and logs). */
  Instant now();

  /** The JVM's clocks. */
  static Clock system() {
    return SystemClock.INSTANCE;
  }
}
