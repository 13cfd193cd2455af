package dev.dmvpn.ref.isakmp;

import dev.dmvpn.ref.bytes.Hex;
import java.util.Objects;

/**
 * NAT Discovery payload: HASH(CKY-I | CKY-R | IP | Port) with the negotiated hash. The payload type is kept
 * because three numberings exist (20 RFC 3947, 15 drafts 05-08 as IOS sends with draft-07, 130 drafts 00-03)
 * and a reply must use the numbering the peer chose.
 *
 * <pre>
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * ! Next Payload  !   RESERVED    !         Payload Length        !
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * ~                 HASH of the address and port                  ~
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param type 20, 15 or 130
 * @param hash the hash, stored as given (do not mutate)
 * @see <a href="https://www.rfc-editor.org/rfc/rfc3947#section-3.2">RFC 3947 section 3.2</a>
 */
public record NatDPayload(PayloadType type, byte[] hash) implements IsakmpPayload {

  public NatDPayload {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(hash, "hash");
    if (!type.isNatD()) {
      throw new IllegalArgumentException("payload type " + type.value() + " is not a NAT-D numbering");
    }
  }

  /** RFC 3947 numbering (type 20). */
  public static NatDPayload rfc(byte[] hash) {
    return new NatDPayload(PayloadType.NAT_D_RFC, hash);
  }

  @Override
  public String toString() {
    return "NatDPayload[type=" + type.value() + ", hash=" + Hex.of(hash) + "]";
  }
}
