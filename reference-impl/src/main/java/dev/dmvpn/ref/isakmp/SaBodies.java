package dev.dmvpn.ref.isakmp;

import dev.dmvpn.ref.bytes.ByteReader;
import dev.dmvpn.ref.bytes.ByteWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Bodies of the SA payload and its nested proposal and transform payloads, and the SA attributes inside a
 * transform (RFC 2408 sections 3.3-3.6).
 */
final class SaBodies {
  private SaBodies() {}

  static SaPayload decodeSa(ByteReader b) {
    int doi = b.i32("SA DOI");
    int situationAt = b.offset();
    int situation = b.i32("SA situation");
    if (doi == SaPayload.DOI_IPSEC && (situation & SaPayload.SIT_LABELED) != 0) {
      throw b.failAt(situationAt, "SA situation 0x" + Integer.toHexString(situation)
          + " asks for labeled-domain fields (secrecy/integrity), which are not supported");
    }
    List<IsakmpPayload> chain = PayloadChain.decodeNested(b, PayloadType.P.value(), "proposal");
    List<ProposalPayload> proposals = new ArrayList<>(chain.size());
    for (IsakmpPayload p : chain) {
      proposals.add((ProposalPayload) p); // the nested chain only admits type 2
    }
    return new SaPayload(doi, situation, proposals);
  }

  static ProposalPayload decodeProposal(ByteReader b) {
    int number = b.u8("proposal number");
    int protocolId = b.u8("proposal protocol");
    int spiSize = b.u8("proposal SPI size");
    int countAt = b.offset();
    int count = b.u8("proposal # of transforms");
    byte[] spi = b.bytes(spiSize, "proposal SPI");
    List<TransformPayload> transforms = new ArrayList<>(count);
    if (count > 0 || b.hasRemaining()) {
      for (IsakmpPayload t : PayloadChain.decodeNested(b, PayloadType.T.value(), "transform")) {
        transforms.add((TransformPayload) t); // the nested chain only admits type 3
      }
    }
    if (transforms.size() != count) {
      throw b.failAt(countAt, "proposal declares " + count + " transforms but carries " + transforms.size());
    }
    return new ProposalPayload(number, protocolId, spi, transforms);
  }

  static TransformPayload decodeTransform(ByteReader b) {
    int number = b.u8("transform number");
    int transformId = b.u8("transform id");
    b.skip(2, "transform reserved");
    List<DataAttribute> attributes = new ArrayList<>(8);
    while (b.hasRemaining()) {
      attributes.add(decodeAttribute(b));
    }
    return new TransformPayload(number, transformId, attributes);
  }

  /** One attribute; each consumes at least 4 bytes, so the caller's loop always progresses. */
  static DataAttribute decodeAttribute(ByteReader b) {
    int start = b.offset();
    int typeField = b.u16("attribute type");
    int type = typeField & 0x7FFF;
    if ((typeField & 0x8000) != 0) {
      return new DataAttribute(type, true, b.bytes(2, "attribute value"));
    }
    int length = b.u16("attribute length");
    if (length > b.remaining()) {
      throw b.failAt(start + 2, "attribute type " + type + " at " + start + ": length " + length
          + " exceeds the " + b.remaining() + " bytes left in the transform");
    }
    return new DataAttribute(type, false, b.bytes(length, "attribute value"));
  }

  static void encodeSa(SaPayload sa, ByteWriter w) {
    w.i32(sa.doi()).i32(sa.situation());
    PayloadChain.encode(sa.proposals(), w);
  }

  static void encodeProposal(ProposalPayload p, ByteWriter w) {
    w.u8(p.number()).u8(p.protocolId()).u8(p.spi().length).u8(p.transforms().size()).bytes(p.spi());
    PayloadChain.encode(p.transforms(), w);
  }

  static void encodeTransform(TransformPayload t, ByteWriter w) {
    w.u8(t.number()).u8(t.transformId()).u16(0);
    for (DataAttribute a : t.attributes()) {
      if (a.basic()) {
        w.u16(0x8000 | a.type()).bytes(a.value());
      } else {
        w.u16(a.type()).u16(a.value().length).bytes(a.value());
      }
    }
  }
}
