package dev.dmvpn.ref.l2l3;

import dev.dmvpn.ref.bytes.ByteReader;
import dev.dmvpn.ref.bytes.ByteWriter;
import dev.dmvpn.ref.bytes.DecodeResult;
import dev.dmvpn.ref.bytes.InternetChecksum;

/**
 * Decodes and encodes {@link IcmpPacket}s (layer "icmp"). ICMP has no length field: the message is the whole
 * IPv4 payload, so decoding takes everything left in the reader.
 */
public final class IcmpCodec {
  public static final String LAYER = "icmp";
  public static final int OFFSET_CHECKSUM = 2;

  private IcmpCodec() {}

  public static DecodeResult<IcmpPacket> decode(ByteReader r) {
    return DecodeResult.guard(LAYER, r, () -> {
      IcmpType type = IcmpType.valueOf(r.u8("type"));
      int code = r.u8("code");
      int checksum = r.u16("checksum");
      int rest = r.i32("rest of header");
      return new IcmpPacket(type, code, checksum, rest, r.rest());
    });
  }

  /** Writes the message with the checksum recomputed over header and data. */
  public static void encode(IcmpPacket p, ByteWriter w) {
    int start = w.position();
    w.u8(p.type().value()).u8(p.code()).u16(0).i32(p.restOfHeader()).bytes(p.data());
    w.patchU16(start + OFFSET_CHECKSUM, InternetChecksum.compute(w.array(), start, w.position() - start));
  }

  public static byte[] encode(IcmpPacket p) {
    ByteWriter w = new ByteWriter(p.length());
    encode(p, w);
    return w.toByteArray();
  }
}
