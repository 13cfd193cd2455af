package dev.dmvpn.ref.l2l3;

import dev.dmvpn.ref.bytes.ByteContent;
import dev.dmvpn.ref.bytes.InternetChecksum;

/**
 * An ICMP message (RFC 792). The 4 bytes after the checksum depend on the type (echo: identifier and sequence
 * number; unreachable: unused/next-hop MTU; redirect: gateway) and are kept whole. The data array is stored as
 * given and must not be mutated.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |     Type      |     Code      |          Checksum             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |    Rest of header (echo: Identifier | Sequence Number)        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |     Data ...
 * +-+-+-+-+-
 * </pre>
 *
 * @param type message type
 * @param code message code
 * @param checksum checksum as received (the encoder recomputes it)
 * @param restOfHeader the 32-bit type-specific word
 * @param data the bytes after the 8-byte header
 * @see <a href="https://www.rfc-editor.org/rfc/rfc792">RFC 792 "Echo or Echo Reply Message"</a>
 */
public record IcmpPacket(IcmpType type, int code, int checksum, int restOfHeader, byte[] data) {

  public static final int HEADER_LENGTH = 8;

  public static IcmpPacket echoRequest(int identifier, int sequence, byte[] data) {
    return new IcmpPacket(IcmpType.ECHO_REQUEST, 0, 0, (identifier << 16) | (sequence & 0xFFFF), data);
  }

  public static IcmpPacket echoReply(int identifier, int sequence, byte[] data) {
    return new IcmpPacket(IcmpType.ECHO_REPLY, 0, 0, (identifier << 16) | (sequence & 0xFFFF), data);
  }

  public boolean isEcho() {
    return type.value() == IcmpType.ECHO_REQUEST.value() || type.value() == IcmpType.ECHO_REPLY.value();
  }

  /** Echo identifier (big-endian, as tshark's "Identifier (BE)"): high 16 bits of the rest-of-header word. */
  public int echoIdentifier() {
    return restOfHeader >>> 16;
  }

  /** Echo sequence number (big-endian): low 16 bits of the rest-of-header word. */
  public int echoSequence() {
    return restOfHeader & 0xFFFF;
  }

  public int length() {
    return HEADER_LENGTH + data.length;
  }

  /** True when the received checksum verifies over the whole message (false also for a truncated message). */
  public boolean checksumValid() {
    long acc = ((type.value() << 8) | code) + checksum + (restOfHeader >>> 16) + (restOfHeader & 0xFFFF);
    acc = InternetChecksum.sum(data, 0, data.length, acc);
    return InternetChecksum.fold(acc) == 0xFFFF;
  }

  @Override
  public String toString() {
    return "IcmpPacket[" + type + " code " + code
        + (isEcho() ? " id " + echoIdentifier() + " seq " + echoSequence() : "") + ", " + data.length
        + " data bytes]";
  }

  /** Equality by content: byte arrays compare by their bytes ({@link ByteContent}). */
  @Override
  public boolean equals(Object o) {
    return o instanceof IcmpPacket x && ByteContent.equal(contentParts(), x.contentParts());
  }

  @Override
  public int hashCode() {
    return ByteContent.hash(contentParts());
  }

  private Object[] contentParts() {
    return new Object[] {type, code, checksum, restOfHeader, data};
  }
}
