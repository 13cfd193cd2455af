package dev.dmvpn.ref.isakmp;

import dev.dmvpn.ref.bytes.ByteReader;
import dev.dmvpn.ref.bytes.ByteWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Walks and writes chains of generic payload headers. The same walk serves the message's top-level chain,
 * the proposals inside an SA and the transforms inside a proposal: each link is
 * {@code Next Payload(1) RESERVED(1) Payload Length(2)} with the length counting those 4 bytes.
 *
 * <p>Termination: every link consumes at least its 4-byte header and lengths are checked against the bytes
 * left before anything is sliced, so a chain over n bytes ends after at most n/4 links whatever the input.
 */
final class PayloadChain {
  /** The generic payload header: Next Payload, RESERVED, Payload Length. */
  static final int GENERIC_HEADER = 4;
  /** {@code allowedNext} value meaning "any payload type may follow". */
  private static final int ANY = -1;

  private PayloadChain() {}

  /** The message's top-level chain; {@code first} is the header's Next Payload. */
  static List<IsakmpPayload> decodeTop(ByteReader r, int first) {
    return decode(r, first, ANY, "payload", false);
  }

  /**
   * A top-level chain followed by padding (decrypted bodies): the bytes after the last payload are left
   * unread in {@code r}.
   */
  static List<IsakmpPayload> decodePadded(ByteReader r, int first) {
    return decode(r, first, ANY, "payload", true);
  }

  /**
   * A chain whose links may only be of type {@code allowedNext} (or 0 to end it), e.g. proposals (2) inside
   * an SA. The chain must fill the reader exactly.
   */
  static List<IsakmpPayload> decodeNested(ByteReader r, int type, String noun) {
    return decode(r, type, type, noun, false);
  }

  private static List<IsakmpPayload> decode(
      ByteReader r, int first, int allowedNext, String noun, boolean padded) {
    List<IsakmpPayload> out = new ArrayList<>(8);
    int type = first;
    while (type != 0) {
      PayloadType pt = PayloadType.valueOf(type);
      int start = r.offset();
      if (r.remaining() < GENERIC_HEADER) {
        throw r.fail(describe(noun, out.size() + 1, pt, start) + ": needs a 4-byte generic header, only "
            + r.remaining() + " bytes left");
      }
      int next = r.u8("next payload");
      r.skip(1, "reserved");
      int length = r.u16("payload length");
      checkLink(r, noun, out.size() + 1, pt, start, next, length, allowedNext);
      ByteReader body = r.slice(length - GENERIC_HEADER, "payload body");
      out.add(PayloadBodies.decode(pt, body));
      type = next;
    }
    if (!padded && r.hasRemaining()) {
      throw r.fail(r.remaining() + " bytes after the last " + noun + " (its next payload is 0)");
    }
    return out;
  }

  private static void checkLink(
      ByteReader r, String noun, int index, PayloadType type, int start, int next, int length, int allowed) {
    if (length < GENERIC_HEADER) {
      throw r.failAt(start + 2, describe(noun, index, type, start) + ": length " + length
          + " is less than its 4-byte generic header");
    }
    if (length - GENERIC_HEADER > r.remaining()) {
      throw r.failAt(start + 2, describe(noun, index, type, start) + ": length " + length + " exceeds the "
          + (r.remaining() + GENERIC_HEADER) + " bytes left");
    }
    if (allowed != ANY && next != 0 && next != allowed) {
      throw r.failAt(start, describe(noun, index, type, start) + ": next payload " + next + " ("
          + PayloadType.valueOf(next) + ") is neither 0 nor " + allowed + " (" + type + ")");
    }
  }

  private static String describe(String noun, int index, PayloadType type, int start) {
    return noun + " #" + index + " (" + type + ") at " + start;
  }

  /** Writes the payloads with their generic headers, linking each to the next one's type (0 after the last). */
  static void encode(List<? extends IsakmpPayload> payloads, ByteWriter w) {
    int n = payloads.size();
    for (int i = 0; i < n; i++) {
      IsakmpPayload p = payloads.get(i);
      int start = w.position();
      w.u8(i + 1 < n ? payloads.get(i + 1).type().value() : 0).u8(0).u16(0);
      PayloadBodies.encode(p, w);
      int length = w.position() - start;
      if (length > 0xFFFF) {
        throw new IllegalArgumentException(p.type() + " payload of " + length + " bytes exceeds 65535");
      }
      w.patchU16(start + 2, length);
    }
  }
}
