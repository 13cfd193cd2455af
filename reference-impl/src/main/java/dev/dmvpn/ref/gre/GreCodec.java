package dev.dmvpn.ref.gre;

import dev.dmvpn.ref.bytes.ByteReader;
import dev.dmvpn.ref.bytes.ByteWriter;
import dev.dmvpn.ref.bytes.DecodeResult;
import dev.dmvpn.ref.bytes.InternetChecksum;

/**
 * Decodes and encodes {@link GrePacket}s (layer "gre"). Every version and flag combination decodes (RFC 1701
 * routing, version 1 acknowledgments, reserved bits are all kept); only a packet too short for the fields its
 * flags announce, or an RFC 1701 routing list without its terminating null SRE, is an error.
 */
public final class GreCodec {
  public static final String LAYER = "gre";
  /** Offset of the checksum field from the start of the GRE header. */
  public static final int OFFSET_CHECKSUM = 4;
  private static final int SRE_HEADER_LENGTH = 4;

  private GreCodec() {}

  public static DecodeResult<GrePacket> decode(ByteReader r) {
    return DecodeResult.guard(LAYER, r, () -> read(r));
  }

  /**
   * Writes the packet; with C set the checksum is recomputed over header and payload, and for version 1 the
   * key's payload-length half is set to the payload's length. Other fields are written as given.
   */
  public static void encode(GrePacket p, ByteWriter w) {
    GrePacket q = p;
    if (p.version() == 1 && p.key() != null) {
      long key = ((long) (p.payloadSlice().length() & 0xFFFF) << 16) | p.pptpCallId();
      q = new GrePacket(p.flagsAndVersion(), p.protocolType(), p.checksum(), p.reserved1(), key,
          p.sequenceNumber(), p.acknowledgmentNumber(), p.routing(), p.payloadSlice());
    }
    int start = w.position();
    writeVerbatim(q, w, q.checksumPresent() ? 0 : q.checksum());
    if (q.checksumPresent()) {
      int sum = InternetChecksum.compute(w.array(), start, w.position() - start);
      w.patchU16(start + OFFSET_CHECKSUM, sum);
    }
  }

  public static byte[] encode(GrePacket p) {
    ByteWriter w = new ByteWriter(p.headerLength() + p.payloadSlice().length());
    encode(p, w);
    return w.toByteArray();
  }

  /** Writes every field exactly as held in the record (no recomputation): for checksum verification. */
  static void writeVerbatim(GrePacket p, ByteWriter w) {
    writeVerbatim(p, w, p.checksum());
  }

  private static void writeVerbatim(GrePacket p, ByteWriter w, int checksum) {
    w.u16(p.flagsAndVersion()).u16(p.protocolType().value());
    if (p.checksumFieldPresent()) {
      w.u16(checksum).u16(p.reserved1());
    }
    if (p.key() != null) {
      w.u32(p.key());
    }
    if (p.sequenceNumber() != null) {
      w.u32(p.sequenceNumber());
    }
    if (p.acknowledgmentNumber() != null) {
      w.u32(p.acknowledgmentNumber());
    }
    w.bytes(p.routing()).bytes(p.payloadSlice());
  }

  private static GrePacket read(ByteReader r) {
    int flags = r.u16("flags and version");
    GreProtocolType type = GreProtocolType.valueOf(r.u16("protocol type"));
    int checksum = 0;
    int reserved1 = 0;
    if ((flags & (GrePacket.FLAG_CHECKSUM | GrePacket.FLAG_ROUTING)) != 0) {
      checksum = r.u16("checksum (C or R set)");
      reserved1 = r.u16("reserved1/offset (C or R set)");
    }
    Long key = (flags & GrePacket.FLAG_KEY) != 0 ? r.u32("key (K set)") : null;
    Long sequence = (flags & GrePacket.FLAG_SEQUENCE) != 0 ? r.u32("sequence number (S set)") : null;
    Long ack = GrePacket.ackFlagApplies(flags) ? r.u32("acknowledgment number (A set, version 1)") : null;
    byte[] routing = (flags & GrePacket.FLAG_ROUTING) != 0 ? readRouting(r) : GrePacket.EMPTY;
    return new GrePacket(flags, type, checksum, reserved1, key, sequence, ack, routing, r.restView());
  }

  /**
   * RFC 1701 source route entries: Address Family (2), SRE Offset (1), SRE Length (1), routing information;
   * the list ends with an SRE of family 0 and length 0. Each SRE consumes at least 4 bytes, so the loop is
   * bounded by the bytes left and a missing terminator ends in a truncation error.
   */
  private static byte[] readRouting(ByteReader r) {
    int start = r.arrayIndex();
    int length = 0;
    while (true) {
      int family = r.peekU8(0, "SRE address family") << 8 | r.peekU8(1, "SRE address family");
      int sreLength = r.peekU8(3, "SRE length");
      r.skip(SRE_HEADER_LENGTH + sreLength, "source route entry (" + sreLength + " bytes of routing data)");
      length += SRE_HEADER_LENGTH + sreLength;
      if (family == 0 && sreLength == 0) {
        break;
      }
    }
    byte[] out = new byte[length];
    System.arraycopy(r.array(), start, out, 0, length);
    return out;
  }
}
