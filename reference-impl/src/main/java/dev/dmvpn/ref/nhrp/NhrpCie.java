package dev.dmvpn.ref.nhrp;

import dev.dmvpn.ref.bytes.ByteContent;
import dev.dmvpn.ref.bytes.Ipv4Address;
import java.util.List;

/**
 * A Client Information Entry: 12 fixed bytes followed by the client NBMA address, sub-address and protocol
 * address. Address lengths are the array lengths; the upper two bits of the two type/length bytes are kept in
 * {@code clientNbmaType}/{@code clientNbmaSubType} (0 = NSAP format, 0x40 = E.164). Arrays are stored as given
 * and must not be mutated.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |     Code      | Prefix Length |        unused                 |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  Maximum Transmission Unit    |        Holding Time           |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  Cli Addr T/L | Cli SAddr T/L | Cli Proto Len |  Preference   |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |            Client NBMA Address (variable length)              |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |           Client NBMA Subaddress (variable length)            |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |          Client Protocol Address (variable length)            |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc2332#section-5.2.0.1">RFC 2332 section 5.2.0.1</a>
 */
public record NhrpCie(
    NhrpCieCode code,
    int prefixLength,
    int unused,
    int mtu,
    int holdTime,
    int clientNbmaType,
    int clientNbmaSubType,
    int preference,
    byte[] clientNbma,
    byte[] clientNbmaSub,
    byte[] clientProto) {

  public static final int FIXED_LENGTH = 12;

  /** A CIE without client addresses (registration/resolution request: addresses come from the source). */
  public static NhrpCie withoutAddresses(NhrpCieCode code, int prefixLength, int mtu, int holdTime) {
    byte[] e = NhrpAddresses.EMPTY;
    return new NhrpCie(code, prefixLength, 0, mtu, holdTime, 0, 0, 0, e, e, e);
  }

  /** Bytes these CIEs take on the wire: 12 fixed bytes each plus their addresses. */
  public static int wireLength(List<NhrpCie> cies) {
    int n = 0;
    for (int i = 0; i < cies.size(); i++) {
      NhrpCie c = cies.get(i);
      n += FIXED_LENGTH + c.clientNbma().length + c.clientNbmaSub().length + c.clientProto().length;
    }
    return n;
  }

  /** A CIE with an IPv4 NBMA and protocol address (replies, responder address, transit records, NAT ext). */
  public static NhrpCie ipv4(
      NhrpCieCode code, int prefixLength, int mtu, int holdTime, Ipv4Address nbma, Ipv4Address proto) {
    byte[] e = NhrpAddresses.EMPTY;
    return new NhrpCie(code, prefixLength, 0, mtu, holdTime, 0, 0, 0, nbma.toBytes(), e, proto.toBytes());
  }

  /** A copy with another code (a reply echoes the request's CIE with its result code). */
  public NhrpCie withCode(NhrpCieCode newCode) {
    return new NhrpCie(
        newCode, prefixLength, unused, mtu, holdTime, clientNbmaType, clientNbmaSubType, preference,
        clientNbma, clientNbmaSub, clientProto);
  }

  public int clientNbmaLength() {
    return clientNbma.length;
  }

  public int clientNbmaSubLength() {
    return clientNbmaSub.length;
  }

  public int clientProtoLength() {
    return clientProto.length;
  }

  /** The client NBMA address as IPv4; throws {@link IllegalStateException} unless it is 4 bytes. */
  public Ipv4Address clientNbmaIpv4() {
    return NhrpAddresses.ipv4(clientNbma, "CIE client NBMA address");
  }

  /** The client protocol address as IPv4; throws {@link IllegalStateException} unless it is 4 bytes. */
  public Ipv4Address clientProtoIpv4() {
    return NhrpAddresses.ipv4(clientProto, "CIE client protocol address");
  }

  /** Bytes this CIE takes on the wire. */
  public int encodedLength() {
    return FIXED_LENGTH + clientNbma.length + clientNbmaSub.length + clientProto.length;
  }

  /** Equality by content: byte arrays compare by their bytes ({@link ByteContent}). */
  @Override
  public boolean equals(Object o) {
    return o instanceof NhrpCie x && ByteContent.equal(contentParts(), x.contentParts());
  }

  @Override
  public int hashCode() {
    return ByteContent.hash(contentParts());
  }

  private Object[] contentParts() {
    return new Object[] {code, prefixLength, unused, mtu, holdTime, clientNbmaType, clientNbmaSubType, preference,
        clientNbma, clientNbmaSub, clientProto};
  }
}
