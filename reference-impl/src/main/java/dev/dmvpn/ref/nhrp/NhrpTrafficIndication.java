package dev.dmvpn.ref.nhrp;

import dev.dmvpn.ref.bytes.ByteContent;

/**
 * Traffic Indication body (type 8, Cisco DMVPN phase 3 redirect): lengths, traffic code, the address block,
 * then the first bytes of the packet that triggered it (opaque, up to the extension offset).
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * | Src Proto Len | Dst Proto Len |            unused             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |         Traffic Code          |            unused             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  Source NBMA Address, (Sub-address), Source and Destination  |
 * |  Protocol Address (variable length)                           |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |   Data: first bytes of the triggering packet (variable length)|
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * <p>IOS sets the source protocol address to the hub's tunnel address and the destination protocol address to
 * the <em>source</em> of the triggering packet (protocol-notes 2.2). The sub-address length comes from sstl
 * (0 in practice), as FRR and Wireshark read it.
 *
 * @param unused1 the 16 bits after the lengths
 * @param trafficCode 0 = redirect
 * @param unused2 the 16 bits after the traffic code
 * @param addresses the address block
 * @param embeddedPacket the triggering packet's first bytes (IOS: IP header + 8 bytes); must not be mutated
 * @see <a href="https://datatracker.ietf.org/doc/html/draft-detienne-dmvpn-01">draft-detienne-dmvpn-01</a>
 */
public record NhrpTrafficIndication(
    int unused1, int trafficCode, int unused2, NhrpAddresses addresses, byte[] embeddedPacket)
    implements NhrpBody {

  public static final int CODE_REDIRECT = 0;

  /** Equality by content: byte arrays compare by their bytes ({@link ByteContent}). */
  @Override
  public boolean equals(Object o) {
    return o instanceof NhrpTrafficIndication x && ByteContent.equal(contentParts(), x.contentParts());
  }

  @Override
  public int hashCode() {
    return ByteContent.hash(contentParts());
  }

  private Object[] contentParts() {
    return new Object[] {unused1, trafficCode, unused2, addresses, embeddedPacket};
  }
}
