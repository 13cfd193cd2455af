package dev.dmvpn.ref.eigrp;

/**
 * The classic (32-bit) EIGRP vector metric as carried in route TLVs, in wire units: delay in 1/256 of ten
 * microseconds (FastEthernet's 100 us is 10 tens of us, 2560 on the wire), bandwidth as 256 x 10^7 / kbit/s
 * (100 Mbit/s is 25600), minimum MTU, hop count, reliability (255 = 100 %), load (1 = idle).
 *
 * <pre>
 * |                        Scaled Delay                           |
 * |                      Scaled Bandwidth                         |
 * |                     MTU (3 bytes)                 | Hop Count |
 * | Reliability   |     Load      |  (tag, flags: in the route TLV)
 * </pre>
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7868#section-6.9.2">RFC 7868 section 6.9.2</a>
 */
public record VectorMetric(long delay, long bandwidth, int mtu, int hopCount, int reliability, int load) {
  /** Delay 0xFFFFFFFF marks a destination unreachable (RFC 7868 section 5.6.2.2). */
  public static final long INFINITE_DELAY = 0xFFFF_FFFFL;
  /** IOS's maximum hop count ({@code metric maximum-hops} default). */
  public static final int MAX_HOPS = 100;

  public VectorMetric {
    if (delay < 0 || delay > 0xFFFF_FFFFL || bandwidth < 0 || bandwidth > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException("delay and bandwidth are 32 bits: " + delay + ", " + bandwidth);
    }
    if (mtu < 0 || mtu > 0xFF_FFFF || hopCount < 0 || hopCount > 0xFF || reliability < 0 || reliability > 0xFF
        || load < 0 || load > 0xFF) {
      throw new IllegalArgumentException("mtu is 24 bits, hop count, reliability and load 8: " + this);
    }
  }

  /**
   * The metric of a directly connected network on an interface of {@code bandwidthKbps} and
   * {@code delayTensOfMicroseconds}: 256 x floor(10^7 / bandwidth) and 256 x delay, as IOS 12.3 scales them.
   */
  public static VectorMetric connected(long bandwidthKbps, long delayTensOfMicroseconds, int mtu) {
    return new VectorMetric(scaledDelay(delayTensOfMicroseconds), scaledBandwidth(bandwidthKbps), mtu, 0, 255, 1);
  }

  /** 256 x floor(10^7 / kbit/s), capped at 32 bits. */
  public static long scaledBandwidth(long kbps) {
    if (kbps <= 0) {
      throw new IllegalArgumentException("bandwidth must be positive: " + kbps);
    }
    return Math.min(0xFFFF_FFFFL, (10_000_000L / kbps) * 256);
  }

  /** 256 x tens of microseconds, capped below the infinite value. */
  public static long scaledDelay(long tensOfMicroseconds) {
    return Math.min(INFINITE_DELAY - 1, tensOfMicroseconds * 256);
  }

  /** This metric marked unreachable (the delay infinite, the rest kept as IOS does in its poison updates). */
  public VectorMetric unreachable() {
    return new VectorMetric(INFINITE_DELAY, bandwidth, mtu, hopCount, reliability, load);
  }

  public boolean isUnreachable() {
    return delay == INFINITE_DELAY || hopCount >= MAX_HOPS;
  }

  /**
   * The metric a route has once received over an interface: delays add (saturating at infinite), the lowest
   * bandwidth (the highest scaled value) and MTU and reliability are kept, the highest load, one hop more.
   */
  public VectorMetric through(VectorMetric link) {
    long d = delay == INFINITE_DELAY || link.delay == INFINITE_DELAY ? INFINITE_DELAY
        : Math.min(INFINITE_DELAY, delay + link.delay);
    return new VectorMetric(d, Math.max(bandwidth, link.bandwidth), Math.min(mtu, link.mtu),
        Math.min(0xFF, hopCount + 1), Math.min(reliability, link.reliability), Math.max(load, link.load));
  }
}
