package dev.dmvpn.ref.isakmp;

import dev.dmvpn.ref.bytes.ByteReader;
import dev.dmvpn.ref.bytes.ByteWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes and encodes payload bodies (everything after the generic header) for each payload type. The
 * reader handed to {@link #decode} is exactly the body; every decoder consumes all of it.
 */
final class PayloadBodies {
  private PayloadBodies() {}

  static IsakmpPayload decode(PayloadType type, ByteReader b) {
    return switch (type.value()) {
      case 1 -> SaBodies.decodeSa(b);
      case 2 -> SaBodies.decodeProposal(b);
      case 3 -> SaBodies.decodeTransform(b);
      case 4 -> new KePayload(b.rest());
      case 5 -> new IdPayload(b.u8("ID type"), b.u8("ID protocol"), b.u16("ID port"), b.rest());
      case 6 -> new CertPayload(b.u8("certificate encoding"), b.rest());
      case 7 -> new CertRequestPayload(b.u8("certificate type"), b.rest());
      case 8 -> new HashPayload(b.rest());
      case 9 -> new SigPayload(b.rest());
      case 10 -> new NoncePayload(b.rest());
      case 11 -> decodeNotify(b);
      case 12 -> decodeDelete(b);
      case 13 -> new VendorIdPayload(b.rest());
      case 15, 20, 130 -> new NatDPayload(type, b.rest());
      case 21, 131 -> decodeNatOa(type, b);
      default -> new UnknownPayload(type, b.rest());
    };
  }

  private static NotifyPayload decodeNotify(ByteReader b) {
    int doi = b.i32("notify DOI");
    int protocolId = b.u8("notify protocol");
    int spiSize = b.u8("notify SPI size");
    int notifyType = b.u16("notify message type");
    byte[] spi = b.bytes(spiSize, "notify SPI");
    return new NotifyPayload(doi, protocolId, spi, NotifyType.valueOf(notifyType), b.rest());
  }

  private static DeletePayload decodeDelete(ByteReader b) {
    int doi = b.i32("delete DOI");
    int protocolId = b.u8("delete protocol");
    int spiSize = b.u8("delete SPI size");
    int countAt = b.offset();
    int count = b.u16("delete # of SPIs");
    // compare in long: spiSize * count stays far below overflow, but say so rather than rely on it
    long needed = (long) spiSize * count;
    if (needed != b.remaining()) {
      throw b.failAt(countAt, "delete declares " + count + " SPIs of " + spiSize + " bytes (" + needed
          + " bytes) but " + b.remaining() + " bytes follow");
    }
    List<byte[]> spis = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      spis.add(b.bytes(spiSize, "delete SPI"));
    }
    return new DeletePayload(doi, protocolId, spiSize, spis);
  }

  private static NatOaPayload decodeNatOa(PayloadType type, ByteReader b) {
    int idType = b.u8("NAT-OA ID type");
    b.skip(3, "NAT-OA reserved");
    return new NatOaPayload(type, idType, b.rest());
  }

  /** Writes the body of {@code p} (no generic header). */
  static void encode(IsakmpPayload p, ByteWriter w) {
    if (p instanceof VendorIdPayload v) {
      w.bytes(v.data());
    } else if (p instanceof SaPayload sa) {
      SaBodies.encodeSa(sa, w);
    } else if (p instanceof ProposalPayload pp) {
      SaBodies.encodeProposal(pp, w);
    } else if (p instanceof TransformPayload t) {
      SaBodies.encodeTransform(t, w);
    } else if (p instanceof KePayload ke) {
      w.bytes(ke.data());
    } else if (p instanceof NoncePayload n) {
      w.bytes(n.data());
    } else if (p instanceof NatDPayload nd) {
      w.bytes(nd.hash());
    } else if (p instanceof HashPayload h) {
      w.bytes(h.data());
    } else if (p instanceof IdPayload id) {
      w.u8(id.idType()).u8(id.protocolId()).u16(id.port()).bytes(id.data());
    } else if (p instanceof NotifyPayload n) {
      w.i32(n.doi()).u8(n.protocolId()).u8(n.spi().length).u16(n.notifyType().value());
      w.bytes(n.spi()).bytes(n.data());
    } else {
      encodeRare(p, w);
    }
  }

  private static void encodeRare(IsakmpPayload p, ByteWriter w) {
    if (p instanceof DeletePayload d) {
      w.i32(d.doi()).u8(d.protocolId()).u8(d.spiSize()).u16(d.spis().size());
      for (byte[] spi : d.spis()) {
        w.bytes(spi);
      }
    } else if (p instanceof SigPayload s) {
      w.bytes(s.data());
    } else if (p instanceof CertPayload c) {
      w.u8(c.encoding()).bytes(c.data());
    } else if (p instanceof CertRequestPayload c) {
      w.u8(c.encoding()).bytes(c.data());
    } else if (p instanceof NatOaPayload oa) {
      w.u8(oa.idType()).zeros(3).bytes(oa.address());
    } else if (p instanceof UnknownPayload u) {
      w.bytes(u.body());
    } else {
      throw new IllegalArgumentException("no encoder for " + p.getClass().getSimpleName());
    }
  }
}
