package dev.dmvpn.virtualrack.debug;

import dev.dmvpn.ref.ipsec.EspEncryption;
import dev.dmvpn.ref.ipsec.EspSaParameters;

/** IOS's names of ESP transforms as debugs and {@code show crypto ipsec sa} print them ({@code esp-3des esp-md5-hmac}). */
public final class IosTransformNames {
  private IosTransformNames() {}

  /**
   * {@code esp-3des esp-md5-hmac} (seed: {@code transform= esp-3des esp-md5-hmac ,}); AES with its key size as
   * {@code esp-256-aes}, as the show_crypto_ipsec_sa fixture prints it ({@code esp-256-aes esp-sha256-hmac ,}).
   */
  public static String of(EspSaParameters p) {
    String enc = switch (p.encryption()) {
      case DES_CBC -> "esp-des";
      case TDES_CBC -> "esp-3des";
      case AES_CBC_128 -> "esp-aes";
      case AES_CBC_192 -> "esp-192-aes";
      case AES_CBC_256 -> "esp-256-aes";
      case AES_GCM_16_128, AES_GCM_16_192, AES_GCM_16_256 -> "esp-gcm";
    };
    String auth = switch (p.integrity()) {
      case HMAC_MD5_96 -> " esp-md5-hmac";
      case HMAC_SHA1_96 -> " esp-sha-hmac";
      case HMAC_SHA256_128 -> " esp-sha256-hmac";
      case NONE, UNCHECKED_96 -> "";
    };
    return enc + auth;
  }

  /** The {@code IV size: N bytes} of {@code show crypto ipsec sa}. */
  public static int ivBytes(EspEncryption e) {
    return e.ivLength();
  }
}
