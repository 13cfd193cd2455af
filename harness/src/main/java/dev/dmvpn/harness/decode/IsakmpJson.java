package dev.dmvpn.harness.decode;

import dev.dmvpn.harness.json.JsonBytes;
import dev.dmvpn.harness.json.JsonName;
import dev.dmvpn.ref.isakmp.IsakmpHeader;
import dev.dmvpn.ref.isakmp.IsakmpMessage;
import dev.dmvpn.ref.isakmp.IsakmpPayload;
import dev.dmvpn.ref.isakmp.ProposalPayload;
import dev.dmvpn.ref.isakmp.SaPayload;
import dev.dmvpn.ref.isakmp.TransformPayload;
import dev.dmvpn.ref.isakmp.VendorIdPayload;
import java.util.List;

/** The {@code isakmp.*} fields of the decode output. */
final class IsakmpJson {
  private static final JsonName ISAKMP_INITIATOR_COOKIE = JsonName.of("isakmp.initiatorCookie");
  private static final JsonName ISAKMP_RESPONDER_COOKIE = JsonName.of("isakmp.responderCookie");
  private static final JsonName ISAKMP_EXCHANGE = JsonName.of("isakmp.exchange");
  private static final JsonName ISAKMP_MESSAGE_ID = JsonName.of("isakmp.messageId");
  private static final JsonName ISAKMP_ENCRYPTED = JsonName.of("isakmp.encrypted");
  private static final JsonName ISAKMP_DECRYPTED = JsonName.of("isakmp.decrypted");
  private static final JsonName ISAKMP_PAYLOADS = JsonName.of("isakmp.payloads");
  private static final JsonName ISAKMP_PAYLOAD_TYPES = JsonName.of("isakmp.payloadTypes");
  private static final JsonName ISAKMP_VENDOR_IDS = JsonName.of("isakmp.vendorIds");
  private static final JsonName ISAKMP_NAT_T = JsonName.of("isakmp.natT");

  private IsakmpJson() {}

  /** {@code m} may be null for a NAT-T keepalive or ESP-in-UDP frame: then only {@code isakmp.natT} is written. */
  static void write(JsonBytes w, IsakmpMessage m, List<IsakmpPayload> decrypted, boolean natT) {
    if (m != null) {
      List<IsakmpPayload> payloads = decrypted != null ? decrypted : m.payloads();
      IsakmpHeader h = m.header();
      w.name(ISAKMP_INITIATOR_COOKIE).hex("", h.initiatorCookie(), 16);
      w.name(ISAKMP_RESPONDER_COOKIE).hex("", h.responderCookie(), 16);
      w.field(ISAKMP_EXCHANGE, h.exchangeType().name());
      w.name(ISAKMP_MESSAGE_ID).hex("", h.messageId() & 0xFFFFFFFFL, 8);
      w.field(ISAKMP_ENCRYPTED, m.encrypted());
      if (decrypted != null) {
        w.field(ISAKMP_DECRYPTED, true);
      }
      w.name(ISAKMP_PAYLOADS).beginArray();
      for (IsakmpPayload p : payloads) {
        w.value(p.type().name());
      }
      w.endArray();
      w.name(ISAKMP_PAYLOAD_TYPES).beginArray();
      for (IsakmpPayload p : payloads) {
        payloadTypes(w, p);
      }
      w.endArray();
      w.name(ISAKMP_VENDOR_IDS).beginArray();
      for (IsakmpPayload p : payloads) {
        if (p instanceof VendorIdPayload v) {
          w.hex(v.data());
        }
      }
      w.endArray();
    }
    w.field(ISAKMP_NAT_T, natT);
  }

  /** Type numbers in wire order, with the proposals and transforms inside an SA (as tshark lists them). */
  private static void payloadTypes(JsonBytes w, IsakmpPayload p) {
    w.value(p.type().value());
    if (p instanceof SaPayload sa) {
      for (ProposalPayload prop : sa.proposals()) {
        w.value(prop.type().value());
        for (TransformPayload t : prop.transforms()) {
          w.value(t.type().value());
        }
      }
    }
  }
}
