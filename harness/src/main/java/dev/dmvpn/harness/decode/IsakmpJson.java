package dev.dmvpn.harness.decode;

import dev.dmvpn.harness.json.JsonBytes;
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
  private IsakmpJson() {}

  /** {@code m} may be null for a NAT-T keepalive or ESP-in-UDP frame: then only {@code isakmp.natT} is written. */
  static void write(JsonBytes w, IsakmpMessage m, List<IsakmpPayload> decrypted, boolean natT) {
    if (m != null) {
      List<IsakmpPayload> payloads = decrypted != null ? decrypted : m.payloads();
      IsakmpHeader h = m.header();
      w.name("isakmp.initiatorCookie").hex("", h.initiatorCookie(), 16);
      w.name("isakmp.responderCookie").hex("", h.responderCookie(), 16);
      w.field("isakmp.exchange", h.exchangeType().name());
      w.name("isakmp.messageId").hex("", h.messageId() & 0xFFFFFFFFL, 8);
      w.field("isakmp.encrypted", m.encrypted());
      if (decrypted != null) {
        w.field("isakmp.decrypted", true);
      }
      w.name("isakmp.payloads").beginArray();
      for (IsakmpPayload p : payloads) {
        w.value(p.type().name());
      }
      w.endArray();
      w.name("isakmp.payloadTypes").beginArray();
      for (IsakmpPayload p : payloads) {
        payloadTypes(w, p);
      }
      w.endArray();
      w.name("isakmp.vendorIds").beginArray();
      for (IsakmpPayload p : payloads) {
        if (p instanceof VendorIdPayload v) {
          w.hex(v.data());
        }
      }
      w.endArray();
    }
    w.field("isakmp.natT", natT);
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
