package dev.dmvpn.ref.isakmp;

import dev.dmvpn.ref.bytes.Hex;
import java.util.Objects;

/**
 * Notification payload (type 11). SPI Size is derived from {@code spi} on encode.
 *
 * <pre>
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * ! Next Payload  !   RESERVED    !         Payload Length        !
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * !              Domain of Interpretation  (DOI)                  !
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * !  Protocol-ID  !   SPI Size    !      Notify Message Type      !
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * ~                Security Parameter Index (SPI)                 ~
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * ~                       Notification Data                       ~
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * <p>INITIAL-CONTACT and DPD use protocol 1 (ISAKMP) with a 16-byte SPI = CKY-I | CKY-R; DPD data is a 32-bit
 * sequence number.
 *
 * @param doi domain of interpretation (1 = IPsec)
 * @param protocolId 1 ISAKMP, 2 AH, 3 ESP
 * @param spi the SPI (stored as given, do not mutate)
 * @param notifyType the message type
 * @param data notification data (stored as given, do not mutate)
 * @see <a href="https://www.rfc-editor.org/rfc/rfc2408#section-3.14">RFC 2408 section 3.14</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc3706#section-5.1">RFC 3706 section 5.1</a>
 */
public record NotifyPayload(int doi, int protocolId, byte[] spi, NotifyType notifyType, byte[] data)
    implements IsakmpPayload {

  public NotifyPayload {
    Objects.requireNonNull(spi, "spi");
    Objects.requireNonNull(notifyType, "notifyType");
    Objects.requireNonNull(data, "data");
    if (spi.length > 255) {
      throw new IllegalArgumentException("SPI of " + spi.length + " bytes does not fit the SPI Size octet");
    }
  }

  @Override
  public PayloadType type() {
    return PayloadType.N;
  }

  @Override
  public String toString() {
    return "NotifyPayload[doi=" + doi + ", protocolId=" + protocolId + ", spi=" + Hex.of(spi)
        + ", notifyType=" + notifyType + ", data=" + Hex.of(data) + "]";
  }
}
