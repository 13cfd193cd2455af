package dev.dmvpn.harness.decode;

import dev.dmvpn.harness.json.JsonWriter;
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
    JsonWriter w = new JsonWriter(out).beginObject();
    w.field("frame", f.number());
    w.name("time").rawNumber(epochSeconds(f.frame().timestampNanos()));
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
      w.field("inner.ip.src", f.innerIpv4().source().toString());
      w.field("inner.ip.dst", f.innerIpv4().destination().toString());
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

  /** Epoch seconds with nine decimals, as tshark's frame.time_epoch prints them. */
  static String epochSeconds(long nanos) {
    long sec = Math.floorDiv(nanos, 1_000_000_000L);
    long frac = Math.floorMod(nanos, 1_000_000_000L);
    String f = Long.toString(frac);
    return sec + "." + "000000000".substring(f.length()) + f;
  }

  private static void ip(JsonWriter w, Ipv4Packet ip) {
    w.field("ip.src", ip.source().toString());
    w.field("ip.dst", ip.destination().toString());
    w.field("ip.proto", ip.protocol().value());
    w.field("ip.ttl", ip.ttl());
    w.field("ip.tos", ip.tos());
  }

  private static void udp(JsonWriter w, UdpDatagram u) {
    w.field("udp.srcPort", u.sourcePort());
    w.field("udp.dstPort", u.destinationPort());
  }

  private static void gre(JsonWriter w, GrePacket g) {
    w.name("gre.key").value(g.key());
    w.field("gre.protocolType", hex16(g.protocolType().value()));
  }

  private static void esp(JsonWriter w, DecodedFrame f) {
    EspPacket e = f.esp();
    w.field("esp.spi", "0x" + hex(e.spi() & 0xFFFFFFFFL, 8));
    w.field("esp.seq", e.sequenceNumber());
    if (f.espDecryption() != null) {
      w.field("esp.decryption", f.espDecryption());
      if (f.espNextHeader() >= 0) {
        w.field("esp.nextHeader", f.espNextHeader());
      }
    }
  }

  private static void error(JsonWriter w, DecodeError e) {
    w.name("error").beginObject();
    w.field("layer", e.layer());
    w.field("offset", e.offset());
    w.field("message", e.message());
    w.endObject();
  }

  static String hex16(int v) {
    return "0x" + hex(v, 4);
  }

  static String hex(long v, int digits) {
    String s = Long.toHexString(v);
    return s.length() >= digits ? s : "0".repeat(digits - s.length()) + s;
  }
}
