package dev.dmvpn.ref.nhrp;

import dev.dmvpn.ref.bytes.ByteContent;

/**
 * Error Indication body (type 7): lengths, error code and offset, the address block, then the packet in error
 * (kept opaque, up to the extension offset or the packet end).
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * | Src Proto Len | Dst Proto Len |            unused             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |           Error Code          |        Error Offset           |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  Source NBMA Address, Sub-address, Source and Destination     |
 * |  Protocol Address (variable length)                           |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |       Contents of NHRP Packet in error (variable length)      |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param unused the 16 unused bits (kept for exact re-encoding)
 * @param errorCode the error code
 * @param errorOffset offset in the packet in error of the field that caused the error
 * @param addresses the address block
 * @param erroneousPacket the packet in error, opaque; must not be mutated
 * @see <a href="https://www.rfc-editor.org/rfc/rfc2332#section-5.2.7">RFC 2332 section 5.2.7</a>
 */
public record NhrpErrorIndication(
    int unused, NhrpErrorCode errorCode, int errorOffset, NhrpAddresses addresses, byte[] erroneousPacket)
    implements NhrpBody {

  /** Equality by content: byte arrays compare by their bytes ({@link ByteContent}). */
  @Override
  public boolean equals(Object o) {
    return o instanceof NhrpErrorIndication x && ByteContent.equal(contentParts(), x.contentParts());
  }

  @Override
  public int hashCode() {
    return ByteContent.hash(contentParts());
  }

  private Object[] contentParts() {
    return new Object[] {unused, errorCode, errorOffset, addresses, erroneousPacket};
  }
}
