package dev.dmvpn.ref.l2l3;

import dev.dmvpn.ref.bytes.ByteReader;
import dev.dmvpn.ref.bytes.ByteWriter;
import dev.dmvpn.ref.bytes.DecodeResult;

/**
 * Decodes and encodes {@link LinuxSllHeader} (layer "sll"). Decoding reads only the 16 header bytes and leaves
 * the reader at the payload, so the next layer decodes from the same reader with frame offsets intact.
 */
public final class LinuxSllCodec {
  public static final String LAYER = "sll";

  private LinuxSllCodec() {}

  public static DecodeResult<LinuxSllHeader> decode(ByteReader r) {
    return DecodeResult.guard(LAYER, r, () -> {
      SllPacketType type = SllPacketType.valueOf(r.u16("packet type"));
      HardwareType hrd = HardwareType.valueOf(r.u16("ARPHRD type"));
      int addrLen = r.u16("link-layer address length");
      byte[] addr = r.bytes(LinuxSllHeader.ADDRESS_FIELD_LENGTH, "link-layer address");
      EtherType proto = EtherType.valueOf(r.u16("protocol type"));
      return new LinuxSllHeader(type, hrd, addrLen, addr, proto);
    });
  }

  public static void encode(LinuxSllHeader h, ByteWriter w) {
    w.u16(h.packetType().value()).u16(h.hardwareType().value()).u16(h.addressLength());
    w.bytes(h.address()).u16(h.protocol().value());
  }

  public static byte[] encode(LinuxSllHeader h) {
    ByteWriter w = new ByteWriter(LinuxSllHeader.LENGTH);
    encode(h, w);
    return w.toByteArray();
  }
}
