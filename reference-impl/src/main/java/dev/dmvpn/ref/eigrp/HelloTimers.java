package dev.dmvpn.ref.eigrp;

import java.time.Duration;

/**
 * Hello interval and hold time of one interface. The IOS 12.3 defaults (Cisco IOS IP Configuration Guide 12.2,
 * "Configuring EIGRP", IPC-267, and the {@code ip hello-interval eigrp} / {@code ip hold-time eigrp} command
 * references): 5 s hello and 15 s hold everywhere, except on low-speed NBMA media, bandwidth T1 (1544 kbit/s) or
 * less, where they are 60 s and 180 s. An mGRE tunnel is NBMA (it replicates multicast itself, one unicast copy
 * per NHRP multicast map) and its default bandwidth is 9 kbit/s, so the document's Tunnel0 gets 60/180; a
 * LAN or a point-to-point link gets 5/15.
 */
public record HelloTimers(Duration hello, Duration hold) {
  /** T1: the highest bandwidth that is still "low speed" for the NBMA rule. */
  public static final long T1_KBPS = 1544;
  public static final HelloTimers FAST = new HelloTimers(Duration.ofSeconds(5), Duration.ofSeconds(15));
  public static final HelloTimers SLOW_NBMA = new HelloTimers(Duration.ofSeconds(60), Duration.ofSeconds(180));

  public HelloTimers {
    if (hello.isNegative() || hello.isZero() || hold.isNegative() || hold.isZero()
        || hold.toSeconds() > 0xFFFF) {
      throw new IllegalArgumentException("hello and hold must be positive, hold at most 65535 s: " + this);
    }
  }

  /** The IOS default for an interface that is NBMA (or not) with {@code bandwidthKbps}. */
  public static HelloTimers defaultsFor(boolean nbma, long bandwidthKbps) {
    return nbma && bandwidthKbps <= T1_KBPS ? SLOW_NBMA : FAST;
  }
}
