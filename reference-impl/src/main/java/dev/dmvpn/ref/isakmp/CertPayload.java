package dev.dmvpn.ref.isakmp;

import java.util.Objects;

/**
 * Certificate payload (type 6).
 *
 * <pre>
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * ! Next Payload  !   RESERVED    !         Payload Length        !
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * ! Cert Encoding !                                               !
 * +-+-+-+-+-+-+-+-+                                               !
 * ~                       Certificate Data                        ~
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param encoding certificate encoding (4 = X.509 certificate - signature)
 * @param data the certificate, opaque (DER for X.509), stored as given (do not mutate)
 * @see <a href="https://www.rfc-editor.org/rfc/rfc2408#section-3.9">RFC 2408 section 3.9</a>
 */
public record CertPayload(int encoding, byte[] data) implements IsakmpPayload {
  public static final int X509_SIGNATURE = 4;

  public CertPayload {
    Objects.requireNonNull(data, "data");
  }

  @Override
  public PayloadType type() {
    return PayloadType.CERT;
  }

  @Override
  public String toString() {
    return "CertPayload[encoding=" + encoding + ", " + data.length + " bytes]";
  }
}
