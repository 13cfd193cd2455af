package dev.dmvpn.ref.isakmp;

import dev.dmvpn.ref.bytes.Hex;
import dev.dmvpn.ref.bytes.Ipv4Address;
import java.util.Objects;

/**
 * NAT Original Address payload (21 RFC 3947, 131 drafts): the sender's address before NAT, sent in quick
 * mode for transport-mode UDP encapsulation.
 *
 * <pre>
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * ! Next Payload  !   RESERVED    !         Payload Length        !
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * !    ID Type    !   RESERVED    !            RESERVED           !
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * ~           IPv4 (4 octets) or IPv6 address (16 octets)         ~
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param type 21 or 131
 * @param idType 1 ID_IPV4_ADDR or 5 ID_IPV6_ADDR
 * @param address the address bytes, stored as given (do not mutate)
 * @see <a href="https://www.rfc-editor.org/rfc/rfc3947#section-5.2">RFC 3947 section 5.2</a>
 */
public record NatOaPayload(PayloadType type, int idType, byte[] address) implements IsakmpPayload {

  public NatOaPayload {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(address, "address");
    if (!type.isNatOa()) {
      throw new IllegalArgumentException("payload type " + type.value() + " is not a NAT-OA numbering");
    }
  }

  /** An RFC 3947 NAT-OA with an IPv4 address. */
  public static NatOaPayload ipv4(Ipv4Address address) {
    return new NatOaPayload(PayloadType.NAT_OA_RFC, IdPayload.ID_IPV4_ADDR, address.toBytes());
  }

  @Override
  public String toString() {
    return "NatOaPayload[type=" + type.value() + ", idType=" + idType + ", address="
        + (idType == IdPayload.ID_IPV4_ADDR && address.length == 4
            ? Ipv4Address.fromBytes(address).toString()
            : Hex.of(address))
        + "]";
  }
}
