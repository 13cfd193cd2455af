package dev.dmvpn.harness.decode;

import dev.dmvpn.harness.json.JsonBytes;
import dev.dmvpn.ref.bytes.DecodeError;
import dev.dmvpn.ref.capture.DecodedFrame;
import dev.dmvpn.ref.esp.EspPacket;
import dev.dmvpn.ref.gre.GrePacket;
import dev.dmvpn.ref.l2l3.Ipv4Packet;
import dev.dmvpn.ref.l2l3.UdpDatagram;

/**
 * One decoded frame as one JSON object: the field names of the {@code decode} command (ARCHITECTURE.md,
 * "Decode output"). Tools and tests rely on these names; add fields, never rename them.
 */
public final class FrameJson {
  private FrameJson() {}

  /** Appends the frame's JSON object (no newline) to {@code out}. */
  public static void write(DecodedFrame f, StringBuilder out) {
    JsonBytes w = new JsonBytes(1024);
    write(f, w);
    out.append(w);
  }

  /** Appends the frame's JSON object (no newline) to {@code w}: the decode command's fast path. */
  public static void write(DecodedFrame f, JsonBytes w) {
    w.beginObject();
    w.field("frame", f.number());
    w.name("time").epochSeconds(f.frame().timestampNanos());
    w.field("len", f.frame().originalLength());
    if (f.ipv4() != null) {
      ip(w, f.ipv4());
    }
    if (f.udp() != null) {
      udp(w, f.udp());
    }
    if (f.gre() != null) {
      gre(w, f.gre());
    }
    if (f.innerIpv4() != null) {
      w.name("inner.ip.src").ipv4(f.innerIpv4().source().bits());
      w.name("inner.ip.dst").ipv4(f.innerIpv4().destination().bits());
      w.field("inner.ip.proto", f.innerIpv4().protocol().value());
    }
    if (f.nhrp() != null) {
      NhrpJson.write(w, f.nhrp());
    }
    if (f.isakmp() != null || f.natT()) {
      IsakmpJson.write(w, f.isakmp(), f.isakmpDecrypted(), f.natT());
    }
    if (f.esp() != null) {
      esp(w, f);
    }
    if (f.error() != null) {
      error(w, f.error());
    }
    w.endObject();
  }

  private static void ip(JsonBytes w, Ipv4Packet ip) {
    w.name("ip.src").ipv4(ip.source().bits());
    w.name("ip.dst").ipv4(ip.destination().bits());
    w.field("ip.proto", ip.protocol().value());
    w.field("ip.ttl", ip.ttl());
    w.field("ip.tos", ip.tos());
  }

  private static void udp(JsonBytes w, UdpDatagram u) {
    w.field("udp.srcPort", u.sourcePort());
    w.field("udp.dstPort", u.destinationPort());
  }

  private static void gre(JsonBytes w, GrePacket g) {
    w.name("gre.key").value(g.key());
    w.name("gre.protocolType").hex("0x", g.protocolType().value(), 4);
  }

  private static void esp(JsonBytes w, DecodedFrame f) {
    EspPacket e = f.esp();
    w.name("esp.spi").hex("0x", e.spi() & 0xFFFFFFFFL, 8);
    w.field("esp.seq", e.sequenceNumber());
    if (f.espDecryption() != null) {
      w.field("esp.decryption", f.espDecryption());
      if (f.espNextHeader() >= 0) {
        w.field("esp.nextHeader", f.espNextHeader());
      }
    }
  }

  private static void error(JsonBytes w, DecodeError e) {
    w.name("error").beginObject();
    w.field("layer", e.layer());
    w.field("offset", e.offset());
    w.field("message", e.message());
    w.endObject();
  }
}
