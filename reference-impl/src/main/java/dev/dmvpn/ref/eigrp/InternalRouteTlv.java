package dev.dmvpn.ref.eigrp;

import dev.dmvpn.ref.bytes.Ipv4Address;
import dev.dmvpn.ref.wire.ip.Ipv4Prefix;

/**
 * IPv4 Internal Route TLV (0x0102): a destination learned inside the AS. 25 bytes plus the destination's
 * significant bytes (a /24 is 28 bytes, as frr84-eigrpd-adjacency.pcap frame 7 shows).
 *
 * <pre>
 * |        Type 0x0102            |            Length             |
 * |                     Next Hop (0 = the sender)                 |
 * |                  Vector metric (16 bytes, {@link VectorMetric}) ...
 * ...  Reliability  |     Load      |  Internal Tag |     Flags     |
 * | Prefix Length |  Destination (ceil(length / 8) bytes, at least 1)
 * </pre>
 *
 * @param nextHop 0.0.0.0 when the receiver is to use the sender's address; otherwise a third-party next hop
 *     on the shared subnet ({@code no ip next-hop-self eigrp})
 * @param tag the internal route tag
 * @param flags bit 0x01 source withdraw, 0x02 candidate default, 0x04 active
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7868#section-6.9.3">RFC 7868 section 6.9.3</a>
 */
public record InternalRouteTlv(Ipv4Address nextHop, VectorMetric metric, int tag, int flags, Ipv4Prefix destination)
    implements RouteTlv {
  /** Everything but the destination bytes. */
  public static final int FIXED_LENGTH = 25;

  public InternalRouteTlv {
    if (tag < 0 || tag > 0xFF || flags < 0 || flags > 0xFF) {
      throw new IllegalArgumentException("tag and flags are one byte: " + tag + ", " + flags);
    }
  }

  public static InternalRouteTlv of(Ipv4Address nextHop, VectorMetric metric, Ipv4Prefix destination) {
    return new InternalRouteTlv(nextHop, metric, 0, 0, destination);
  }

  @Override
  public InternalRouteTlv withRoute(Ipv4Address newNextHop, VectorMetric newMetric) {
    return new InternalRouteTlv(newNextHop, newMetric, tag, flags, destination);
  }

  public int length() {
    return FIXED_LENGTH + RouteTlv.destinationBytes(destination.length());
  }

  @Override
  public EigrpTlvType type() {
    return EigrpTlvType.IPV4_INTERNAL;
  }
}
