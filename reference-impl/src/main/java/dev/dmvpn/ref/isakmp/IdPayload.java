package dev.dmvpn.ref.isakmp;

import dev.dmvpn.ref.bytes.Hex;
import dev.dmvpn.ref.bytes.Ipv4Address;
import java.util.Objects;

/**
 * Identification payload (type 5) with the IPsec DOI's protocol and port fields.
 *
 * <pre>
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * ! Next Payload  !   RESERVED    !         Payload Length        !
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * !   ID Type     !  Protocol ID  !             Port              !
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * ~                     Identification Data                       ~
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * <p>The body from ID Type on is what HASH_I / HASH_R cover (IDii_b / IDir_b).
 *
 * @param idType {@link #ID_IPV4_ADDR} 1, 2 FQDN, 3 USER_FQDN, 4 IPV4_ADDR_SUBNET, 9 DER_ASN1_DN, 11 KEY_ID ...
 * @param protocolId IP protocol (17 UDP in main mode, 47 GRE for DMVPN proxy IDs), 0 = any
 * @param port port (500 in main mode), 0 = any
 * @param data identification data, stored as given (do not mutate)
 * @see <a href="https://www.rfc-editor.org/rfc/rfc2407#section-4.6.2">RFC 2407 section 4.6.2</a>
 */
public record IdPayload(int idType, int protocolId, int port, byte[] data) implements IsakmpPayload {
  public static final int ID_IPV4_ADDR = 1;
  public static final int ID_FQDN = 2;
  public static final int ID_USER_FQDN = 3;
  public static final int ID_IPV4_ADDR_SUBNET = 4;
  public static final int ID_DER_ASN1_DN = 9;
  public static final int ID_KEY_ID = 11;

  public IdPayload {
    Objects.requireNonNull(data, "data");
  }

  /** An ID_IPV4_ADDR identity. */
  public static IdPayload ipv4(Ipv4Address address, int protocolId, int port) {
    return new IdPayload(ID_IPV4_ADDR, protocolId, port, address.toBytes());
  }

  /** True for an ID_IPV4_ADDR with a 4-byte address. */
  public boolean isIpv4() {
    return idType == ID_IPV4_ADDR && data.length == 4;
  }

  /** The address of an ID_IPV4_ADDR identity; throws IllegalStateException for other types. */
  public Ipv4Address ipv4Address() {
    if (!isIpv4()) {
      throw new IllegalStateException("ID type " + idType + " with " + data.length + " bytes is not ID_IPV4_ADDR");
    }
    return Ipv4Address.fromBytes(data);
  }

  @Override
  public PayloadType type() {
    return PayloadType.ID;
  }

  @Override
  public String toString() {
    return "IdPayload[idType=" + idType + ", protocolId=" + protocolId + ", port=" + port
        + ", data=" + (isIpv4() ? ipv4Address().toString() : Hex.of(data)) + "]";
  }
}
