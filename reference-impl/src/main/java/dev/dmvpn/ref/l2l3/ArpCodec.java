package dev.dmvpn.ref.l2l3;

import dev.dmvpn.ref.bytes.ByteReader;
import dev.dmvpn.ref.bytes.ByteWriter;
import dev.dmvpn.ref.bytes.DecodeResult;

/**
 * Decodes and encodes {@link ArpPacket}s (layer "arp"). Reads exactly the bytes the length fields announce, so
 * the Ethernet padding after a 28-byte Ethernet/IPv4 ARP is left in the reader.
 */
public final class ArpCodec {
  public static final String LAYER = "arp";

  private ArpCodec() {}

  public static DecodeResult<ArpPacket> decode(ByteReader r) {
    return DecodeResult.guard(LAYER, r, () -> read(r));
  }

  public static void encode(ArpPacket p, ByteWriter w) {
    w.u16(p.hardwareType().value()).u16(p.protocolType().value());
    w.u8(p.hardwareLength()).u8(p.protocolLength()).u16(p.operation().value());
    w.bytes(p.senderHardwareAddress()).bytes(p.senderProtocolAddress());
    w.bytes(p.targetHardwareAddress()).bytes(p.targetProtocolAddress());
  }

  public static byte[] encode(ArpPacket p) {
    ByteWriter w = new ByteWriter(p.length());
    encode(p, w);
    return w.toByteArray();
  }

  private static ArpPacket read(ByteReader r) {
    HardwareType hrd = HardwareType.valueOf(r.u16("hardware type"));
    EtherType pro = EtherType.valueOf(r.u16("protocol type"));
    int hln = r.u8("hardware address length");
    int pln = r.u8("protocol address length");
    ArpOperation op = ArpOperation.valueOf(r.u16("operation"));
    byte[] sha = r.bytes(hln, "sender hardware address");
    byte[] spa = r.bytes(pln, "sender protocol address");
    byte[] tha = r.bytes(hln, "target hardware address");
    byte[] tpa = r.bytes(pln, "target protocol address");
    return new ArpPacket(hrd, pro, op, sha, spa, tha, tpa);
  }
}
