package dev.dmvpn.ref.wire.ip;

import java.time.Duration;

/**
 * ARP timing and limits.
 *
 * @param cacheLifetime how long a learned entry stays usable (IOS {@code arp timeout}, default 4 hours)
 * @param retryInterval time between requests for an unresolved address
 * @param maxRequests requests sent before giving up (queued packets are then dropped)
 * @param maxPendingPerAddress packets kept per unresolved address; further ones are dropped
 */
public record ArpSettings(
    Duration cacheLifetime, Duration retryInterval, int maxRequests, int maxPendingPerAddress) {

  public ArpSettings {
    if (maxRequests < 1 || maxPendingPerAddress < 1) {
      throw new IllegalArgumentException("need at least one request and one pending packet");
    }
    if (cacheLifetime.isNegative() || cacheLifetime.isZero() || retryInterval.isNegative()
        || retryInterval.isZero()) {
      throw new IllegalArgumentException("ARP lifetime and retry interval must be positive");
    }
  }

  /** 4 h lifetime, a request every second, 5 requests, 16 pending packets per address. */
  public static ArpSettings defaults() {
    return new ArpSettings(Duration.ofHours(4), Duration.ofSeconds(1), 5, 16);
  }
}
