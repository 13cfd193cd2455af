package dev.dmvpn.ref.isakmp;

import dev.dmvpn.ref.bytes.Hex;
import java.util.Objects;

/**
 * Key Exchange payload (type 4): the generic header followed by opaque data.
 *
 * <pre>
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * ! Next Payload  !   RESERVED    !         Payload Length        !
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * ~                       Key Exchange Data                       ~
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param data the Diffie-Hellman public value g^x, full width of the group, stored as given (do not mutate)
 * @see <a href="https://www.rfc-editor.org/rfc/rfc2408#section-3.7">RFC 2408 section 3.7</a>
 */
public record KePayload(byte[] data) implements IsakmpPayload {

  public KePayload {
    Objects.requireNonNull(data, "data");
  }

  @Override
  public PayloadType type() {
    return PayloadType.KE;
  }

  @Override
  public String toString() {
    return "KePayload[" + Hex.of(data) + "]";
  }
}
