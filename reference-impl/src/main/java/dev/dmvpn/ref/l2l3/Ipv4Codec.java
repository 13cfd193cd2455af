package dev.dmvpn.ref.l2l3;

import dev.dmvpn.ref.bytes.ByteReader;
import dev.dmvpn.ref.bytes.ByteSlice;
import dev.dmvpn.ref.bytes.ByteWriter;
import dev.dmvpn.ref.bytes.DecodeResult;
import dev.dmvpn.ref.bytes.InternetChecksum;
import dev.dmvpn.ref.bytes.Ipv4Address;

/**
 * Decodes and encodes {@link Ipv4Packet}s (layer "ipv4").
 *
 * <p>Decoding reads the header and then Total Length minus the header: Ethernet padding after the datagram is
 * left unread in the reader. When Total Length is larger than what was captured (snaplen), the captured rest
 * becomes the payload and {@link Ipv4Packet#truncated()} is set instead of failing, so the upper layers of a
 * snapped frame can still be looked at. IHL below 5, a version other than 4, or a Total Length shorter than
 * the header are errors.
 */
public final class Ipv4Codec {
  public static final String LAYER = "ipv4";
  /** Offsets of fields from the start of the IPv4 header (add the header's frame offset). */
  public static final int OFFSET_TOTAL_LENGTH = 2;

  public static final int OFFSET_CHECKSUM = 10;

  private Ipv4Codec() {}

  public static DecodeResult<Ipv4Packet> decode(ByteReader r) {
    return DecodeResult.guard(LAYER, r, () -> read(r));
  }

  /**
   * Writes the datagram with IHL, Total Length and header checksum recomputed. A truncated datagram keeps its
   * received Total Length (the payload is incomplete, so there is nothing to recompute it from).
   *
   * @throws IllegalArgumentException when the options are not a multiple of 4 bytes or longer than 40
   */
  public static void encode(Ipv4Packet p, ByteWriter w) {
    byte[] options = p.options();
    if (options.length % 4 != 0 || options.length > 40) {
      throw new IllegalArgumentException("IPv4 options must be 0..40 bytes in 4-byte words: " + options.length);
    }
    int headerLength = Ipv4Packet.MIN_HEADER_LENGTH + options.length;
    int totalLength = p.truncated() ? p.totalLength() : headerLength + p.payloadSlice().length();
    if (totalLength > 0xFFFF) {
      throw new IllegalArgumentException("IPv4 datagram too long: " + totalLength);
    }
    int start = w.position();
    w.u8((p.version() << 4) | (headerLength / 4)).u8(p.tos()).u16(totalLength);
    w.u16(p.identification()).u16((p.flags() << 13) | p.fragmentOffset());
    w.u8(p.ttl()).u8(p.protocol().value()).u16(0);
    w.i32(p.source().bits()).i32(p.destination().bits()).bytes(options);
    w.patchU16(start + OFFSET_CHECKSUM, InternetChecksum.compute(w.array(), start, headerLength));
    w.bytes(p.payloadSlice());
  }

  public static byte[] encode(Ipv4Packet p) {
    ByteWriter w = new ByteWriter(Ipv4Packet.MIN_HEADER_LENGTH + p.options().length + p.payloadSlice().length());
    encode(p, w);
    return w.toByteArray();
  }

  private static Ipv4Packet read(ByteReader r) {
    int start = r.offset();
    int versionIhl = r.u8("version/IHL");
    int version = versionIhl >>> 4;
    int ihl = versionIhl & 0xF;
    if (version != 4) {
      throw r.failAt(start, "version " + version + " is not 4");
    }
    if (ihl < 5) {
      throw r.failAt(start, "IHL " + ihl + " is below the minimum 5 (a 20-byte header)");
    }
    int tos = r.u8("type of service");
    int totalLength = r.u16("total length");
    if (totalLength < ihl * 4) {
      throw r.failAt(start + OFFSET_TOTAL_LENGTH,
          "total length " + totalLength + " is shorter than the " + ihl * 4 + "-byte header");
    }
    int identification = r.u16("identification");
    int flagsOffset = r.u16("flags/fragment offset");
    int ttl = r.u8("time to live");
    IpProtocol protocol = IpProtocol.valueOf(r.u8("protocol"));
    int checksum = r.u16("header checksum");
    Ipv4Address src = new Ipv4Address(r.i32("source address"));
    Ipv4Address dst = new Ipv4Address(r.i32("destination address"));
    byte[] options = ihl == 5
        ? Ipv4Packet.NO_OPTIONS
        : r.bytes(ihl * 4 - Ipv4Packet.MIN_HEADER_LENGTH, "options (IHL " + ihl + ")");
    int payloadLength = totalLength - ihl * 4;
    boolean truncated = payloadLength > r.remaining();
    ByteSlice payload = r.view(truncated ? r.remaining() : payloadLength, "payload");
    return new Ipv4Packet(version, ihl, tos, totalLength, identification, flagsOffset >>> 13,
        flagsOffset & 0x1FFF, ttl, protocol, checksum, src, dst, options, payload, truncated);
  }
}
