package dev.dmvpn.topology.generate;

import java.util.List;

/**
 * A generated IOS configuration. {@link #text} holds the secrets (for the device only); {@link #maskedText} and
 * {@link #toString} never do, so logging a config cannot leak the pre-shared key or the NHRP password.
 *
 * @param device the testbed's device name
 * @param role hub or spoke
 */
public record RouterConfig(String device, Role role, List<ConfigLine> lines) {

  /** The member's DMVPN role. */
  public enum Role {
    HUB,
    SPOKE
  }

  public RouterConfig {
    lines = List.copyOf(lines);
  }

  /** The configuration to send to the router, one command per line, ending in a newline. */
  public String text() {
    StringBuilder b = new StringBuilder();
    lines.forEach(l -> b.append(l.render()).append('\n'));
    return b.toString();
  }

  /** The same with every secret replaced by {@code *****}: the form for logs, transcripts and reports. */
  public String maskedText() {
    StringBuilder b = new StringBuilder();
    lines.forEach(l -> b.append(l.masked()).append('\n'));
    return b.toString();
  }

  @Override
  public String toString() {
    return "RouterConfig[" + device + " " + role + ", " + lines.size() + " lines]";
  }
}
