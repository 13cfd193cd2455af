package dev.dmvpn.harness.demo;

import dev.dmvpn.ref.bytes.Ipv4Address;
import dev.dmvpn.ref.esp.EspCodec;
import dev.dmvpn.ref.esp.EspPacket;
import dev.dmvpn.ref.gre.GreCodec;
import dev.dmvpn.ref.gre.GrePacket;
import dev.dmvpn.ref.gre.GreProtocolType;
import dev.dmvpn.ref.isakmp.IsakmpCodec;
import dev.dmvpn.ref.isakmp.IsakmpMessage;
import dev.dmvpn.ref.l2l3.EtherType;
import dev.dmvpn.ref.l2l3.EthernetCodec;
import dev.dmvpn.ref.l2l3.EthernetFrame;
import dev.dmvpn.ref.l2l3.IpProtocol;
import dev.dmvpn.ref.l2l3.Ipv4Codec;
import dev.dmvpn.ref.l2l3.Ipv4Packet;
import dev.dmvpn.ref.l2l3.MacAddress;
import dev.dmvpn.ref.l2l3.UdpCodec;
import dev.dmvpn.ref.l2l3.UdpDatagram;
import dev.dmvpn.ref.nhrp.NhrpCodec;
import dev.dmvpn.ref.nhrp.NhrpPacket;
import java.util.List;

/**
 * Wraps protocol units into whole Ethernet frames the way IOS sends them on the public side: NHRP in GRE (outer
 * IP TOS 0xC0, TTL 255, protocol-notes 1), ISAKMP in UDP 500, ESP as IP protocol 50.
 */
public final class WireFrames {
  /** IOS sends NHRP with TOS 0xC0 (CS6) and TTL 255 (every IOS capture). */
  private static final int IOS_CONTROL_TOS = 0xC0;
  private static final int TTL = 255;

  private WireFrames() {}

  public static byte[] nhrpInGre(
      MacAddress srcMac, MacAddress dstMac, Ipv4Address src, Ipv4Address dst, Long greKey, NhrpPacket p, int ipId) {
    byte[] gre = GreCodec.encode(GrePacket.of(GreProtocolType.NHRP, greKey, NhrpCodec.encode(p)));
    return ethernet(srcMac, dstMac, Ipv4Packet.of(IpProtocol.GRE, src, dst, IOS_CONTROL_TOS, TTL, ipId, false, gre));
  }

  public static byte[] isakmp(
      MacAddress srcMac, MacAddress dstMac, Ipv4Address src, Ipv4Address dst, IsakmpMessage m, int ipId) {
    byte[] udp = UdpCodec.encode(UdpDatagram.of(500, 500, IsakmpCodec.encode(m)), src, dst);
    return ethernet(srcMac, dstMac, Ipv4Packet.of(IpProtocol.UDP, src, dst, IOS_CONTROL_TOS, TTL, ipId, false, udp));
  }

  public static byte[] esp(
      MacAddress srcMac, MacAddress dstMac, Ipv4Address src, Ipv4Address dst, EspPacket e, int ipId) {
    byte[] esp = EspCodec.encode(e);
    return ethernet(srcMac, dstMac, Ipv4Packet.of(IpProtocol.ESP, src, dst, 0, TTL, ipId, false, esp));
  }

  private static byte[] ethernet(MacAddress srcMac, MacAddress dstMac, Ipv4Packet ip) {
    return EthernetCodec.encode(
        new EthernetFrame(dstMac, srcMac, List.of(), EtherType.IPV4, Ipv4Codec.encode(ip)));
  }
}
