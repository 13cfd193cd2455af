package dev.dmvpn.ref.l2l3;

import dev.dmvpn.ref.bytes.ByteReader;
import dev.dmvpn.ref.bytes.ByteWriter;
import dev.dmvpn.ref.bytes.DecodeResult;

/** Decodes and encodes {@link LinuxSll2Header} (layer "sll2"); decoding leaves the reader at the payload. */
public final class LinuxSll2Codec {
  public static final String LAYER = "sll2";

  private LinuxSll2Codec() {}

  public static DecodeResult<LinuxSll2Header> decode(ByteReader r) {
    return DecodeResult.guard(LAYER, r, () -> {
      EtherType proto = EtherType.valueOf(r.u16("protocol type"));
      int reserved = r.u16("reserved");
      long index = r.u32("interface index");
      HardwareType hrd = HardwareType.valueOf(r.u16("ARPHRD type"));
      SllPacketType type = SllPacketType.valueOf(r.u8("packet type"));
      int addrLen = r.u8("link-layer address length");
      byte[] addr = r.bytes(LinuxSllHeader.ADDRESS_FIELD_LENGTH, "link-layer address");
      return new LinuxSll2Header(proto, reserved, index, hrd, type, addrLen, addr);
    });
  }

  public static void encode(LinuxSll2Header h, ByteWriter w) {
    w.u16(h.protocol().value()).u16(h.reserved()).u32(h.interfaceIndex()).u16(h.hardwareType().value());
    w.u8(h.packetType().value()).u8(h.addressLength()).bytes(h.address());
  }

  public static byte[] encode(LinuxSll2Header h) {
    ByteWriter w = new ByteWriter(LinuxSll2Header.LENGTH);
    encode(h, w);
    return w.toByteArray();
  }
}
