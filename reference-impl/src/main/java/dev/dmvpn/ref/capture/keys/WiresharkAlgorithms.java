package dev.dmvpn.ref.capture.keys;

import dev.dmvpn.ref.ipsec.EspEncryption;
import dev.dmvpn.ref.ipsec.EspIntegrity;

/**
 * The exact algorithm strings of Wireshark 4.0's {@code esp_sa} table ({@code packet-ipsec.c},
 * {@code esp_encryption_type_vals} / {@code esp_authentication_type_vals}; checked with {@code strings} on
 * libwireshark 4.0.17). A different spelling is silently treated as "no SA" by tshark, so these must match
 * byte for byte. AES-CBC has one string for all key sizes; the key length tells them apart.
 */
public final class WiresharkAlgorithms {
  public static final String NULL_ENCRYPTION = "NULL";
  public static final String TDES_CBC = "TripleDES-CBC [RFC2451]";
  public static final String DES_CBC = "DES-CBC [RFC2405]";
  public static final String AES_CBC = "AES-CBC [RFC3602]";
  public static final String AES_CTR = "AES-CTR [RFC3686]";
  public static final String AES_GCM_16 = "AES-GCM with 16 octet ICV [RFC4106]";
  public static final String AES_GCM_12 = "AES-GCM with 12 octet ICV [RFC4106]";
  public static final String AES_GCM_8 = "AES-GCM with 8 octet ICV [RFC4106]";

  public static final String NULL_AUTHENTICATION = "NULL";
  public static final String HMAC_MD5_96 = "HMAC-MD5-96 [RFC2403]";
  public static final String HMAC_SHA1_96 = "HMAC-SHA-1-96 [RFC2404]";
  public static final String HMAC_SHA256_128 = "HMAC-SHA-256-128 [RFC4868]";
  public static final String HMAC_SHA384_192 = "HMAC-SHA-384-192 [RFC4868]";
  public static final String HMAC_SHA512_256 = "HMAC-SHA-512-256 [RFC4868]";
  public static final String ANY_96_UNCHECKED = "ANY 96 bit authentication [no checking]";

  private WiresharkAlgorithms() {}

  /** Wireshark's name for an encryption transform. */
  public static String encryption(EspEncryption e) {
    return switch (e) {
      case DES_CBC -> DES_CBC;
      case TDES_CBC -> TDES_CBC;
      case AES_CBC_128, AES_CBC_192, AES_CBC_256 -> AES_CBC;
      case AES_GCM_16_128, AES_GCM_16_192, AES_GCM_16_256 -> AES_GCM_16;
    };
  }

  /** Wireshark's name for an integrity transform ("NULL" for AEAD ciphers). */
  public static String authentication(EspIntegrity i) {
    return switch (i) {
      case NONE -> NULL_AUTHENTICATION;
      case HMAC_MD5_96 -> HMAC_MD5_96;
      case HMAC_SHA1_96 -> HMAC_SHA1_96;
      case HMAC_SHA256_128 -> HMAC_SHA256_128;
      case UNCHECKED_96 -> ANY_96_UNCHECKED;
    };
  }

  /** Our transform for a Wireshark name and key length, or null when we do not implement it. */
  public static EspEncryption encryptionOf(String name, int keyLength) {
    return switch (name) {
      case DES_CBC -> EspEncryption.DES_CBC;
      case TDES_CBC -> EspEncryption.TDES_CBC;
      case AES_CBC -> keyLength == 16 ? EspEncryption.AES_CBC_128
          : keyLength == 24 ? EspEncryption.AES_CBC_192 : keyLength == 32 ? EspEncryption.AES_CBC_256 : null;
      case AES_GCM_16 -> keyLength == 20 ? EspEncryption.AES_GCM_16_128
          : keyLength == 28 ? EspEncryption.AES_GCM_16_192 : keyLength == 36 ? EspEncryption.AES_GCM_16_256 : null;
      default -> null;
    };
  }

  /** Our transform for a Wireshark authentication name, or null when we do not implement it. */
  public static EspIntegrity integrityOf(String name) {
    return switch (name) {
      case NULL_AUTHENTICATION -> EspIntegrity.NONE;
      case HMAC_MD5_96 -> EspIntegrity.HMAC_MD5_96;
      case HMAC_SHA1_96 -> EspIntegrity.HMAC_SHA1_96;
      case HMAC_SHA256_128 -> EspIntegrity.HMAC_SHA256_128;
      case ANY_96_UNCHECKED -> EspIntegrity.UNCHECKED_96;
      default -> null;
    };
  }
}
