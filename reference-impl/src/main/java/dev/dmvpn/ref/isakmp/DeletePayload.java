package dev.dmvpn.ref.isakmp;

import dev.dmvpn.ref.bytes.Hex;
import java.util.List;
import java.util.Objects;

/**
 * Delete payload (type 12). # of SPIs is derived from {@code spis} on encode; every SPI must be
 * {@code spiSize} bytes long.
 *
 * <pre>
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * ! Next Payload  !   RESERVED    !         Payload Length        !
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * !              Domain of Interpretation  (DOI)                  !
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * !  Protocol-Id  !   SPI Size    !           # of SPIs           !
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * ~               Security Parameter Index(es) (SPI)              ~
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param doi domain of interpretation (1 = IPsec)
 * @param protocolId 1 ISAKMP (SPI = CKY-I | CKY-R, 16 bytes), 3 ESP (4 bytes)
 * @param spiSize bytes per SPI
 * @param spis the SPIs (arrays stored as given, do not mutate)
 * @see <a href="https://www.rfc-editor.org/rfc/rfc2408#section-3.15">RFC 2408 section 3.15</a>
 */
public record DeletePayload(int doi, int protocolId, int spiSize, List<byte[]> spis) implements IsakmpPayload {

  public DeletePayload {
    spis = List.copyOf(Objects.requireNonNull(spis, "spis"));
    if (spiSize < 0 || spiSize > 255 || spis.size() > 0xFFFF) {
      throw new IllegalArgumentException("SPI size " + spiSize + " or " + spis.size() + " SPIs out of range");
    }
    for (byte[] spi : spis) {
      if (spi.length != spiSize) {
        throw new IllegalArgumentException("SPI of " + spi.length + " bytes, SPI size says " + spiSize);
      }
    }
  }

  @Override
  public PayloadType type() {
    return PayloadType.D;
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder("DeletePayload[doi=").append(doi).append(", protocolId=")
        .append(protocolId).append(", spiSize=").append(spiSize).append(", spis=[");
    for (int i = 0; i < spis.size(); i++) {
      b.append(i == 0 ? "" : ", ").append(Hex.of(spis.get(i)));
    }
    return b.append("]]").toString();
  }
}
