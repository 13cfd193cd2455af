package dev.dmvpn.ref.eigrp;

/**
 * Parameters TLV (0x0001, length 12): the K-values and the hold time, in every hello.
 *
 * <pre>
 * |  Type 0x0001  |  Length 12  | K1 | K2 | K3 | K4 | K5 | K6 (reserved) |  Hold Time (s)  |
 * </pre>
 *
 * @param kValues K1..K5
 * @param k6 the reserved sixth byte (0 from classic IOS and FRR)
 * @param holdTimeSeconds how long the receiver keeps the sender as a neighbour without hearing a hello
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7868#section-6.7.1">RFC 7868 section 6.7.1</a>
 */
public record ParameterTlv(KValues kValues, int k6, int holdTimeSeconds) implements EigrpTlv {
  public static final int LENGTH = 12;

  public ParameterTlv {
    if (k6 < 0 || k6 > 0xFF || holdTimeSeconds < 0 || holdTimeSeconds > 0xFFFF) {
      throw new IllegalArgumentException("K6 is one byte and the hold time two: " + k6 + ", " + holdTimeSeconds);
    }
  }

  /**
   * The "goodbye" parameters: every K-value 255. IOS sends it when the process or an interface shuts down; the
   * receiver drops the sender at once (RFC 7868 section 5.3.1).
   */
  public boolean isGoodbye() {
    return kValues.equals(KValues.GOODBYE);
  }

  @Override
  public EigrpTlvType type() {
    return EigrpTlvType.PARAMETERS;
  }
}
