package dev.dmvpn.ref.ike;

import dev.dmvpn.ref.ipsec.EspEncryption;
import dev.dmvpn.ref.ipsec.EspIntegrity;
import dev.dmvpn.ref.ipsec.EspMode;
import java.util.Objects;

/**
 * A {@code crypto ipsec transform-set}: ESP cipher, integrity and encapsulation mode. The document's
 * {@code crypto ipsec transform-set strong esp-3des esp-md5-hmac} is {@link #document()}: tunnel mode, because the
 * document's config has no {@code mode transport} line (tunnel is the IOS default) and its Quick Mode debug prints
 * "ISAKMP: encaps is 1" (seed, sv9-4 and sv9-3 debugs).
 *
 * <p>What a set accepts as responder ({@link #accepts}), as IOS does: a {@code mode transport} set also accepts a
 * tunnel-mode offer (the SA then runs in tunnel mode; INE, "When transport mode becomes tunnel mode", 2010: IOS
 * falls back to tunnel unless {@code mode transport require}); a tunnel-mode set accepts tunnel offers only.
 *
 * @param name the transform-set name (for logs)
 */
public record TransformSet(String name, EspEncryption encryption, EspIntegrity integrity, EspMode mode) {
  /** IPsec DOI Authentication Algorithm value for HMAC-SHA2-256 (RFC 4868 section 2.4). */
  static final int AUTH_HMAC_SHA2_256 = 5;

  public TransformSet {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(encryption, "encryption");
    Objects.requireNonNull(integrity, "integrity");
    Objects.requireNonNull(mode, "mode");
    if (integrity == EspIntegrity.UNCHECKED_96 || encryption.isAead() != (integrity == EspIntegrity.NONE)) {
      throw new IllegalArgumentException(encryption + " cannot be negotiated with " + integrity);
    }
  }

  /** {@code esp-3des esp-md5-hmac} without a {@code mode} line: tunnel mode ("encaps is 1"). */
  public static TransformSet document() {
    return new TransformSet("strong", EspEncryption.TDES_CBC, EspIntegrity.HMAC_MD5_96, EspMode.TUNNEL);
  }

  /** This set with another encapsulation mode ({@code mode transport} / {@code mode tunnel}). */
  public TransformSet withMode(EspMode m) {
    return new TransformSet(name, encryption, integrity, m);
  }

  /** The IPsec DOI Authentication Algorithm attribute value, 0 for AEAD ciphers (attribute omitted). */
  public int authenticationAlgorithm() {
    return switch (integrity) {
      case HMAC_MD5_96 -> 1;
      case HMAC_SHA1_96 -> 2;
      case HMAC_SHA256_128 -> AUTH_HMAC_SHA2_256;
      default -> 0;
    };
  }

  /** The Key Length attribute in bits for AES (CBC and GCM), 0 for ciphers with a fixed key. */
  public int keyLengthBits() {
    int material = encryption.keyMaterialLength() - (encryption.isAead() ? EspEncryption.GCM_SALT_LENGTH : 0);
    return encryption.transformId() == EspEncryption.AES_CBC_128.transformId() || encryption.isAead()
        ? material * 8 : 0;
  }

  /**
   * Whether this set, as responder, accepts {@code offered}: the same cipher and integrity, and either the same
   * mode or a tunnel-mode offer to a transport-mode set (IOS's fallback; see the class comment). A tunnel-mode set
   * refuses transport offers, so Quick Mode fails with NO-PROPOSAL-CHOSEN as on IOS.
   */
  public boolean accepts(TransformSet offered) {
    return encryption == offered.encryption && integrity == offered.integrity
        && (mode == offered.mode || mode == EspMode.TRANSPORT && offered.mode == EspMode.TUNNEL);
  }

  /** True when cipher, integrity and mode are the same (the name does not matter on the wire). */
  public boolean sameSuite(TransformSet other) {
    return encryption == other.encryption && integrity == other.integrity && mode == other.mode;
  }
}
