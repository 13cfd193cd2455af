package dev.dmvpn.ref.esp;

import dev.dmvpn.ref.bytes.ByteReader;
import dev.dmvpn.ref.bytes.DecodeResult;

/**
 * Tells the three kinds of UDP/4500 payload apart (RFC 3948 section 2), layer "esp":
 *
 * <pre>
 * keepalive:   +-+-+-+-+-+-+-+-+
 *              |      0xFF     |                      (exactly one octet)
 *              +-+-+-+-+-+-+-+-+
 * IKE:         +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *              |                      Non-ESP Marker (0)                       |
 *              +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *              |                      IKE header [RFC 2409] ...                |
 * ESP:         +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *              |                  SPI (non-zero) ... ESP packet                |
 * </pre>
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc3948#section-2">RFC 3948 section 2</a>
 */
public final class NatTFraming {
  public static final String LAYER = EspCodec.LAYER;
  public static final int NON_ESP_MARKER_LENGTH = 4;
  private static final NatTPayload.Keepalive KEEPALIVE = new NatTPayload.Keepalive();

  private NatTFraming() {}

  /** Classifies everything left in {@code r} (a UDP/4500 payload), consuming it. Never throws. */
  public static DecodeResult<NatTPayload> classify(ByteReader r) {
    return DecodeResult.guard(LAYER, r, () -> read(r));
  }

  public static DecodeResult<NatTPayload> classify(byte[] udpPayload) {
    return classify(ByteReader.of(udpPayload));
  }

  /** The one-byte NAT-keepalive payload. */
  public static byte[] keepalive() {
    return new byte[] {(byte) 0xFF};
  }

  private static NatTPayload read(ByteReader r) {
    int left = r.remaining();
    if (left == 1 && r.peekU8(0, "keepalive") == 0xFF) {
      r.skip(1, "keepalive");
      return KEEPALIVE;
    }
    if (left < NON_ESP_MARKER_LENGTH) {
      throw r.fail("UDP/4500 payload of " + left
          + " bytes is neither a NAT-keepalive (one 0xFF byte) nor long enough for a non-ESP marker or SPI");
    }
    if (r.peekU8(0, "marker") == 0 && r.peekU8(1, "marker") == 0 && r.peekU8(2, "marker") == 0
        && r.peekU8(3, "marker") == 0) {
      r.skip(NON_ESP_MARKER_LENGTH, "non-ESP marker");
      int offset = r.arrayIndex();
      int length = r.remaining();
      r.skip(length, "IKE message");
      return new NatTPayload.Ike(r.array(), offset, length);
    }
    return new NatTPayload.Esp(EspCodec.read(r));
  }
}
