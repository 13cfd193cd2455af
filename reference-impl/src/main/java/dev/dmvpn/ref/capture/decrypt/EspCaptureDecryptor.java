package dev.dmvpn.ref.capture.decrypt;

import dev.dmvpn.ref.capture.FrameDecryptor.EspPlaintext;
import dev.dmvpn.ref.capture.keys.WiresharkEspSa;
import dev.dmvpn.ref.crypto.RandomSource;
import dev.dmvpn.ref.esp.EspCodec;
import dev.dmvpn.ref.esp.EspPacket;
import dev.dmvpn.ref.ipsec.EspMode;
import dev.dmvpn.ref.ipsec.EspOpenResult;
import dev.dmvpn.ref.ipsec.EspProcessor;
import dev.dmvpn.ref.ipsec.EspSa;
import dev.dmvpn.ref.ipsec.EspSaParameters;
import dev.dmvpn.ref.l2l3.Ipv4Packet;
import dev.dmvpn.ref.time.Clock;
import java.util.List;

/**
 * Opens the ESP packets of a capture with {@code esp_sa} rows, matched by SPI and addresses ("*" matches any).
 *
 * <p>Each packet is opened with a fresh SA: a capture may hold retransmissions and several SAs' packets out of
 * order, which a live SA's replay window would rightly refuse; analysing a capture is not receiving.
 */
final class EspCaptureDecryptor {
  private final List<WiresharkEspSa> rows;
  private final EspProcessor processor = new EspProcessor(RandomSource.secure());

  EspCaptureDecryptor(List<WiresharkEspSa> rows) {
    this.rows = rows;
  }

  EspPlaintext open(Ipv4Packet outer, EspPacket esp) {
    WiresharkEspSa row = find(outer, esp.spi());
    if (row == null) {
      return EspPlaintext.none("no key");
    }
    EspSaParameters params;
    try {
      params = row.toParameters(EspMode.TRANSPORT);
    } catch (IllegalArgumentException e) {
      return EspPlaintext.none("unsupported: " + e.getMessage());
    }
    byte[] bytes = EspCodec.encode(esp);
    EspOpenResult r = processor.open(new EspSa(params, Clock.system()), bytes);
    return switch (r.status()) {
      case DELIVERED -> new EspPlaintext("ok", r.nextHeader(), r.buffer(), r.payloadOffset(), r.payloadLength());
      case DECRYPTED_UNVERIFIED ->
          new EspPlaintext("unverified", r.nextHeader(), r.buffer(), r.payloadOffset(), r.payloadLength());
      case DROPPED -> EspPlaintext.none("dropped: " + r.dropReason());
    };
  }

  private WiresharkEspSa find(Ipv4Packet outer, int spi) {
    for (WiresharkEspSa row : rows) {
      if (row.spi() == spi && "IPv4".equals(row.protocol())
          && matches(row.source(), outer.source().toString())
          && matches(row.destination(), outer.destination().toString())) {
        return row;
      }
    }
    return null;
  }

  private static boolean matches(String pattern, String address) {
    return "*".equals(pattern) || pattern.equals(address);
  }
}
