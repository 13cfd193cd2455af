package dev.dmvpn.ref.isakmp;

import dev.dmvpn.ref.bytes.Hex;
import java.util.Objects;

/**
 * Certificate Request payload (type 7).
 *
 * <pre>
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * ! Next Payload  !   RESERVED    !         Payload Length        !
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * !  Cert. Type   !                                               !
 * +-+-+-+-+-+-+-+-+                                               !
 * ~                    Certificate Authority                      ~
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param encoding requested certificate type (4 = X.509 certificate - signature)
 * @param data acceptable certificate authority (a DER distinguished name for X.509), may be empty; stored as
 *     given (do not mutate)
 * @see <a href="https://www.rfc-editor.org/rfc/rfc2408#section-3.10">RFC 2408 section 3.10</a>
 */
public record CertRequestPayload(int encoding, byte[] data) implements IsakmpPayload {

  public CertRequestPayload {
    Objects.requireNonNull(data, "data");
  }

  @Override
  public PayloadType type() {
    return PayloadType.CR;
  }

  @Override
  public String toString() {
    return "CertRequestPayload[encoding=" + encoding + ", authority=" + Hex.of(data) + "]";
  }
}
