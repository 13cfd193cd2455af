package dev.dmvpn.harness.decode;

import dev.dmvpn.harness.json.JsonBytes;
import dev.dmvpn.harness.json.JsonName;
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
  private static final JsonName FRAME = JsonName.of("frame");
  private static final JsonName TIME = JsonName.of("time");
  private static final JsonName LEN = JsonName.of("len");
  private static final JsonName INNER_IP_SRC = JsonName.of("inner.ip.src");
  private static final JsonName INNER_IP_DST = JsonName.of("inner.ip.dst");
  private static final JsonName INNER_IP_PROTO = JsonName.of("inner.ip.proto");
  private static final JsonName IP_SRC = JsonName.of("ip.src");
  private static final JsonName IP_DST = JsonName.of("ip.dst");
  private static final JsonName IP_PROTO = JsonName.of("ip.proto");
  private static final JsonName IP_TTL = JsonName.of("ip.ttl");
  private static final JsonName IP_TOS = JsonName.of("ip.tos");
  private static final JsonName UDP_SRC_PORT = JsonName.of("udp.srcPort");
  private static final JsonName UDP_DST_PORT = JsonName.of("udp.dstPort");
  private static final JsonName GRE_KEY = JsonName.of("gre.key");
  private static final JsonName GRE_PROTOCOL_TYPE = JsonName.of("gre.protocolType");
  private static final JsonName ESP_SPI = JsonName.of("esp.spi");
  private static final JsonName ESP_SEQ = JsonName.of("esp.seq");
  private static final JsonName ESP_DECRYPTION = JsonName.of("esp.decryption");
  private static final JsonName ESP_NEXT_HEADER = JsonName.of("esp.nextHeader");
  private static final JsonName ERROR = JsonName.of("error");
  private static final JsonName LAYER = JsonName.of("layer");
  private static final JsonName OFFSET = JsonName.of("offset");
  private static final JsonName MESSAGE = JsonName.of("message");

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
    w.field(FRAME, f.number());
    w.name(TIME).epochSeconds(f.frame().timestampNanos());
    w.field(LEN, f.frame().originalLength());
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
      w.name(INNER_IP_SRC).ipv4(f.innerIpv4().source().bits());
      w.name(INNER_IP_DST).ipv4(f.innerIpv4().destination().bits());
      w.field(INNER_IP_PROTO, f.innerIpv4().protocol().value());
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
    w.name(IP_SRC).ipv4(ip.source().bits());
    w.name(IP_DST).ipv4(ip.destination().bits());
    w.field(IP_PROTO, ip.protocol().value());
    w.field(IP_TTL, ip.ttl());
    w.field(IP_TOS, ip.tos());
  }

  private static void udp(JsonBytes w, UdpDatagram u) {
    w.field(UDP_SRC_PORT, u.sourcePort());
    w.field(UDP_DST_PORT, u.destinationPort());
  }

  private static void gre(JsonBytes w, GrePacket g) {
    w.name(GRE_KEY).value(g.key());
    w.name(GRE_PROTOCOL_TYPE).hex("0x", g.protocolType().value(), 4);
  }

  private static void esp(JsonBytes w, DecodedFrame f) {
    EspPacket e = f.esp();
    w.name(ESP_SPI).hex("0x", e.spi() & 0xFFFFFFFFL, 8);
    w.field(ESP_SEQ, e.sequenceNumber());
    if (f.espDecryption() != null) {
      w.field(ESP_DECRYPTION, f.espDecryption());
      if (f.espNextHeader() >= 0) {
        w.field(ESP_NEXT_HEADER, f.espNextHeader());
      }
    }
  }

  private static void error(JsonBytes w, DecodeError e) {
    w.name(ERROR).beginObject();
    w.field(LAYER, e.layer());
    w.field(OFFSET, e.offset());
    w.field(MESSAGE, e.message());
    w.endObject();
  }
}
