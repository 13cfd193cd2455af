package dev.dmvpn.ref.capture;

import dev.dmvpn.ref.bytes.ByteReader;
import dev.dmvpn.ref.bytes.DecodeError;
import dev.dmvpn.ref.bytes.DecodeResult;
import dev.dmvpn.ref.esp.EspCodec;
import dev.dmvpn.ref.esp.EspPacket;
import dev.dmvpn.ref.esp.NatTFraming;
import dev.dmvpn.ref.esp.NatTPayload;
import dev.dmvpn.ref.gre.GreCodec;
import dev.dmvpn.ref.gre.GrePacket;
import dev.dmvpn.ref.gre.GreProtocolType;
import dev.dmvpn.ref.isakmp.IsakmpCodec;
import dev.dmvpn.ref.isakmp.IsakmpMessage;
import dev.dmvpn.ref.isakmp.IsakmpPayload;
import dev.dmvpn.ref.l2l3.ArpCodec;
import dev.dmvpn.ref.l2l3.ArpPacket;
import dev.dmvpn.ref.l2l3.BsdAddressFamily;
import dev.dmvpn.ref.l2l3.EtherType;
import dev.dmvpn.ref.l2l3.EthernetCodec;
import dev.dmvpn.ref.l2l3.EthernetFrame;
import dev.dmvpn.ref.l2l3.IcmpCodec;
import dev.dmvpn.ref.l2l3.IcmpPacket;
import dev.dmvpn.ref.l2l3.IpProtocol;
import dev.dmvpn.ref.l2l3.Ipv4Codec;
import dev.dmvpn.ref.l2l3.Ipv4Packet;
import dev.dmvpn.ref.l2l3.LinuxSll2Codec;
import dev.dmvpn.ref.l2l3.LinuxSll2Header;
import dev.dmvpn.ref.l2l3.LinuxSllCodec;
import dev.dmvpn.ref.l2l3.LinuxSllHeader;
import dev.dmvpn.ref.l2l3.LoopbackCodec;
import dev.dmvpn.ref.l2l3.LoopbackHeader;
import dev.dmvpn.ref.l2l3.UdpCodec;
import dev.dmvpn.ref.l2l3.UdpDatagram;
import dev.dmvpn.ref.nhrp.NhrpCodec;
import dev.dmvpn.ref.nhrp.NhrpPacket;
import java.util.List;

/**
 * Layers the protocol codecs over one captured frame: link (Ethernet II, Linux SLL v1/v2, BSD loopback NULL/LOOP,
 * raw IP as LINKTYPE 12, 14, 101 or 228) -> ARP | IPv4 -> ICMP | UDP
 * (500: ISAKMP, 4500: RFC 3948 NAT-T framing) | GRE (0x2001 NHRP, 0x0800 IPv4) | ESP | NHRP over IP.
 *
 * <p>Never throws: the first layer that fails ends the walk with a {@link DecodeError}, and the layers decoded
 * before it stay in the result. Non-first IPv4 fragments are not reassembled; their payload is left undecoded.
 * Stateless and thread-safe.
 */
public final class FrameDecoder {
  public static final int ISAKMP_PORT = 500;
  public static final int NAT_T_PORT = 4500;
  /** Layer named in the error of a frame whose link type is not decoded. */
  public static final String LINK_LAYER = "link";
  /** ESP Next Header for a tunnelled IPv4 packet (IP-in-IP, protocol 4). */
  private static final int IPV4_IN_IP = 4;

  private FrameDecoder() {}

  public static DecodedFrame decode(long number, CapturedFrame frame) {
    return decode(number, frame, null);
  }

  /**
   * Decodes with {@code decryptor} (may be null) opening ESP and encrypted ISAKMP; the decryptor keeps state
   * across the frames of one capture (IKE IVs), so frames must be passed in capture order.
   */
  public static DecodedFrame decode(long number, CapturedFrame frame, FrameDecryptor decryptor) {
    Walk w = new Walk(number, frame, decryptor);
    try {
      w.link();
      w.decrypt();
    } catch (RuntimeException e) {
      // a codec bug must not take the capture down: report it against the frame instead
      w.error = new DecodeError("frame", 0, "internal: " + e);
    }
    return w.result();
  }

  /** Mutable scratch state for one frame; becomes an immutable {@link DecodedFrame}. */
  private static final class Walk {
    final long number;
    final CapturedFrame frame;
    final FrameDecryptor decryptor;
    /** the buffer layers are read from: the frame, then a decrypted ESP payload */
    byte[] data;
    EthernetFrame ethernet;
    LinuxSllHeader sll;
    LinuxSll2Header sll2;
    LoopbackHeader loopback;
    ArpPacket arp;
    Ipv4Packet ipv4;
    IcmpPacket icmp;
    UdpDatagram udp;
    GrePacket gre;
    Ipv4Packet innerIpv4;
    NhrpPacket nhrp;
    IsakmpMessage isakmp;
    boolean natT;
    boolean natKeepalive;
    EspPacket esp;
    String espDecryption;
    int espNextHeader = -1;
    List<IsakmpPayload> isakmpDecrypted;
    DecodeError error;

    Walk(long number, CapturedFrame frame, FrameDecryptor decryptor) {
      this.number = number;
      this.frame = frame;
      this.data = frame.data();
      this.decryptor = decryptor;
    }

    DecodedFrame result() {
      return new DecodedFrame(number, frame, ethernet, sll, sll2, loopback, arp, ipv4, icmp, udp, gre, innerIpv4, nhrp, isakmp,
          natT, natKeepalive, esp, espDecryption, espNextHeader, isakmpDecrypted, error);
    }

    void decrypt() {
      if (decryptor == null || error != null || ipv4 == null) {
        return;
      }
      if (isakmp != null && isakmp.encrypted()) {
        DecodeResult<List<IsakmpPayload>> r = decryptor.openIsakmp(isakmp);
        if (r != null) {
          isakmpDecrypted = take(r);
        }
      } else if (isakmp != null) {
        decryptor.observeIsakmp(isakmp);
      } else if (esp != null) {
        FrameDecryptor.EspPlaintext p = decryptor.openEsp(ipv4, esp);
        espDecryption = p.status();
        if (p.buffer() != null) {
          espNextHeader = p.nextHeader();
          data = p.buffer();
          espPayload(p.offset(), p.length());
        }
      }
    }

    /** The layers inside a decrypted ESP payload: GRE (transport mode) or IPv4 (tunnel mode; GRE after it). */
    void espPayload(int off, int len) {
      ByteReader r = ByteReader.of(data, off, len);
      if (espNextHeader == IpProtocol.GRE.value()) {
        gre = take(GreCodec.decode(r));
        if (gre != null) {
          grePayload(off + gre.headerLength());
        }
      } else if (espNextHeader == IPV4_IN_IP) {
        Ipv4Packet tunnelled = take(Ipv4Codec.decode(r));
        if (tunnelled == null || tunnelled.fragmentOffset() != 0) {
          innerIpv4 = tunnelled;
        } else if (tunnelled.protocol().value() == IpProtocol.GRE.value()) {
          // DMVPN in tunnel mode (no 'mode transport'): the inner header repeats the NBMA pair, GRE follows
          int greOff = off + tunnelled.headerLength();
          gre = take(GreCodec.decode(ByteReader.of(data, greOff, tunnelled.payloadSlice().length())));
          if (gre != null) {
            grePayload(greOff + gre.headerLength());
          }
        } else {
          innerIpv4 = tunnelled;
          transport(innerIpv4, off + innerIpv4.headerLength(), true);
        }
      }
    }

    void link() {
      LinkType type = frame.linkType();
      ByteReader r = ByteReader.of(data);
      switch (type.value()) { // int cases: this runs once per frame
        case 1 -> {
          ethernet = take(EthernetCodec.decode(r));
          if (ethernet != null) {
            network(ethernet.etherType().value(), ethernet.headerLength());
          }
        }
        case 113 -> {
          sll = take(LinuxSllCodec.decode(r));
          if (sll != null) {
            network(sll.protocol().value(), LinuxSllHeader.LENGTH);
          }
        }
        case 276 -> {
          sll2 = take(LinuxSll2Codec.decode(r));
          if (sll2 != null) {
            network(sll2.protocol().value(), LinuxSll2Header.LENGTH);
          }
        }
        case 0, 108 -> {
          loopback = take(type.value() == 0 ? LoopbackCodec.decodeNull(r) : LoopbackCodec.decodeLoop(r));
          if (loopback != null) {
            network(loopback.family().equals(BsdAddressFamily.INET) ? EtherType.IPV4.value()
                : loopback.family().isIpv6() ? EtherType.IPV6.value() : -1, LoopbackHeader.LENGTH);
          }
        }
        case 12, 14, 101, 228 -> rawIp();
        default -> error = new DecodeError(LINK_LAYER, 0, "link type " + type.value() + " (" + type.name()
            + ") is not decoded (known: ethernet 1, linux-sll 113, linux-sll2 276, null 0, loop 108,"
            + " raw 12/14/101, ipv4 228)");
      }
    }

    /** Raw IP: the version nibble says IPv4 or IPv6 (only IPv4 is decoded further). */
    void rawIp() {
      int version = data.length == 0 ? -1 : (data[0] & 0xFF) >>> 4;
      if (version == 6 && !frame.linkType().equals(LinkType.IPV4)) {
        network(EtherType.IPV6.value(), 0);
      } else {
        network(EtherType.IPV4.value(), 0);
      }
    }

    void network(int etherType, int off) {
      ByteReader r = ByteReader.of(data, off, data.length - off);
      if (etherType == EtherType.ARP.value()) {
        arp = take(ArpCodec.decode(r));
      } else if (etherType == EtherType.IPV4.value()) {
        ipv4 = take(Ipv4Codec.decode(r));
        if (ipv4 != null && ipv4.fragmentOffset() == 0) {
          transport(ipv4, off + ipv4.headerLength(), false);
        }
      }
    }

    void transport(Ipv4Packet ip, int off, boolean inner) {
      int proto = ip.protocol().value();
      ByteReader r = ByteReader.of(data, off, ip.payloadSlice().length());
      if (proto == IpProtocol.UDP.value() && !inner) {
        udp = take(UdpCodec.decode(r));
        if (udp != null) {
          udpPayload(off + 8);
        }
      } else if (proto == IpProtocol.GRE.value() && !inner) {
        gre = take(GreCodec.decode(r));
        if (gre != null) {
          grePayload(off + gre.headerLength());
        }
      } else if (proto == IpProtocol.ESP.value() && !inner) {
        esp = take(EspCodec.decode(r));
      } else if (proto == IpProtocol.ICMP.value()) {
        icmp = take(IcmpCodec.decode(r));
      } else if (proto == IpProtocol.NHRP.value() && !inner) {
        nhrp = take(NhrpCodec.decode(r));
      }
    }

    void udpPayload(int off) {
      int sport = udp.sourcePort();
      int dport = udp.destinationPort();
      ByteReader r = ByteReader.of(data, off, udp.payloadSlice().length());
      if (sport == NAT_T_PORT || dport == NAT_T_PORT) {
        natT = true;
        NatTPayload p = take(NatTFraming.classify(r));
        if (p instanceof NatTPayload.Ike ike) {
          isakmp = take(IsakmpCodec.decode(ike.reader()));
        } else if (p instanceof NatTPayload.Esp e) {
          esp = e.packet();
        } else if (p instanceof NatTPayload.Keepalive) {
          natKeepalive = true;
        }
      } else if (sport == ISAKMP_PORT || dport == ISAKMP_PORT) {
        isakmp = take(IsakmpCodec.decode(r));
      }
    }

    void grePayload(int off) {
      int type = gre.protocolType().value();
      ByteReader r = ByteReader.of(data, off, gre.payloadSlice().length());
      if (type == GreProtocolType.NHRP.value()) {
        nhrp = take(NhrpCodec.decode(r));
      } else if (type == GreProtocolType.IPV4.value()) {
        innerIpv4 = take(Ipv4Codec.decode(r));
        if (innerIpv4 != null && innerIpv4.fragmentOffset() == 0) {
          transport(innerIpv4, off + innerIpv4.headerLength(), true);
        }
      }
    }

    /** The value of a layer's result, or null after recording its error. */
    <T> T take(DecodeResult<T> result) {
      if (result.isOk()) {
        return result.value();
      }
      error = result.error();
      return null;
    }
  }
}
