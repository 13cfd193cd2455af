package dev.dmvpn.ref.isakmp;

import dev.dmvpn.ref.bytes.Hex;
import java.util.Objects;

/**
 * Vendor ID payload (type 13): the generic header followed by opaque data.
 *
 * <pre>
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * ! Next Payload  !   RESERVED    !         Payload Length        !
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * ~                        Vendor ID (VID)                        ~
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param data the vendor ID bytes; see {@link VendorIds}, stored as given (do not mutate)
 * @see <a href="https://www.rfc-editor.org/rfc/rfc2408#section-3.16">RFC 2408 section 3.16</a>
 */
public record VendorIdPayload(byte[] data) implements IsakmpPayload {

  public VendorIdPayload {
    Objects.requireNonNull(data, "data");
  }

  @Override
  public PayloadType type() {
    return PayloadType.VID;
  }

  @Override
  public String toString() {
    return "VendorIdPayload[" + Hex.of(data) + "]";
  }
}
