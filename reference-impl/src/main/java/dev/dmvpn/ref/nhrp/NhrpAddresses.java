package dev.dmvpn.ref.nhrp;

import dev.dmvpn.ref.bytes.ByteContent;
import dev.dmvpn.ref.bytes.ByteReader;
import dev.dmvpn.ref.bytes.Ipv4Address;

/**
 * The address block shared by the mandatory part, Error Indication and Traffic Indication: source NBMA
 * address and sub-address (lengths from shtl/sstl), source and destination protocol addresses (lengths from
 * the two length bytes in front of the block). Arrays are stored as given and must not be mutated.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc2332#section-5.2.0.1">RFC 2332 section 5.2.0.1</a>
 */
public record NhrpAddresses(byte[] srcNbma, byte[] srcNbmaSub, byte[] srcProto, byte[] dstProto) {
  static final byte[] EMPTY = new byte[0];

  /** IPv4 NBMA and protocol addresses, no sub-address. */
  public static NhrpAddresses ipv4(Ipv4Address srcNbma, Ipv4Address srcProto, Ipv4Address dstProto) {
    return new NhrpAddresses(srcNbma.toBytes(), EMPTY, srcProto.toBytes(), dstProto.toBytes());
  }

  public Ipv4Address srcNbmaIpv4() {
    return ipv4(srcNbma, "source NBMA address");
  }

  public Ipv4Address srcProtoIpv4() {
    return ipv4(srcProto, "source protocol address");
  }

  public Ipv4Address dstProtoIpv4() {
    return ipv4(dstProto, "destination protocol address");
  }

  /** An IPv4 view of a 4-byte address; throws {@link IllegalStateException} for any other length. */
  static Ipv4Address ipv4(byte[] b, String what) {
    if (b.length != 4) {
      throw new IllegalStateException(what + " is " + b.length + " bytes, not an IPv4 address");
    }
    return Ipv4Address.fromBytes(b);
  }

  /** Reads {@code n} bytes, sharing one empty array for absent addresses. */
  static byte[] read(ByteReader r, int n, String what) {
    return n == 0 ? EMPTY : r.bytes(n, what);
  }

  static NhrpAddresses decode(ByteReader r, NhrpFixedHeader h, int srcProtoLen, int dstProtoLen) {
    byte[] nbma = read(r, h.srcNbmaLength(), "source NBMA address");
    byte[] sub = read(r, h.srcNbmaSubLength(), "source NBMA sub-address");
    byte[] src = read(r, srcProtoLen, "source protocol address");
    byte[] dst = read(r, dstProtoLen, "destination protocol address");
    return new NhrpAddresses(nbma, sub, src, dst);
  }

  /** Equality by content: byte arrays compare by their bytes ({@link ByteContent}). */
  @Override
  public boolean equals(Object o) {
    return o instanceof NhrpAddresses x && ByteContent.equal(contentParts(), x.contentParts());
  }

  @Override
  public int hashCode() {
    return ByteContent.hash(contentParts());
  }

  private Object[] contentParts() {
    return new Object[] {srcNbma, srcNbmaSub, srcProto, dstProto};
  }
}
