package dev.dmvpn.ref.l2l3;

import dev.dmvpn.ref.bytes.ByteReader;
import dev.dmvpn.ref.bytes.ByteSlice;
import dev.dmvpn.ref.bytes.ByteWriter;
import dev.dmvpn.ref.bytes.DecodeResult;
import dev.dmvpn.ref.bytes.InternetChecksum;
import dev.dmvpn.ref.bytes.Ipv4Address;

/**
 * Decodes and encodes {@link UdpDatagram}s (layer "udp").
 *
 * <p>Decoding takes Length - 8 payload bytes. A Length below 8 is an error; a Length beyond the bytes left
 * keeps what is there (see {@link UdpDatagram#truncated()}) so a snapped capture or a malformed datagram can
 * still be handed to the ISAKMP decoder, which gives the better error.
 */
public final class UdpCodec {
  public static final String LAYER = "udp";
  public static final int OFFSET_LENGTH = 4;
  public static final int OFFSET_CHECKSUM = 6;

  private UdpCodec() {}

  public static DecodeResult<UdpDatagram> decode(ByteReader r) {
    return DecodeResult.guard(LAYER, r, () -> {
      int start = r.offset();
      int src = r.u16("source port");
      int dst = r.u16("destination port");
      int length = r.u16("length");
      int checksum = r.u16("checksum");
      if (length < UdpDatagram.HEADER_LENGTH) {
        throw r.failAt(start + OFFSET_LENGTH, "length " + length + " is below the 8-byte header");
      }
      ByteSlice payload = r.view(Math.min(length - UdpDatagram.HEADER_LENGTH, r.remaining()), "payload");
      return new UdpDatagram(src, dst, length, checksum, payload);
    });
  }

  /**
   * Writes the datagram with Length and checksum recomputed over the IPv4 pseudo-header (a computed 0 is sent
   * as 0xFFFF, RFC 768). A {@link UdpDatagram#truncated() truncated} datagram keeps its received Length and
   * checksum: the missing bytes cannot be summed.
   */
  public static void encode(UdpDatagram d, Ipv4Address src, Ipv4Address dst, ByteWriter w) {
    int start = writeHeaderAndPayload(d, w);
    if (d.truncated()) {
      w.patchU16(start + OFFSET_CHECKSUM, d.checksum());
      return;
    }
    int length = w.position() - start;
    long acc = UdpDatagram.pseudoHeaderSum(src, dst, length);
    int sum = InternetChecksum.finish(InternetChecksum.sum(w.array(), start, length, acc));
    w.patchU16(start + OFFSET_CHECKSUM, sum == 0 ? 0xFFFF : sum);
  }

  public static byte[] encode(UdpDatagram d, Ipv4Address src, Ipv4Address dst) {
    ByteWriter w = new ByteWriter(UdpDatagram.HEADER_LENGTH + d.payloadSlice().length());
    encode(d, src, dst, w);
    return w.toByteArray();
  }

  /** Writes the datagram with checksum 0 ("none", RFC 768): allowed for UDP over IPv4. */
  public static void encodeWithoutChecksum(UdpDatagram d, ByteWriter w) {
    writeHeaderAndPayload(d, w);
  }

  private static int writeHeaderAndPayload(UdpDatagram d, ByteWriter w) {
    int length = d.truncated() ? d.length() : UdpDatagram.HEADER_LENGTH + d.payloadSlice().length();
    if (length > 0xFFFF) {
      throw new IllegalArgumentException("UDP datagram too long: " + length);
    }
    int start = w.position();
    w.u16(d.sourcePort()).u16(d.destinationPort()).u16(length).u16(0).bytes(d.payloadSlice());
    return start;
  }
}
