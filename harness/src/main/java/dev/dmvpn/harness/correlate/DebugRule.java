package dev.dmvpn.harness.correlate;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which debug lines describe a frame, and which frame. A line matches when its facility is {@link #facility} and
 * its message matches {@link #message} in full; the message's named groups, and those of {@link #previous} (matched
 * against the nearest earlier line of the same facility and device, optional: when it does not match its groups
 * stay unset), fill the {@code ${group}} placeholders of {@link #frame}. The group {@code peer} is the other
 * end's address ({@code ip.dst} of a sent frame, {@code ip.src} of a received one).
 *
 * @param name unique name, e.g. {@code nhrp-send}
 * @param frame field name (as {@code dmvpn-harness decode} prints it, plus {@code nhrp.size}) to expected value;
 *     {@code a|b} allows either; compared without case, blanks and hyphens alike ({@code Resolution Request} equals
 *     {@code resolution-request}); a condition whose placeholder is unset is not tested
 * @param anchor whether a line of this rule that has exactly one candidate frame (and that frame no other
 *     line) may fix the clock offset: true only where the line names the packet closely (type and size)
 */
public record DebugRule(String name, String facility, Pattern message, Optional<Pattern> previous,
    Direction direction, Map<String, String> frame, boolean anchor) {
  public DebugRule {
    frame = Map.copyOf(frame);
  }
}
