package dev.dmvpn.ref.eigrp;

import java.util.List;

/**
 * An EIGRP packet (IP protocol 88): the 20-byte header and its TLVs.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |Header Version |    Opcode     |           Checksum            |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                             Flags                             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                       Sequence Number                         |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                    Acknowledgment Number                      |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |    Virtual Router ID          |    Autonomous System Number   |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                           TLVs ...
 * </pre>
 *
 * @param version 2 for every IOS and FRR packet
 * @param checksum as received (the encoder recomputes it over the whole packet)
 * @param flags {@link #FLAG_INIT}, {@link #FLAG_CR}, {@link #FLAG_RS}, {@link #FLAG_EOT}
 * @param sequence the sender's sequence number of a reliable packet, 0 for unreliable ones
 * @param ack the last sequence number received from the destination (an ACK is a hello with this set)
 * @param virtualRouterId 0 (unicast IPv4 address family)
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7868#section-6.4">RFC 7868 section 6.4</a>
 */
public record EigrpPacket(int version, EigrpOpcode opcode, int checksum, long flags, long sequence, long ack,
    int virtualRouterId, int asNumber, List<EigrpTlv> tlvs) {
  public static final int HEADER_LENGTH = 20;
  public static final int VERSION = 2;
  /** Initialization: the first update of an adjacency (RFC 7868 section 5.3.2). */
  public static final long FLAG_INIT = 0x1;
  /** Conditional receive: only neighbours not listed in the last sequence TLV accept it. */
  public static final long FLAG_CR = 0x2;
  /** Restart (graceful restart). */
  public static final long FLAG_RS = 0x4;
  /** End of table: the last update of a startup exchange. */
  public static final long FLAG_EOT = 0x8;

  public EigrpPacket {
    tlvs = List.copyOf(tlvs);
    if (version < 0 || version > 0xFF || checksum < 0 || checksum > 0xFFFF || virtualRouterId < 0
        || virtualRouterId > 0xFFFF || asNumber < 0 || asNumber > 0xFFFF) {
      throw new IllegalArgumentException("EIGRP header field out of range");
    }
    for (long v : new long[] {flags, sequence, ack}) {
      if (v < 0 || v > 0xFFFF_FFFFL) {
        throw new IllegalArgumentException("flags, sequence and ack are 32 bits: " + v);
      }
    }
  }

  /** A version 2 packet of the unicast IPv4 family (checksum filled in by the encoder). */
  public static EigrpPacket of(EigrpOpcode opcode, long flags, long sequence, long ack, int asNumber,
      List<EigrpTlv> tlvs) {
    return new EigrpPacket(VERSION, opcode, 0, flags, sequence, ack, 0, asNumber, tlvs);
  }

  public boolean hasFlag(long flag) {
    return (flags & flag) != 0;
  }

  /** A hello with a non-zero acknowledgment number and no TLVs: an acknowledgment. */
  public boolean isAck() {
    return opcode.equals(EigrpOpcode.HELLO) && ack != 0 && tlvs.isEmpty();
  }

  /** The TLVs of class {@code type}, in order. */
  public <T extends EigrpTlv> List<T> tlvs(Class<T> type) {
    return tlvs.stream().filter(type::isInstance).map(type::cast).toList();
  }

  /** The route TLVs (internal and external), in order. */
  public List<RouteTlv> routes() {
    return tlvs.stream().filter(RouteTlv.class::isInstance).map(RouteTlv.class::cast).toList();
  }
}
