package dev.dmvpn.ref.ike;

import java.time.Duration;
import java.util.Objects;

/**
 * NAT traversal options of an {@link IkeConfig}.
 *
 * @param forceUdpEncapsulation float to UDP 4500 and encapsulate ESP even without a NAT: our own NAT-D hash is
 *     replaced by a bogus one, so the peer believes we are behind a NAT and floats too (strongSwan's
 *     {@code encap = yes} does the same; its kernel-libipsec backend needs it). We then count as "behind NAT"
 *     and send the keepalives.
 * @param keepaliveInterval NAT-keepalive period of the side behind a NAT (IOS {@code crypto isakmp nat
 *     keepalive 20}); zero disables keepalives
 */
public record NatTraversalSettings(boolean forceUdpEncapsulation, Duration keepaliveInterval) {
  /** The NAT-keepalive period IOS and strongSwan default to. */
  public static final Duration DEFAULT_KEEPALIVE = Duration.ofSeconds(20);

  public NatTraversalSettings {
    Objects.requireNonNull(keepaliveInterval, "keepaliveInterval");
    if (keepaliveInterval.isNegative()) {
      throw new IllegalArgumentException("keepalive interval must be >= 0");
    }
  }

  /** NAT-T only when NAT-D finds a NAT; keepalives every 20 s from the side behind it. */
  public static NatTraversalSettings defaults() {
    return new NatTraversalSettings(false, DEFAULT_KEEPALIVE);
  }
}
