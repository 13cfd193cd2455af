package dev.dmvpn.ref.nhrp;

import dev.dmvpn.ref.bytes.ByteReader;
import dev.dmvpn.ref.bytes.ByteWriter;
import dev.dmvpn.ref.bytes.DecodeResult;
import dev.dmvpn.ref.bytes.InternetChecksum;
import java.util.List;

/**
 * NHRP (RFC 2332 with Cisco DMVPN behaviour) decoder and encoder.
 *
 * <p>The packet is exactly {@code ar$pktsz} bytes: decode consumes that many bytes from the reader and leaves
 * anything after them (GRE payload padding) unread; a size larger than what is available is an error. The
 * checksum is verified, not enforced ({@link NhrpPacket#checksumValid()}). Encode recomputes
 * {@code ar$pktsz}, {@code ar$extoff} (0 when there are no extensions), {@code ar$chksum} and the length bits
 * of shtl/sstl.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc2332#section-5">RFC 2332 section 5</a>
 */
public final class NhrpCodec {
  public static final String LAYER = "nhrp";
  private static final int PKTSZ_AT = 10;
  private static final int CHECKSUM_AT = 12;
  private static final int EXTOFF_AT = 14;
  private static final int SHTL_AT = 18;
  private static final byte[] ZERO_SNAP = new byte[5];

  private NhrpCodec() {}

  /** Decodes one NHRP packet starting at the reader's position; never throws. */
  public static DecodeResult<NhrpPacket> decode(ByteReader r) {
    return DecodeResult.guard(LAYER, r, () -> decodePacket(r));
  }

  private static NhrpPacket decodePacket(ByteReader r) {
    int start = r.offset();
    int startIndex = r.arrayIndex();
    int available = r.remaining();
    NhrpFixedHeader h = decodeHeader(r);
    int size = h.packetSize();
    if (size < NhrpFixedHeader.LENGTH) {
      throw r.failAt(start + PKTSZ_AT, "ar$pktsz " + size + " is smaller than the 20-byte fixed header");
    }
    if (size > available) {
      throw r.failAt(start + PKTSZ_AT, "ar$pktsz " + size + " exceeds the " + available + " bytes available");
    }
    ByteReader pkt = r.slice(size - NhrpFixedHeader.LENGTH, "NHRP packet");
    int bodyEnd = bodyEnd(h, start, r);
    NhrpBody body = NhrpBodyCodec.decode(h, pkt.slice(bodyEnd - NhrpFixedHeader.LENGTH, "NHRP body"));
    List<NhrpExtension> extensions = List.of();
    byte[] trailer = NhrpAddresses.EMPTY;
    if (bodyEnd < size) {
      NhrpExtensionCodec.Decoded d = NhrpExtensionCodec.decode(pkt);
      extensions = d.extensions();
      trailer = d.trailer();
    }
    boolean checksumOk = InternetChecksum.verify(r.array(), startIndex, size);
    return new NhrpPacket(h, body, extensions, trailer, checksumOk);
  }

  private static NhrpFixedHeader decodeHeader(ByteReader r) {
    int afn = r.u16("ar$afn");
    int proto = r.u16("ar$pro.type");
    byte[] snap = readSnap(r);
    int hops = r.u8("ar$hopcnt");
    int size = r.u16("ar$pktsz");
    int checksum = r.u16("ar$chksum");
    int extoff = r.u16("ar$extoff");
    int version = r.u8("ar$op.version");
    int type = r.u8("ar$op.type");
    int shtl = r.u8("ar$shtl");
    int sstl = r.u8("ar$sstl");
    return new NhrpFixedHeader(
        afn, proto, snap, hops, size, checksum, extoff, version, NhrpPacketType.valueOf(type), shtl, sstl);
  }

  /** The SNAP bytes; the usual all-zero value shares one array instead of allocating per packet. */
  private static byte[] readSnap(ByteReader r) {
    byte[] a = r.array();
    int i = r.arrayIndex();
    if (r.remaining() >= 5 && (a[i] | a[i + 1] | a[i + 2] | a[i + 3] | a[i + 4]) == 0) {
      r.skip(5, "ar$pro.snap");
      return ZERO_SNAP;
    }
    return r.bytes(5, "ar$pro.snap");
  }

  /**
   * Where the body ends (relative to the packet start): the extension offset, or the packet end when there
   * are none. An out-of-range offset is an error for known types; an unknown type's body just stays opaque.
   */
  private static int bodyEnd(NhrpFixedHeader h, int start, ByteReader r) {
    int extoff = h.extensionOffset();
    int size = h.packetSize();
    if (extoff == 0) {
      return size;
    }
    if (extoff >= NhrpFixedHeader.LENGTH && extoff <= size) {
      return extoff;
    }
    if (!h.type().known()) {
      return size;
    }
    String where =
        extoff < NhrpFixedHeader.LENGTH
            ? " points into the 20-byte fixed header"
            : " points past the packet end (ar$pktsz " + size + ")";
    throw r.failAt(start + EXTOFF_AT, "ar$extoff " + extoff + where);
  }

  /** Encodes {@code p} into a new array. */
  public static byte[] encode(NhrpPacket p) {
    ByteWriter w = new ByteWriter(128);
    encode(p, w);
    return w.toByteArray();
  }

  /**
   * Appends {@code p} to {@code w}, recomputing size, extension offset, checksum and the shtl/sstl lengths;
   * throws {@link IllegalArgumentException} for a packet that cannot be represented (e.g. an address longer
   * than 63 bytes, a SNAP that is not 5 bytes).
   */
  public static void encode(NhrpPacket p, ByteWriter w) {
    int start = w.position();
    NhrpFixedHeader h = p.header();
    writeHeader(h, w);
    NhrpAddresses a = NhrpBodyCodec.encode(p.body(), w);
    if (a != null) {
      w.patchU8(start + SHTL_AT, (h.shtl() & ~NhrpFixedHeader.TL_LENGTH_MASK) | a.srcNbma().length);
      w.patchU8(start + SHTL_AT + 1, (h.sstl() & ~NhrpFixedHeader.TL_LENGTH_MASK) | a.srcNbmaSub().length);
    }
    int extoff = p.extensions().isEmpty() ? 0 : w.position() - start;
    NhrpExtensionCodec.encodeList(p.extensions(), w);
    w.bytes(p.trailer());
    int size = w.position() - start;
    if (size > 0xFFFF) {
      throw new IllegalArgumentException("NHRP packet is " + size + " bytes, more than ar$pktsz can hold");
    }
    w.patchU16(start + PKTSZ_AT, size);
    w.patchU16(start + EXTOFF_AT, extoff);
    w.patchU16(start + CHECKSUM_AT, InternetChecksum.compute(w.array(), start, size));
  }

  private static void writeHeader(NhrpFixedHeader h, ByteWriter w) {
    byte[] snap = h.protocolSnap() == null ? ZERO_SNAP : h.protocolSnap();
    if (snap.length != 5) {
      throw new IllegalArgumentException("ar$pro.snap must be 5 bytes, got " + snap.length);
    }
    w.u16(h.afn()).u16(h.protocolType()).bytes(snap).u8(h.hopCount());
    w.u16(0).u16(0).u16(0); // pktsz, checksum, extoff: patched at the end
    w.u8(h.version()).u8(h.type().value()).u8(h.shtl()).u8(h.sstl());
  }
}
