package dev.dmvpn.ref.eigrp;

import dev.dmvpn.ref.bytes.ByteReader;
import dev.dmvpn.ref.bytes.ByteWriter;
import dev.dmvpn.ref.bytes.DecodeResult;
import dev.dmvpn.ref.bytes.InternetChecksum;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes and encodes {@link EigrpPacket}s (layer "eigrp"). The checksum is the Internet checksum over the whole
 * EIGRP packet with the checksum field zero (RFC 7868 section 6.4); decoding keeps the received value and
 * {@link #checksumValid} checks it. Unknown TLV types are kept as {@link UnknownTlv}.
 */
public final class EigrpCodec {
  public static final String LAYER = "eigrp";
  public static final int OFFSET_CHECKSUM = 2;

  private EigrpCodec() {}

  public static DecodeResult<EigrpPacket> decode(ByteReader r) {
    return DecodeResult.guard(LAYER, r, () -> read(r));
  }

  /** True when the bytes' checksum field matches their content. */
  public static boolean checksumValid(byte[] packet) {
    return packet.length >= EigrpPacket.HEADER_LENGTH && InternetChecksum.verify(packet, 0, packet.length);
  }

  /** Writes the packet with its checksum recomputed; TLV lengths come from their content. */
  public static byte[] encode(EigrpPacket p) {
    ByteWriter w = new ByteWriter(EigrpPacket.HEADER_LENGTH + 32 * p.tlvs().size());
    w.u8(p.version()).u8(p.opcode().value()).u16(0).u32(p.flags()).u32(p.sequence()).u32(p.ack())
        .u16(p.virtualRouterId()).u16(p.asNumber());
    for (EigrpTlv t : p.tlvs()) {
      EigrpTlvCodec.write(t, w);
    }
    w.patchU16(OFFSET_CHECKSUM, InternetChecksum.compute(w.array(), 0, w.position()));
    return w.toByteArray();
  }

  private static EigrpPacket read(ByteReader r) {
    int version = r.u8("version");
    EigrpOpcode opcode = EigrpOpcode.valueOf(r.u8("opcode"));
    int checksum = r.u16("checksum");
    long flags = r.u32("flags");
    long sequence = r.u32("sequence");
    long ack = r.u32("acknowledgment");
    int vrid = r.u16("virtual router id");
    int as = r.u16("autonomous system");
    List<EigrpTlv> tlvs = new ArrayList<>();
    while (r.hasRemaining()) {
      tlvs.add(EigrpTlvCodec.read(r));
    }
    return new EigrpPacket(version, opcode, checksum, flags, sequence, ack, vrid, as, tlvs);
  }
}
