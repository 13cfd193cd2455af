package dev.dmvpn.ref.isakmp;

import dev.dmvpn.ref.bytes.Hex;
import java.util.List;
import java.util.Objects;

/**
 * One ISAKMP message: the header plus either the decoded payload chain or, when the E flag is set, the
 * still-encrypted body (everything after the header, kept opaque: decryption needs keys from the IKE state).
 *
 * <p>The byte array is stored as given, not copied: callers must not mutate it.
 *
 * @param header the fixed header
 * @param payloads the payload chain in wire order; empty when encrypted
 * @param encryptedBody the bytes after the header when encrypted; empty otherwise
 * @see <a href="https://www.rfc-editor.org/rfc/rfc2408#section-3">RFC 2408 section 3</a>
 */
public record IsakmpMessage(IsakmpHeader header, List<IsakmpPayload> payloads, byte[] encryptedBody) {
  private static final byte[] NONE = new byte[0];

  public IsakmpMessage {
    Objects.requireNonNull(header, "header");
    Objects.requireNonNull(payloads, "payloads");
    Objects.requireNonNull(encryptedBody, "encryptedBody");
    if (header.encrypted() && !payloads.isEmpty()) {
      throw new IllegalArgumentException("an encrypted message carries its payloads in encryptedBody");
    }
    if (!header.encrypted() && encryptedBody.length != 0) {
      throw new IllegalArgumentException("encryptedBody given but the E flag is clear");
    }
  }

  /** A plain (unencrypted) message; the header's E flag must be clear. */
  public static IsakmpMessage plain(IsakmpHeader header, List<IsakmpPayload> payloads) {
    return new IsakmpMessage(header, List.copyOf(payloads), NONE);
  }

  /** An encrypted message; the header's E flag must be set. */
  public static IsakmpMessage encrypted(IsakmpHeader header, byte[] encryptedBody) {
    return new IsakmpMessage(header, List.of(), encryptedBody);
  }

  public boolean encrypted() {
    return header.encrypted();
  }

  /** The payload types in wire order (what tshark lists as isakmp.typepayload). */
  public List<PayloadType> payloadTypes() {
    PayloadType[] types = new PayloadType[payloads.size()];
    for (int i = 0; i < types.length; i++) {
      types[i] = payloads.get(i).type();
    }
    return List.of(types);
  }

  /** The first payload of the given record class, or null. */
  public <P extends IsakmpPayload> P first(Class<P> kind) {
    for (IsakmpPayload p : payloads) {
      if (kind.isInstance(p)) {
        return kind.cast(p);
      }
    }
    return null;
  }

  /** All payloads of the given record class, in wire order. */
  public <P extends IsakmpPayload> List<P> all(Class<P> kind) {
    return payloads.stream().filter(kind::isInstance).map(kind::cast).toList();
  }

  @Override
  public String toString() {
    return "IsakmpMessage[" + header
        + (encrypted() ? ", encrypted " + encryptedBody.length + " bytes" : ", payloads=" + payloads)
        + "]";
  }

  /** Hex of the encrypted body (for logs and tests). */
  public String encryptedBodyHex() {
    return Hex.of(encryptedBody);
  }
}
