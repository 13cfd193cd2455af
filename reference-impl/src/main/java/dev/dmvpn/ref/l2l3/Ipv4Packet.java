package dev.dmvpn.ref.l2l3;

import dev.dmvpn.ref.bytes.ByteContent;
import dev.dmvpn.ref.bytes.ByteSlice;
import dev.dmvpn.ref.bytes.InternetChecksum;
import dev.dmvpn.ref.bytes.Ipv4Address;

/**
 * An IPv4 datagram. Fields are kept as received so a bad checksum or an odd flag can be reported; the encoder
 * recomputes IHL, Total Length and the header checksum. The payload is a {@link ByteSlice}: decoding leaves it in
 * the captured frame instead of copying it, and no accessor hands out the shared bytes; arrays given to a
 * constructor are stored as given and must not be mutated.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |Version|  IHL  |Type of Service|          Total Length         |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |         Identification        |Flags|      Fragment Offset    |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  Time to Live |    Protocol   |         Header Checksum       |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                       Source Address                          |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                    Destination Address                        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                    Options                    |    Padding    |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param version the version nibble (always 4 after a successful decode)
 * @param ihl header length in 32-bit words as received (5..15)
 * @param tos type of service / DSCP+ECN byte
 * @param totalLength Total Length as received
 * @param identification fragment identification
 * @param flags the 3 flag bits: 0x4 reserved ("evil"), 0x2 DF, 0x1 MF
 * @param fragmentOffset fragment offset in 8-byte units
 * @param ttl time to live
 * @param protocol the next protocol
 * @param headerChecksum header checksum as received
 * @param source source address
 * @param destination destination address
 * @param options the option bytes (IHL*4 - 20 of them, including option padding), empty when IHL is 5
 * @param payloadSlice the bytes after the header, up to Total Length (fewer when {@code truncated}); a view,
 *     see {@link #payload()} for a copy
 * @param truncated true when Total Length announced more bytes than were captured (snaplen)
 * @see <a href="https://www.rfc-editor.org/rfc/rfc791#section-3.1">RFC 791 section 3.1</a>
 */
public record Ipv4Packet(
    int version,
    int ihl,
    int tos,
    int totalLength,
    int identification,
    int flags,
    int fragmentOffset,
    int ttl,
    IpProtocol protocol,
    int headerChecksum,
    Ipv4Address source,
    Ipv4Address destination,
    byte[] options,
    ByteSlice payloadSlice,
    boolean truncated) {

  public static final int MIN_HEADER_LENGTH = 20;
  public static final int FLAG_RESERVED = 0x4;
  public static final int FLAG_DF = 0x2;
  public static final int FLAG_MF = 0x1;
  static final byte[] NO_OPTIONS = new byte[0];

  /** A datagram over {@code payload}, stored without copying: the caller must not change it afterwards. */
  public Ipv4Packet(int version, int ihl, int tos, int totalLength, int identification, int flags,
      int fragmentOffset, int ttl, IpProtocol protocol, int headerChecksum, Ipv4Address source,
      Ipv4Address destination, byte[] options, byte[] payload, boolean truncated) {
    this(version, ihl, tos, totalLength, identification, flags, fragmentOffset, ttl, protocol, headerChecksum,
        source, destination, options, ByteSlice.wrap(payload), truncated);
  }

  /**
   * The payload as a fresh array (a copy: changing it changes nothing here). Decoders read the shared bytes
   * through {@link #payloadSlice()} without copying.
   */
  public byte[] payload() {
    return payloadSlice.toArray();
  }

  /**
   * A new unfragmented datagram without options; length and checksum are filled in by the encoder.
   */
  public static Ipv4Packet of(
      IpProtocol protocol, Ipv4Address src, Ipv4Address dst, int tos, int ttl, int identification,
      boolean dontFragment, byte[] payload) {
    return new Ipv4Packet(4, 5, tos, MIN_HEADER_LENGTH + payload.length, identification,
        dontFragment ? FLAG_DF : 0, 0, ttl, protocol, 0, src, dst, NO_OPTIONS, payload, false);
  }

  /** Header length in bytes as announced by IHL. */
  public int headerLength() {
    return ihl * 4;
  }

  public boolean dontFragment() {
    return (flags & FLAG_DF) != 0;
  }

  public boolean moreFragments() {
    return (flags & FLAG_MF) != 0;
  }

  /** The reserved flag bit (RFC 3514's "evil bit"); must be zero, seen set in malformed captures. */
  public boolean reservedFlag() {
    return (flags & FLAG_RESERVED) != 0;
  }

  /** True for any fragment (MF set or a non-zero offset): the payload is then not a whole transport unit. */
  public boolean isFragment() {
    return moreFragments() || fragmentOffset != 0;
  }

  public int dscp() {
    return tos >>> 2;
  }

  public int ecn() {
    return tos & 0x3;
  }

  /** True when the received header checksum verifies over the received header fields (RFC 1071). */
  public boolean checksumValid() {
    long acc = ((version << 12) | (ihl << 8) | tos) + totalLength + identification
        + ((flags << 13) | fragmentOffset) + ((ttl << 8) | protocol.value()) + headerChecksum;
    acc = addAddress(addAddress(acc, source), destination);
    acc = InternetChecksum.sum(options, 0, options.length, acc);
    return InternetChecksum.fold(acc) == 0xFFFF;
  }

  static long addAddress(long acc, Ipv4Address a) {
    return acc + (a.bits() >>> 16) + (a.bits() & 0xFFFF);
  }

  @Override
  public String toString() {
    return "Ipv4Packet[" + source + " > " + destination + " " + protocol + " len " + totalLength + " id "
        + identification + " ttl " + ttl + (dontFragment() ? " DF" : "") + (moreFragments() ? " MF" : "")
        + (fragmentOffset != 0 ? " off " + fragmentOffset * 8 : "") + (truncated ? " truncated" : "") + "]";
  }

  /** Equality by content: byte arrays compare by their bytes ({@link ByteContent}). */
  @Override
  public boolean equals(Object o) {
    return o instanceof Ipv4Packet x && ByteContent.equal(contentParts(), x.contentParts());
  }

  @Override
  public int hashCode() {
    return ByteContent.hash(contentParts());
  }

  private Object[] contentParts() {
    return new Object[] {version, ihl, tos, totalLength, identification, flags, fragmentOffset, ttl, protocol,
        headerChecksum, source, destination, options, payloadSlice, truncated};
  }
}
