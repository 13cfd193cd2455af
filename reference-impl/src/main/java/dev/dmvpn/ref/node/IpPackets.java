package dev.dmvpn.ref.node;

import dev.dmvpn.ref.l2l3.IcmpPacket;
import dev.dmvpn.ref.l2l3.IcmpType;
import dev.dmvpn.ref.l2l3.Ipv4Codec;
import dev.dmvpn.ref.l2l3.Ipv4Packet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Small IPv4 operations of the forwarding path: TTL decrement, fragmentation (RFC 791), ICMP errors. */
final class IpPackets {
  /** ICMP destination unreachable codes (RFC 792, RFC 1191). */
  static final int CODE_NET_UNREACHABLE = 0;
  static final int CODE_HOST_UNREACHABLE = 1;
  static final int CODE_PROTOCOL_UNREACHABLE = 2;
  static final int CODE_FRAGMENTATION_NEEDED = 4;

  private IpPackets() {}

  /** 224.0.0.0/4 (RFC 5771). */
  static boolean isMulticast(dev.dmvpn.ref.bytes.Ipv4Address a) {
    return (a.bits() >>> 28) == 0xE;
  }

  /**
   * A copy of {@code raw} with TTL one less and the header checksum adjusted incrementally (RFC 1624 eq. 3:
   * HC' = ~(~HC + ~m + m'), m the 16-bit word holding TTL and protocol).
   */
  static byte[] decrementTtl(byte[] raw) {
    byte[] out = raw.clone();
    int oldWord = ((out[8] & 0xFF) << 8) | (out[9] & 0xFF);
    out[8]--;
    int newWord = oldWord - 0x100;
    int hc = ((out[10] & 0xFF) << 8) | (out[11] & 0xFF);
    int sum = (~hc & 0xFFFF) + (~oldWord & 0xFFFF) + newWord;
    sum = (sum & 0xFFFF) + (sum >>> 16);
    sum = (sum & 0xFFFF) + (sum >>> 16);
    int checksum = ~sum & 0xFFFF;
    out[10] = (byte) (checksum >>> 8);
    out[11] = (byte) checksum;
    return out;
  }

  /**
   * Splits {@code p} (DF clear) into fragments of at most {@code mtu} bytes: payload cut at multiples of 8 bytes,
   * MF on all but the last (kept from the original on the last), offsets added to the original's. Options are
   * copied into the first fragment only (no option here is marked "copied" in practice).
   */
  static List<byte[]> fragment(Ipv4Packet p, int mtu) {
    int header = Ipv4Packet.MIN_HEADER_LENGTH;
    int chunk = (mtu - header - p.options().length) / 8 * 8;
    if (chunk < 8) {
      throw new IllegalArgumentException("MTU " + mtu + " too small to fragment");
    }
    byte[] data = p.payload();
    List<byte[]> out = new ArrayList<>();
    for (int off = 0; off < data.length; off += chunk) {
      int len = Math.min(chunk, data.length - off);
      boolean last = off + len >= data.length;
      int flags = last ? p.flags() & Ipv4Packet.FLAG_MF : Ipv4Packet.FLAG_MF;
      byte[] options = off == 0 ? p.options() : new byte[0];
      Ipv4Packet f = new Ipv4Packet(4, 5 + options.length / 4, p.tos(), header + options.length + len,
          p.identification(), flags, p.fragmentOffset() + off / 8, p.ttl(), p.protocol(), 0, p.source(),
          p.destination(), options, Arrays.copyOfRange(data, off, off + len), false);
      out.add(Ipv4Codec.encode(f));
    }
    return out;
  }

  /** The ICMP error of {@code type}/{@code code} quoting the offending packet's header and 8 bytes. */
  static IcmpPacket error(IcmpType type, int code, int restOfHeader, Ipv4Packet offending, byte[] raw) {
    int quoted = Math.min(raw.length, offending.headerLength() + 8);
    return new IcmpPacket(type, code, 0, restOfHeader, Arrays.copyOf(raw, quoted));
  }
}
