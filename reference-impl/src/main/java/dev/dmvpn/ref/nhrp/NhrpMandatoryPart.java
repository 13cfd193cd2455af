package dev.dmvpn.ref.nhrp;

import dev.dmvpn.ref.bytes.Ipv4Address;
import java.util.List;

/**
 * The common mandatory part of packet types 1-6, followed by zero or more CIEs.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * | Src Proto Len | Dst Proto Len |           Flags               |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                         Request ID                            |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |            Source NBMA Address (variable length)              |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |          Source NBMA Subaddress (variable length)             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |          Source Protocol Address (variable length)            |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |       Destination  Protocol Address (variable length)         |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                 Client Information Entries ...                |
 * </pre>
 *
 * @param flags the 16-bit flags; meanings per packet type in {@link NhrpFlags}
 * @param requestId unsigned 32-bit request ID (reused on retransmission, copied into the reply)
 * @param addresses source NBMA/sub-address and source/destination protocol addresses
 * @param cies the client information entries, in wire order
 * @see <a href="https://www.rfc-editor.org/rfc/rfc2332#section-5.2.0.1">RFC 2332 section 5.2.0.1</a>
 */
public record NhrpMandatoryPart(int flags, long requestId, NhrpAddresses addresses, List<NhrpCie> cies)
    implements NhrpBody {

  /** Length of the fields before the addresses. */
  public static final int FIXED_LENGTH = 8;

  public int srcProtoLen() {
    return addresses.srcProto().length;
  }

  public int dstProtoLen() {
    return addresses.dstProto().length;
  }

  public byte[] srcNbma() {
    return addresses.srcNbma();
  }

  public byte[] srcNbmaSub() {
    return addresses.srcNbmaSub();
  }

  public byte[] srcProto() {
    return addresses.srcProto();
  }

  public byte[] dstProto() {
    return addresses.dstProto();
  }

  public Ipv4Address srcNbmaIpv4() {
    return addresses.srcNbmaIpv4();
  }

  public Ipv4Address srcProtoIpv4() {
    return addresses.srcProtoIpv4();
  }

  public Ipv4Address dstProtoIpv4() {
    return addresses.dstProtoIpv4();
  }

  /** The first CIE, or {@code null} when there is none. */
  public NhrpCie firstCie() {
    return cies.isEmpty() ? null : cies.get(0);
  }
}
