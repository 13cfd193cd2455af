package dev.dmvpn.ref.ike;

import dev.dmvpn.ref.bytes.ByteReader;
import dev.dmvpn.ref.bytes.ByteWriter;
import dev.dmvpn.ref.bytes.DecodeResult;
import dev.dmvpn.ref.isakmp.ExchangeType;
import dev.dmvpn.ref.isakmp.IsakmpCodec;
import dev.dmvpn.ref.isakmp.IsakmpHeader;
import dev.dmvpn.ref.isakmp.IsakmpMessage;
import dev.dmvpn.ref.isakmp.IsakmpPayload;
import dev.dmvpn.ref.isakmp.PayloadType;
import java.util.Arrays;
import java.util.List;

/** Turns payload lists into (possibly encrypted) message bytes for an {@link IkeSa}, and received ones back. */
final class MessageFraming {
  private MessageFraming() {}

  /** Header + payloads, encrypted with the SA's protection for {@code messageId} when {@code encrypt}. */
  static byte[] encode(IkeSa sa, ExchangeType type, int messageId, List<IsakmpPayload> payloads, boolean encrypt) {
    PayloadType first = payloads.isEmpty() ? PayloadType.NONE : payloads.get(0).type();
    IsakmpHeader header = new IsakmpHeader(sa.initiatorCookie(), sa.responderCookie(), first,
        IsakmpHeader.VERSION_1_0, type, encrypt ? IsakmpHeader.FLAG_ENCRYPTED : 0, messageId, 0);
    if (!encrypt) {
      return IsakmpCodec.encode(IsakmpMessage.plain(header, payloads));
    }
    ByteWriter w = new ByteWriter(512);
    IsakmpCodec.encodePayloads(payloads, w);
    byte[] body = sa.protection().encrypt(messageId, w.toByteArray());
    return IsakmpCodec.encode(IsakmpMessage.encrypted(header, body));
  }

  /**
   * The payloads of a received message, decrypting it when its E flag is set (which moves the IV on).
   *
   * @return the message, or a failure describing why its plaintext is not a payload chain
   */
  static DecodeResult<InboundMessage> open(IkeSa sa, IsakmpMessage m, byte[] raw) {
    IsakmpHeader h = m.header();
    if (!m.encrypted()) {
      return DecodeResult.ok(new InboundMessage(h, m.payloads(),
          Arrays.copyOfRange(raw, IsakmpHeader.SIZE, h.length())));
    }
    byte[] plain;
    try {
      plain = sa.protection().decrypt(h.messageId(), m.encryptedBody());
    } catch (IllegalArgumentException e) {
      return DecodeResult.failure(IsakmpCodec.LAYER, IsakmpHeader.SIZE, e.getMessage());
    }
    ByteReader r = ByteReader.of(plain);
    DecodeResult<List<IsakmpPayload>> payloads = IsakmpCodec.decodePayloads(r, h.nextPayload());
    if (!payloads.isOk()) {
      return DecodeResult.failure(payloads.error());
    }
    return DecodeResult.ok(new InboundMessage(h, payloads.value(),
        Arrays.copyOf(plain, plain.length - r.remaining())));
  }
}
