package dev.dmvpn.ref.isakmp;

import dev.dmvpn.ref.bytes.Hex;
import java.util.Objects;

/**
 * Hash payload (type 8): the generic header followed by opaque data.
 *
 * <pre>
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * ! Next Payload  !   RESERVED    !         Payload Length        !
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * ~                           Hash Data                           ~
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param data the HASH_I / HASH_R / HASH(n) value, stored as given (do not mutate)
 * @see <a href="https://www.rfc-editor.org/rfc/rfc2408#section-3.11">RFC 2408 section 3.11</a>
 */
public record HashPayload(byte[] data) implements IsakmpPayload {

  public HashPayload {
    Objects.requireNonNull(data, "data");
  }

  @Override
  public PayloadType type() {
    return PayloadType.HASH;
  }

  @Override
  public String toString() {
    return "HashPayload[" + Hex.of(data) + "]";
  }
}
