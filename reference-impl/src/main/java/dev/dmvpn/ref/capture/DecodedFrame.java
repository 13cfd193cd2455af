package dev.dmvpn.ref.capture;

import dev.dmvpn.ref.bytes.DecodeError;
import dev.dmvpn.ref.esp.EspPacket;
import dev.dmvpn.ref.gre.GrePacket;
import dev.dmvpn.ref.isakmp.IsakmpMessage;
import dev.dmvpn.ref.isakmp.IsakmpPayload;
import dev.dmvpn.ref.l2l3.ArpPacket;
import dev.dmvpn.ref.l2l3.EthernetFrame;
import dev.dmvpn.ref.l2l3.IcmpPacket;
import dev.dmvpn.ref.l2l3.Ipv4Packet;
import dev.dmvpn.ref.l2l3.LinuxSll2Header;
import dev.dmvpn.ref.l2l3.LinuxSllHeader;
import dev.dmvpn.ref.l2l3.LoopbackHeader;
import dev.dmvpn.ref.l2l3.UdpDatagram;
import dev.dmvpn.ref.nhrp.NhrpPacket;
import java.util.List;

/**
 * One captured frame with every layer the {@link FrameDecoder} could decode. Layers absent from the frame are
 * {@code null}. When a layer fails, {@link #error()} says where and why, and every layer before it is still here.
 *
 * @param number 1-based frame number in the capture
 * @param frame the raw captured frame
 * @param ethernet Ethernet II header (with 802.1Q tags), for link type ethernet
 * @param sll Linux cooked capture header, for link type linux-sll
 * @param sll2 Linux cooked capture v2 header, for link type linux-sll2
 * @param loopback BSD loopback header, for link types null and loop
 * @param arp ARP packet
 * @param ipv4 the outer IPv4 packet
 * @param icmp ICMP message: the outer one, or the one inside a GRE-tunnelled IPv4 packet
 * @param udp UDP datagram
 * @param gre GRE header
 * @param innerIpv4 IPv4 packet carried inside GRE (protocol type 0x0800)
 * @param nhrp NHRP packet (in GRE 0x2001, or directly over IP protocol 54)
 * @param isakmp ISAKMP message (UDP 500, or UDP 4500 after the non-ESP marker)
 * @param natT true when the frame is on UDP 4500 (RFC 3948 framing)
 * @param natKeepalive true for a NAT-T keepalive (a single 0xFF byte on UDP 4500)
 * @param esp ESP packet (IP protocol 50, or ESP-in-UDP on 4500)
 * @param espDecryption with keys: "ok" (authenticated), "unverified" (no auth key), "dropped: REASON", or
 *     "no key"; {@code null} without keys. When decrypted, the inner layers (gre, nhrp, innerIpv4, icmp) are
 *     filled from the ESP payload and error offsets inside it count from the payload's first byte.
 * @param espNextHeader the decrypted ESP trailer's Next Header (47 GRE, 4 IPv4), or -1
 * @param isakmpDecrypted with keys: the payloads of an encrypted ISAKMP message, else {@code null}
 * @param error why decoding stopped early, or {@code null}
 */
public record DecodedFrame(
    long number,
    CapturedFrame frame,
    EthernetFrame ethernet,
    LinuxSllHeader sll,
    LinuxSll2Header sll2,
    LoopbackHeader loopback,
    ArpPacket arp,
    Ipv4Packet ipv4,
    IcmpPacket icmp,
    UdpDatagram udp,
    GrePacket gre,
    Ipv4Packet innerIpv4,
    NhrpPacket nhrp,
    IsakmpMessage isakmp,
    boolean natT,
    boolean natKeepalive,
    EspPacket esp,
    String espDecryption,
    int espNextHeader,
    List<IsakmpPayload> isakmpDecrypted,
    DecodeError error) {

  public boolean ok() {
    return error == null;
  }
}
