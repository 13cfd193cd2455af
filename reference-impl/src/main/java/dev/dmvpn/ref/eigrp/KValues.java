package dev.dmvpn.ref.eigrp;

/**
 * The metric weights K1..K5 of {@code metric weights 0 k1 k2 k3 k4 k5}. Two routers only become neighbours when
 * theirs are equal (IOS: "K-value mismatch").
 */
public record KValues(int k1, int k2, int k3, int k4, int k5) {
  /** IOS 12.3 default: {@code metric weights 0 1 0 1 0 0} (bandwidth and delay only). */
  public static final KValues DEFAULT = new KValues(1, 0, 1, 0, 0);
  /** All 255: the goodbye message (RFC 7868 section 5.3.1). */
  public static final KValues GOODBYE = new KValues(255, 255, 255, 255, 255);

  public KValues {
    for (int k : new int[] {k1, k2, k3, k4, k5}) {
      if (k < 0 || k > 255) {
        throw new IllegalArgumentException("K-values are one byte each: " + k);
      }
    }
  }

  @Override
  public String toString() {
    return "K1=" + k1 + " K2=" + k2 + " K3=" + k3 + " K4=" + k4 + " K5=" + k5;
  }
}
