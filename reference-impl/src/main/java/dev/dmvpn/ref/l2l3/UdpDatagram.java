package dev.dmvpn.ref.l2l3;

import dev.dmvpn.ref.bytes.ByteContent;
import dev.dmvpn.ref.bytes.ByteSlice;
import dev.dmvpn.ref.bytes.InternetChecksum;
import dev.dmvpn.ref.bytes.Ipv4Address;

/**
 * A UDP datagram (RFC 768). The payload is a {@link ByteSlice}: decoding leaves it in the captured frame
 * instead of copying it, and no accessor hands out the shared bytes; an array given to a constructor is stored as
 * given and must not be mutated.
 *
 * <pre>
 *  0      7 8     15 16    23 24    31
 * +--------+--------+--------+--------+
 * |     Source      |   Destination   |
 * |      Port       |      Port       |
 * +--------+--------+--------+--------+
 * |                 |                 |
 * |     Length      |    Checksum     |
 * +--------+--------+--------+--------+
 * |          data octets ...
 * +---------------- ...
 * </pre>
 *
 * <p>The checksum covers a pseudo-header (source address, destination address, zero, protocol 17, UDP length)
 * plus header and data; 0 means the sender computed none, and a computed 0 is sent as 0xFFFF.
 *
 * @param sourcePort source port
 * @param destinationPort destination port
 * @param length the Length field as received (header + data); the encoder recomputes it
 * @param checksum the checksum as received; 0 = none
 * @param payloadSlice the data octets (fewer than Length - 8 when {@link #truncated()}); a view, see
 *     {@link #payload()} for a copy
 * @see <a href="https://www.rfc-editor.org/rfc/rfc768">RFC 768</a>
 */
public record UdpDatagram(int sourcePort, int destinationPort, int length, int checksum, ByteSlice payloadSlice) {

  public static final int HEADER_LENGTH = 8;

  /** A datagram over {@code payload}, stored without copying: the caller must not change it afterwards. */
  public UdpDatagram(int sourcePort, int destinationPort, int length, int checksum, byte[] payload) {
    this(sourcePort, destinationPort, length, checksum, ByteSlice.wrap(payload));
  }

  /**
   * The payload as a fresh array (a copy: changing it changes nothing here). Decoders read the shared bytes
   * through {@link #payloadSlice()} without copying.
   */
  public byte[] payload() {
    return payloadSlice.toArray();
  }

  /** A new datagram; length and checksum are computed by the encoder. */
  public static UdpDatagram of(int sourcePort, int destinationPort, byte[] payload) {
    return new UdpDatagram(sourcePort, destinationPort, HEADER_LENGTH + payload.length, 0, payload);
  }

  /** True when the sender filled in a checksum (non-zero field). */
  public boolean hasChecksum() {
    return checksum != 0;
  }

  /**
   * True when Length announced more data than the enclosing IP payload held (a snapped capture, or a bogus
   * Length): the checksum cannot be verified then.
   */
  public boolean truncated() {
    return length > HEADER_LENGTH + payloadSlice.length();
  }

  /**
   * The receiver's check (RFC 768): false only when a checksum is present and does not verify. A datagram
   * without checksum has nothing to contradict it and yields true; ask {@link #hasChecksum()} to tell apart.
   */
  public boolean checksumValid(Ipv4Address src, Ipv4Address dst) {
    if (!hasChecksum()) {
      return true;
    }
    long acc = pseudoHeaderSum(src, dst, length) + sourcePort + destinationPort + length + checksum;
    acc = payloadSlice.checksumSum(acc);
    return InternetChecksum.fold(acc) == 0xFFFF;
  }

  /** Partial sum of the RFC 768 pseudo-header: addresses, zero + protocol 17, UDP length. */
  public static long pseudoHeaderSum(Ipv4Address src, Ipv4Address dst, int udpLength) {
    return Ipv4Packet.addAddress(Ipv4Packet.addAddress(0, src), dst) + IpProtocol.UDP.value() + udpLength;
  }

  @Override
  public String toString() {
    return "UdpDatagram[" + sourcePort + " > " + destinationPort + " len " + length + ", " + payloadSlice.length()
        + " payload bytes]";
  }

  /** Equality by content: byte arrays compare by their bytes ({@link ByteContent}). */
  @Override
  public boolean equals(Object o) {
    return o instanceof UdpDatagram x && ByteContent.equal(contentParts(), x.contentParts());
  }

  @Override
  public int hashCode() {
    return ByteContent.hash(contentParts());
  }

  private Object[] contentParts() {
    return new Object[] {sourcePort, destinationPort, length, checksum, payloadSlice};
  }
}
