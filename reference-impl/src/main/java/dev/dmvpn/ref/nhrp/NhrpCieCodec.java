package dev.dmvpn.ref.nhrp;

import dev.dmvpn.ref.bytes.ByteReader;
import dev.dmvpn.ref.bytes.ByteWriter;
import java.util.ArrayList;
import java.util.List;

/** Reads and writes {@link NhrpCie}s; lists run until their reader's window is used up. */
final class NhrpCieCodec {
  private static final int TYPE_BITS = 0xC0;

  private NhrpCieCodec() {}

  /** CIEs filling the whole window of {@code r}; each takes at least 12 bytes, so the loop always ends. */
  static List<NhrpCie> decodeList(ByteReader r) {
    if (!r.hasRemaining()) {
      return List.of();
    }
    List<NhrpCie> out = new ArrayList<>(2);
    while (r.hasRemaining()) {
      out.add(decode(r));
    }
    return out;
  }

  static NhrpCie decode(ByteReader r) {
    if (r.remaining() < NhrpCie.FIXED_LENGTH) {
      throw r.fail("CIE at " + r.offset() + ": needs 12 bytes, only " + r.remaining() + " left");
    }
    int code = r.u8("CIE code");
    int prefix = r.u8("CIE prefix length");
    int unused = r.u16("CIE unused");
    int mtu = r.u16("CIE MTU");
    int hold = r.u16("CIE holding time");
    int nbmaTl = r.u8("CIE client address type/length");
    int subTl = r.u8("CIE client sub-address type/length");
    int protoLen = r.u8("CIE client protocol length");
    int pref = r.u8("CIE preference");
    byte[] nbma = NhrpAddresses.read(r, nbmaTl & NhrpFixedHeader.TL_LENGTH_MASK, "CIE client NBMA address");
    byte[] sub = NhrpAddresses.read(r, subTl & NhrpFixedHeader.TL_LENGTH_MASK, "CIE client NBMA sub-address");
    byte[] proto = NhrpAddresses.read(r, protoLen, "CIE client protocol address");
    return new NhrpCie(
        NhrpCieCode.valueOf(code), prefix, unused, mtu, hold, nbmaTl & TYPE_BITS, subTl & TYPE_BITS, pref,
        nbma, sub, proto);
  }

  static void encodeList(List<NhrpCie> cies, ByteWriter w) {
    for (int i = 0; i < cies.size(); i++) {
      encode(cies.get(i), w);
    }
  }

  static void encode(NhrpCie c, ByteWriter w) {
    w.u8(c.code().value()).u8(c.prefixLength()).u16(c.unused()).u16(c.mtu()).u16(c.holdTime());
    w.u8((c.clientNbmaType() & TYPE_BITS) | tlLength(c.clientNbma().length, "CIE client NBMA address"));
    w.u8((c.clientNbmaSubType() & TYPE_BITS) | tlLength(c.clientNbmaSub().length, "CIE client sub-address"));
    w.u8(u8Length(c.clientProto().length, "CIE client protocol address"));
    w.u8(c.preference());
    w.bytes(c.clientNbma()).bytes(c.clientNbmaSub()).bytes(c.clientProto());
  }

  /** A length for the 6-bit length part of a type/length byte; encode refuses what cannot be represented. */
  static int tlLength(int n, String what) {
    if (n > NhrpFixedHeader.TL_LENGTH_MASK) {
      throw new IllegalArgumentException(what + " is " + n + " bytes; a type/length byte holds at most 63");
    }
    return n;
  }

  static int u8Length(int n, String what) {
    if (n > 0xFF) {
      throw new IllegalArgumentException(what + " is " + n + " bytes; its length byte holds at most 255");
    }
    return n;
  }
}
