package dev.dmvpn.ref.eigrp;

/**
 * The classic 32-bit composite metric from a {@link VectorMetric} and the K-values, as IOS 12.3 computes it
 * (RFC 7868 section 5.6.1, with bandwidth and delay already scaled by 256 on the wire):
 *
 * <pre>
 * metric = (K1 x BW + (K2 x BW) / (256 - LOAD) + K3 x DELAY) x (K5 / (RELIABILITY + K4))   [last factor only if K5 != 0]
 * </pre>
 *
 * With the default K1 = K3 = 1 this is 256 x (10^7 / min bandwidth in kbit/s + sum of delays in tens of us).
 * An unreachable vector ({@link VectorMetric#isUnreachable()}) is {@link #INFINITE}.
 */
public final class CompositeMetric {
  /** The unreachable distance. */
  public static final long INFINITE = 0xFFFF_FFFFL;

  private CompositeMetric() {}

  public static long of(VectorMetric m, KValues k) {
    if (m.isUnreachable()) {
      return INFINITE;
    }
    long bw = m.bandwidth();
    long metric = k.k1() * bw + (k.k2() * bw) / (256 - Math.min(255, m.load())) + k.k3() * m.delay();
    if (k.k5() != 0) {
      metric = metric * k.k5() / (m.reliability() + k.k4());
    }
    return Math.min(INFINITE, metric);
  }
}
