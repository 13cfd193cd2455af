package dev.dmvpn.ref.isakmp;

import dev.dmvpn.ref.bytes.ByteReader;
import dev.dmvpn.ref.bytes.ByteWriter;
import dev.dmvpn.ref.bytes.DecodeResult;
import java.util.List;

/**
 * Decodes and encodes whole ISAKMP (IKEv1) messages: the {@link IsakmpHeader} and either the payload chain
 * or, when the E flag is set, the opaque encrypted body.
 *
 * <p>Framing: the header's Length field decides how many bytes belong to the message. {@link #decode}
 * consumes exactly that many bytes from the reader (so bytes after the message, such as a UDP payload longer
 * than the header claims, stay in the reader for the caller to report) and fails when the reader holds fewer.
 * A payload chain must end exactly at the end of the message.
 *
 * <p>Encoding recomputes every Payload Length, every Next Payload link (header, top-level chain, proposals,
 * transforms), Proposal SPI Size and # of Transforms, Notify SPI Size, Delete # of SPIs and the header
 * Length; reserved fields are written as zero.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc2408#section-3">RFC 2408 section 3</a>
 */
public final class IsakmpCodec {
  /** Layer name in {@link dev.dmvpn.ref.bytes.DecodeError}s. */
  public static final String LAYER = "isakmp";

  private IsakmpCodec() {}

  /** Decodes one message starting at the reader's position; never throws. */
  public static DecodeResult<IsakmpMessage> decode(ByteReader r) {
    return DecodeResult.guard(LAYER, r, () -> decodeMessage(r));
  }

  /** Decodes a message held in a whole array (offsets relative to its start). */
  public static DecodeResult<IsakmpMessage> decode(byte[] message) {
    return decode(ByteReader.of(message));
  }

  /**
   * Decodes a payload chain that is not inside a message, e.g. the plaintext of an encrypted body: the chain
   * starts with a payload of type {@code first} (the header's Next Payload) and ends at Next Payload 0; the
   * bytes after it (CBC padding) are left unread in {@code r}, so {@code r.remaining()} is the pad length.
   */
  public static DecodeResult<List<IsakmpPayload>> decodePayloads(ByteReader r, PayloadType first) {
    return DecodeResult.guard(LAYER, r, () -> PayloadChain.decodePadded(r, first.value()));
  }

  /**
   * Writes a payload chain without a message header (the plaintext to encrypt); its first payload's type
   * goes into the header's Next Payload.
   */
  public static void encodePayloads(List<? extends IsakmpPayload> payloads, ByteWriter w) {
    PayloadChain.encode(payloads, w);
  }

  public static byte[] encode(IsakmpMessage m) {
    ByteWriter w = new ByteWriter(IsakmpHeader.SIZE + 64 * (1 + m.payloads().size()) + m.encryptedBody().length);
    encode(m, w);
    return w.toByteArray();
  }

  public static void encode(IsakmpMessage m, ByteWriter w) {
    IsakmpHeader h = m.header();
    List<IsakmpPayload> payloads = m.payloads();
    int start = w.position();
    int next;
    if (m.encrypted()) {
      next = h.nextPayload().value(); // names the first payload inside the ciphertext
    } else {
      next = payloads.isEmpty() ? 0 : payloads.get(0).type().value();
    }
    w.i64(h.initiatorCookie()).i64(h.responderCookie());
    w.u8(next).u8(h.version()).u8(h.exchangeType().value()).u8(h.flags());
    w.i32(h.messageId()).i32(0);
    if (m.encrypted()) {
      w.bytes(m.encryptedBody());
    } else {
      PayloadChain.encode(payloads, w);
    }
    w.patchI32(start + 24, w.position() - start);
  }

  private static IsakmpMessage decodeMessage(ByteReader r) {
    int start = r.offset();
    if (r.remaining() < IsakmpHeader.SIZE) {
      throw r.fail("message needs " + IsakmpHeader.SIZE + " bytes for the header, only " + r.remaining()
          + " left (truncated?)");
    }
    long icookie = r.i64("initiator cookie");
    long rcookie = r.i64("responder cookie");
    int next = r.u8("next payload");
    int version = r.u8("version");
    int exchange = r.u8("exchange type");
    int flags = r.u8("flags");
    int messageId = r.i32("message id");
    long length = r.u32("length");
    if ((version >>> 4) != 1) {
      throw r.failAt(start + 17, "version 0x" + Integer.toHexString(version) + ": major version "
          + (version >>> 4) + " is not IKEv1 (1)");
    }
    checkLength(r, start, length);
    ByteReader body = r.slice((int) length - IsakmpHeader.SIZE, "message body");
    IsakmpHeader header = new IsakmpHeader(icookie, rcookie, PayloadType.valueOf(next), version,
        ExchangeType.valueOf(exchange), flags, messageId, (int) length);
    if (header.encrypted()) {
      return IsakmpMessage.encrypted(header, body.rest());
    }
    return IsakmpMessage.plain(header, PayloadChain.decodeTop(body, next));
  }

  private static void checkLength(ByteReader r, int start, long length) {
    if (length < IsakmpHeader.SIZE) {
      throw r.failAt(start + 24, "header length " + length + " is less than the " + IsakmpHeader.SIZE
          + "-byte header");
    }
    if (length - IsakmpHeader.SIZE > r.remaining()) {
      throw r.failAt(start + 24, "header length " + length + " exceeds the " + (r.remaining()
          + IsakmpHeader.SIZE) + " bytes available");
    }
  }
}
