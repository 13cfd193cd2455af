package dev.dmvpn.ref.isakmp;

import dev.dmvpn.ref.bytes.Hex;
import java.util.Objects;

/**
 * A payload of a type this codec does not interpret (e.g. 14 mode-config attributes, IKE fragments): the
 * body after the generic header is kept verbatim so the message still re-encodes byte for byte.
 *
 * <pre>
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * ! Next Payload  !   RESERVED    !         Payload Length        !
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * ~                        uninterpreted body                     ~
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param type the payload type as received
 * @param body the bytes after the generic header, stored as given (do not mutate)
 * @see <a href="https://www.rfc-editor.org/rfc/rfc2408#section-3.2">RFC 2408 section 3.2</a>
 */
public record UnknownPayload(PayloadType type, byte[] body) implements IsakmpPayload {

  public UnknownPayload {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(body, "body");
  }

  @Override
  public String toString() {
    return "UnknownPayload[type=" + type.value() + ", body=" + Hex.of(body) + "]";
  }
}
