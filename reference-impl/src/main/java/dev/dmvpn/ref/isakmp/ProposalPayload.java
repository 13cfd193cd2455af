package dev.dmvpn.ref.isakmp;

import dev.dmvpn.ref.bytes.Hex;
import java.util.List;
import java.util.Objects;

/**
 * Proposal payload (type 2), found inside an SA payload. SPI Size and # of Transforms are derived from
 * {@code spi} and {@code transforms} on encode.
 *
 * <pre>
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * ! Next Payload  !   RESERVED    !         Payload Length        !
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * !  Proposal #   !  Protocol-Id  !    SPI Size   !# of Transforms!
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * !                        SPI (variable)                         !
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * ~                Transform payloads (type 3) ...                ~
 * </pre>
 *
 * @param number proposal number (equal numbers form one AND-ed proposal)
 * @param protocolId {@link #PROTO_ISAKMP} 1, {@link #PROTO_IPSEC_AH} 2, {@link #PROTO_IPSEC_ESP} 3, 4 IPCOMP
 * @param spi the SPI (empty in phase 1, 4 bytes for ESP)
 * @param transforms the transforms offered, in preference order
 * @see <a href="https://www.rfc-editor.org/rfc/rfc2408#section-3.5">RFC 2408 section 3.5</a>
 */
public record ProposalPayload(int number, int protocolId, byte[] spi, List<TransformPayload> transforms)
    implements IsakmpPayload {
  public static final int PROTO_ISAKMP = 1;
  public static final int PROTO_IPSEC_AH = 2;
  public static final int PROTO_IPSEC_ESP = 3;

  public ProposalPayload {
    Objects.requireNonNull(spi, "spi");
    transforms = List.copyOf(Objects.requireNonNull(transforms, "transforms"));
    if (spi.length > 255 || transforms.size() > 255) {
      throw new IllegalArgumentException(
          "SPI of " + spi.length + " bytes or " + transforms.size() + " transforms do not fit one octet");
    }
  }

  @Override
  public PayloadType type() {
    return PayloadType.P;
  }

  @Override
  public String toString() {
    return "ProposalPayload[number=" + number + ", protocolId=" + protocolId + ", spi=" + Hex.of(spi)
        + ", transforms=" + transforms + "]";
  }
}
