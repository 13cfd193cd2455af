package dev.dmvpn.ref.nhrp;

import dev.dmvpn.ref.bytes.ByteContent;

/**
 * The 20-byte NHRP fixed header.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |            ar$afn             |          ar$pro.type          |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                          ar$pro.snap                          |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  ar$pro.snap  |   ar$hopcnt   |            ar$pktsz           |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |           ar$chksum           |            ar$extoff          |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * | ar$op.version |   ar$op.type  |    ar$shtl    |    ar$sstl    |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * <p>{@code shtl}/{@code sstl} are kept raw (bit 0x40 = E.164 type, low 6 bits = length of the source NBMA
 * address / sub-address). On encode, {@code packetSize}, {@code checksum} and {@code extensionOffset} are
 * recomputed, and the low 6 bits of shtl/sstl are taken from the body's address arrays.
 *
 * @param afn address family of the NBMA addresses (1 = IPv4)
 * @param protocolType protocol type of the protocol addresses (0x0800 = IPv4)
 * @param protocolSnap 5-byte SNAP extension of the protocol type (zeros unless protocolType is 0x0080); must
 *     not be mutated
 * @param hopCount remaining hops (IOS originates with 255)
 * @param packetSize total NHRP length in bytes, as decoded
 * @param checksum the checksum field as decoded
 * @param extensionOffset offset of the first extension from the start of the packet, 0 = none, as decoded
 * @param version 1 for RFC 2332
 * @param type the packet type
 * @param shtl source NBMA address type and length
 * @param sstl source NBMA sub-address type and length
 * @see <a href="https://www.rfc-editor.org/rfc/rfc2332#section-5.1">RFC 2332 section 5.1</a>
 */
public record NhrpFixedHeader(
    int afn,
    int protocolType,
    byte[] protocolSnap,
    int hopCount,
    int packetSize,
    int checksum,
    int extensionOffset,
    int version,
    NhrpPacketType type,
    int shtl,
    int sstl) {

  public static final int LENGTH = 20;
  public static final int AFN_IPV4 = 1;
  public static final int PROTOCOL_IPV4 = 0x0800;
  public static final int VERSION_1 = 1;
  /** Hop count IOS puts in every packet it originates [seen in a real capture]. */
  public static final int IOS_HOP_COUNT = 255;
  /** Flag in shtl/sstl and CIE type/length bytes: E.164 instead of NSAP format. */
  public static final int TL_TYPE_E164 = 0x40;
  /** The length bits of a type/length byte. */
  public static final int TL_LENGTH_MASK = 0x3F;

  /** An IOS-style IPv4-over-IPv4 header: afn 1, proto 0x0800, hop count 255, version 1, 4-byte NBMA. */
  public static NhrpFixedHeader ios(NhrpPacketType type) {
    return new NhrpFixedHeader(
        AFN_IPV4, PROTOCOL_IPV4, new byte[5], IOS_HOP_COUNT, 0, 0, 0, VERSION_1, type, 4, 0);
  }

  /** A copy with another hop count (forwarding NHS decrements it). */
  public NhrpFixedHeader withHopCount(int hops) {
    return new NhrpFixedHeader(
        afn, protocolType, protocolSnap, hops, packetSize, checksum, extensionOffset, version, type, shtl,
        sstl);
  }

  /** Length of the source NBMA address, from the low 6 bits of shtl. */
  public int srcNbmaLength() {
    return shtl & TL_LENGTH_MASK;
  }

  /** Length of the source NBMA sub-address, from the low 6 bits of sstl. */
  public int srcNbmaSubLength() {
    return sstl & TL_LENGTH_MASK;
  }

  /** Equality by content: byte arrays compare by their bytes ({@link ByteContent}). */
  @Override
  public boolean equals(Object o) {
    return o instanceof NhrpFixedHeader x && ByteContent.equal(contentParts(), x.contentParts());
  }

  @Override
  public int hashCode() {
    return ByteContent.hash(contentParts());
  }

  private Object[] contentParts() {
    return new Object[] {afn, protocolType, protocolSnap, hopCount, packetSize, checksum, extensionOffset, version,
        type, shtl, sstl};
  }
}
