package dev.dmvpn.harness.correlate;

import dev.dmvpn.drivers.parse.DebugEvent;
import java.util.Optional;

/**
 * One debug line of one device and what the correlation made of it.
 *
 * @param rule the rule that matched, empty for a line no rule describes (context: {@code netid_in = 1, to_us = 0})
 * @param frame the frame it pairs with, empty when unpaired or not a wire event
 * @param captureNanos the line's time on the capture clock (its stamp + the device's offset), empty when the
 *     device has no offset
 * @param residualNanos frame time minus {@code captureNanos}, 0 when unpaired
 */
public record PairedLine(String device, DebugEvent event, Optional<String> rule, Optional<WireFrame> frame,
    Optional<Long> captureNanos, long residualNanos) {

  public boolean paired() {
    return frame.isPresent();
  }

  /** A line some rule says stands for a frame, yet none was found for it. */
  public boolean unpaired() {
    return rule.isPresent() && frame.isEmpty();
  }

  /** The line as IOS printed it (stamp, facility, context, message). */
  public String text() {
    DebugEvent e = event;
    String tag = e.facility() == null ? "" : e.facility() + (e.context() == null ? ": " : " (" + e.context() + "): ");
    return e.timestamp().printed() + ": " + tag + e.message();
  }
}
