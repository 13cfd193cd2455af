package dev.dmvpn.ref.nhrp;

import dev.dmvpn.ref.bytes.ByteReader;
import dev.dmvpn.ref.bytes.ByteWriter;

/** Reads and writes the part between the fixed header and the extensions, by packet type. */
final class NhrpBodyCodec {
  private NhrpBodyCodec() {}

  /** Decodes the whole window of {@code r} (fixed header end to extension offset or packet end). */
  static NhrpBody decode(NhrpFixedHeader h, ByteReader r) {
    int type = h.type().value();
    if (type >= 1 && type <= 6) {
      return decodeMandatory(h, r);
    }
    if (type == 7) {
      return decodeErrorIndication(h, r);
    }
    if (type == 8) {
      return decodeTrafficIndication(h, r);
    }
    return new NhrpOpaqueBody(r.rest());
  }

  private static NhrpMandatoryPart decodeMandatory(NhrpFixedHeader h, ByteReader r) {
    int srcProtoLen = r.u8("source protocol length");
    int dstProtoLen = r.u8("destination protocol length");
    int flags = r.u16("flags");
    long requestId = r.u32("request ID");
    NhrpAddresses a = NhrpAddresses.decode(r, h, srcProtoLen, dstProtoLen);
    return new NhrpMandatoryPart(flags, requestId, a, NhrpCieCodec.decodeList(r));
  }

  private static NhrpErrorIndication decodeErrorIndication(NhrpFixedHeader h, ByteReader r) {
    int srcProtoLen = r.u8("source protocol length");
    int dstProtoLen = r.u8("destination protocol length");
    int unused = r.u16("unused");
    int code = r.u16("error code");
    int offset = r.u16("error offset");
    NhrpAddresses a = NhrpAddresses.decode(r, h, srcProtoLen, dstProtoLen);
    return new NhrpErrorIndication(unused, NhrpErrorCode.valueOf(code), offset, a, r.rest());
  }

  private static NhrpTrafficIndication decodeTrafficIndication(NhrpFixedHeader h, ByteReader r) {
    int srcProtoLen = r.u8("source protocol length");
    int dstProtoLen = r.u8("destination protocol length");
    int unused1 = r.u16("unused");
    int code = r.u16("traffic code");
    int unused2 = r.u16("unused");
    NhrpAddresses a = NhrpAddresses.decode(r, h, srcProtoLen, dstProtoLen);
    return new NhrpTrafficIndication(unused1, code, unused2, a, r.rest());
  }

  /** Writes the body; returns its address block (null when opaque) so the caller can patch shtl/sstl. */
  static NhrpAddresses encode(NhrpBody body, ByteWriter w) {
    if (body instanceof NhrpMandatoryPart m) {
      writeLengths(m.addresses(), w);
      w.u16(m.flags()).u32(m.requestId());
      writeAddresses(m.addresses(), w);
      NhrpCieCodec.encodeList(m.cies(), w);
      return m.addresses();
    }
    if (body instanceof NhrpErrorIndication e) {
      writeLengths(e.addresses(), w);
      w.u16(e.unused()).u16(e.errorCode().value()).u16(e.errorOffset());
      writeAddresses(e.addresses(), w);
      w.bytes(e.erroneousPacket());
      return e.addresses();
    }
    if (body instanceof NhrpTrafficIndication t) {
      writeLengths(t.addresses(), w);
      w.u16(t.unused1()).u16(t.trafficCode()).u16(t.unused2());
      writeAddresses(t.addresses(), w);
      w.bytes(t.embeddedPacket());
      return t.addresses();
    }
    w.bytes(((NhrpOpaqueBody) body).bytes());
    return null;
  }

  private static void writeLengths(NhrpAddresses a, ByteWriter w) {
    w.u8(NhrpCieCodec.u8Length(a.srcProto().length, "source protocol address"));
    w.u8(NhrpCieCodec.u8Length(a.dstProto().length, "destination protocol address"));
  }

  private static void writeAddresses(NhrpAddresses a, ByteWriter w) {
    NhrpCieCodec.tlLength(a.srcNbma().length, "source NBMA address");
    NhrpCieCodec.tlLength(a.srcNbmaSub().length, "source NBMA sub-address");
    w.bytes(a.srcNbma()).bytes(a.srcNbmaSub()).bytes(a.srcProto()).bytes(a.dstProto());
  }
}
