package dev.dmvpn.ref.nhrp;

import dev.dmvpn.ref.bytes.ByteReader;
import dev.dmvpn.ref.bytes.ByteWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes the extension list. Decoding stops at the End extension; every extension consumes at least
 * its 4-byte header, and a length running past the packet end is an error, so malformed lists (zero lengths,
 * huge lengths) end after at most pktsz/4 steps.
 */
final class NhrpExtensionCodec {
  /** Length of an RFC 2735 Device Capabilities extension, which reuses type 9. */
  private static final int DEVICE_CAPABILITIES_LENGTH = 8;

  private NhrpExtensionCodec() {}

  /** The decoded list and the bytes left after the End extension. */
  record Decoded(List<NhrpExtension> extensions, byte[] trailer) {}

  /** Extensions filling the window of {@code r}, which must contain an End extension. */
  static Decoded decode(ByteReader r) {
    int regionStart = r.offset();
    List<NhrpExtension> out = new ArrayList<>(6);
    while (r.hasRemaining()) {
      int at = r.offset();
      int word = r.u16("extension type");
      int len = r.u16("extension length");
      if (len > r.remaining()) {
        throw r.failAt(
            at + 2,
            "extension at " + at + ": length " + len + " exceeds the " + r.remaining() + " bytes left");
      }
      NhrpExtension e = decodeValue(word, len, r.slice(len, "extension value"), at);
      out.add(e);
      if (e instanceof NhrpExtension.End) {
        return new Decoded(out, r.hasRemaining() ? r.rest() : NhrpAddresses.EMPTY);
      }
    }
    throw r.fail(
        "extensions from " + regionStart + " to the packet end at " + r.offset() + " have no End extension");
  }

  private static NhrpExtension decodeValue(int word, int len, ByteReader v, int at) {
    int flags = word & ~NhrpExtension.TYPE_MASK;
    int type = word & NhrpExtension.TYPE_MASK;
    switch (type) {
      case 0:
        if (len != 0) {
          throw v.failAt(at + 2, "End extension at " + at + ": length " + len + ", must be 0");
        }
        return new NhrpExtension.End(flags);
      case 3:
        return new NhrpExtension.ResponderAddress(flags, NhrpCieCodec.decodeList(v));
      case 4:
        return new NhrpExtension.ForwardTransit(flags, NhrpCieCodec.decodeList(v));
      case 5:
        return new NhrpExtension.ReverseTransit(flags, NhrpCieCodec.decodeList(v));
      case 7:
        return decodeAuthentication(flags, len, v, at);
      case 8:
        return decodeVendorPrivate(flags, len, v, at);
      case 9:
        return len == DEVICE_CAPABILITIES_LENGTH
            ? new NhrpExtension.Unknown(flags, type, v.rest())
            : new NhrpExtension.CiscoNat(flags, NhrpCieCodec.decodeList(v));
      default:
        return new NhrpExtension.Unknown(flags, type, v.rest());
    }
  }

  private static NhrpExtension decodeAuthentication(int flags, int len, ByteReader v, int at) {
    if (len < 4) {
      throw v.failAt(
          at + 2, "authentication extension at " + at + ": length " + len + " is shorter than its SPI");
    }
    long spi = v.u32("authentication SPI");
    return new NhrpExtension.Authentication(flags, spi, v.rest());
  }

  private static NhrpExtension decodeVendorPrivate(int flags, int len, ByteReader v, int at) {
    if (len < 3) {
      throw v.failAt(
          at + 2, "vendor-private extension at " + at + ": length " + len + " is shorter than an OUI");
    }
    int oui = v.u24("vendor-private OUI");
    return new NhrpExtension.VendorPrivate(flags, oui, v.rest());
  }

  static void encodeList(List<NhrpExtension> extensions, ByteWriter w) {
    for (int i = 0; i < extensions.size(); i++) {
      encode(extensions.get(i), w);
    }
  }

  static void encode(NhrpExtension e, ByteWriter w) {
    int type = e instanceof NhrpExtension.Unknown u ? u.typeValue() : e.type().value();
    w.u16((e.flagBits() & ~NhrpExtension.TYPE_MASK) | (type & NhrpExtension.TYPE_MASK));
    int lengthAt = w.position();
    w.u16(0);
    encodeValue(e, w);
    int len = w.position() - lengthAt - 2;
    if (len > 0xFFFF) {
      throw new IllegalArgumentException(e.type() + " extension value is " + len + " bytes, more than 65535");
    }
    w.patchU16(lengthAt, len);
  }

  private static void encodeValue(NhrpExtension e, ByteWriter w) {
    if (e instanceof NhrpExtension.ResponderAddress x) {
      NhrpCieCodec.encodeList(x.cies(), w);
    } else if (e instanceof NhrpExtension.ForwardTransit x) {
      NhrpCieCodec.encodeList(x.cies(), w);
    } else if (e instanceof NhrpExtension.ReverseTransit x) {
      NhrpCieCodec.encodeList(x.cies(), w);
    } else if (e instanceof NhrpExtension.CiscoNat x) {
      NhrpCieCodec.encodeList(x.cies(), w);
    } else if (e instanceof NhrpExtension.Authentication x) {
      w.u32(x.spi()).bytes(x.data());
    } else if (e instanceof NhrpExtension.VendorPrivate x) {
      w.u24(x.oui()).bytes(x.data());
    } else if (e instanceof NhrpExtension.Unknown x) {
      w.bytes(x.value());
    }
    // End has no value
  }
}
