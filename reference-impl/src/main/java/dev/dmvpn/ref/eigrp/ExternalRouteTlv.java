package dev.dmvpn.ref.eigrp;

import dev.dmvpn.ref.bytes.Ipv4Address;
import dev.dmvpn.ref.wire.ip.Ipv4Prefix;

/**
 * IPv4 External Route TLV (0x0103): a destination redistributed into the AS (administrative distance 170).
 * 45 bytes plus the destination's significant bytes (48 for a /24).
 *
 * <pre>
 * |        Type 0x0103            |            Length             |
 * |                           Next Hop                            |
 * |                 Originating Router ID                         |
 * |                 Originating Autonomous System                 |
 * |                      Arbitrary Tag                            |
 * |                External Protocol Metric                       |
 * |          Reserved             | Ext. Proto ID |     Flags     |
 * |                  Vector metric (16 bytes) ...   |  Reserved (2) |
 * | Prefix Length |  Destination
 * </pre>
 *
 * @param reserved the two bytes after the vector metric (internal tag and flags in the classic IOS layout)
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7868#section-6.9.4">RFC 7868 section 6.9.4</a>
 */
public record ExternalRouteTlv(Ipv4Address nextHop, Ipv4Address originatingRouter, long originatingAs,
    long arbitraryTag, long externalMetric, int externalProtocol, int flags, VectorMetric metric, int reserved,
    Ipv4Prefix destination) implements RouteTlv {
  public static final int FIXED_LENGTH = 45;

  public ExternalRouteTlv {
    for (long v : new long[] {originatingAs, arbitraryTag, externalMetric}) {
      if (v < 0 || v > 0xFFFF_FFFFL) {
        throw new IllegalArgumentException("32-bit field out of range: " + v);
      }
    }
    if (externalProtocol < 0 || externalProtocol > 0xFF || flags < 0 || flags > 0xFF || reserved < 0
        || reserved > 0xFFFF) {
      throw new IllegalArgumentException("protocol and flags are one byte, reserved two");
    }
  }

  @Override
  public ExternalRouteTlv withRoute(Ipv4Address newNextHop, VectorMetric newMetric) {
    return new ExternalRouteTlv(newNextHop, originatingRouter, originatingAs, arbitraryTag, externalMetric,
        externalProtocol, flags, newMetric, reserved, destination);
  }

  public int length() {
    return FIXED_LENGTH + RouteTlv.destinationBytes(destination.length());
  }

  @Override
  public EigrpTlvType type() {
    return EigrpTlvType.IPV4_EXTERNAL;
  }
}
