package dev.dmvpn.ref.interop;

import dev.dmvpn.ref.crypto.HashAlgorithm;
import dev.dmvpn.ref.crypto.Ikev1Encryption;
import dev.dmvpn.ref.crypto.OakleyGroup;
import dev.dmvpn.ref.ike.IkePolicy;
import dev.dmvpn.ref.ike.TransformSet;
import dev.dmvpn.ref.ipsec.EspEncryption;
import dev.dmvpn.ref.ipsec.EspIntegrity;
import dev.dmvpn.ref.ipsec.EspMode;

/**
 * One IKEv1 suite as both sides configure it: charon's proposal strings and the Java peer's ISAKMP policy and
 * transform set (tunnel mode: kernel-libipsec has no transport mode), plus what {@code swanctl --list-sas} must show.
 *
 * @param charonIkeSuite swanctl's "encr/integ/prf/dh" for the IKE SA
 * @param charonEspEncryption / charonEspIntegrity swanctl's child SA algorithms (integrity empty for AEAD)
 */
record InteropSuite(String name, String ikeProposal, String espProposal, IkePolicy policy, TransformSet transformSet,
    String charonIkeSuite, String charonEspEncryption, String charonEspIntegrity) {

  /** The document's phase 1 apart from DES (charon has no single DES): 3DES/MD5/group 1; group 1 listed explicitly. */
  static InteropSuite tdesMd5Modp768() {
    return new InteropSuite("3des-md5-modp768", "3des-md5-modp768", "3des-md5",
        policy(Ikev1Encryption.TDES_CBC, HashAlgorithm.MD5, OakleyGroup.MODP_768),
        tunnel(EspEncryption.TDES_CBC, EspIntegrity.HMAC_MD5_96),
        "3DES_CBC/HMAC_MD5_96/PRF_HMAC_MD5/MODP_768", "3DES_CBC", "HMAC_MD5_96");
  }

  static InteropSuite tdesMd5Modp1024() {
    return new InteropSuite("3des-md5-modp1024", "3des-md5-modp1024", "3des-md5",
        policy(Ikev1Encryption.TDES_CBC, HashAlgorithm.MD5, OakleyGroup.MODP_1024),
        tunnel(EspEncryption.TDES_CBC, EspIntegrity.HMAC_MD5_96),
        "3DES_CBC/HMAC_MD5_96/PRF_HMAC_MD5/MODP_1024", "3DES_CBC", "HMAC_MD5_96");
  }

  static InteropSuite aes128Sha1Modp2048() {
    return new InteropSuite("aes128-sha1-modp2048", "aes128-sha1-modp2048", "aes128-sha1",
        policy(Ikev1Encryption.AES_128_CBC, HashAlgorithm.SHA1, OakleyGroup.MODP_2048),
        tunnel(EspEncryption.AES_CBC_128, EspIntegrity.HMAC_SHA1_96),
        "AES_CBC/HMAC_SHA1_96/PRF_HMAC_SHA1/MODP_2048", "AES_CBC", "HMAC_SHA1_96");
  }

  /** ESP AES-GCM-16 with a 128-bit key and no PFS group (the Java peer does not do PFS). */
  static InteropSuite aes128Gcm16() {
    return new InteropSuite("aes128gcm16", "aes128-sha1-modp2048", "aes128gcm16",
        policy(Ikev1Encryption.AES_128_CBC, HashAlgorithm.SHA1, OakleyGroup.MODP_2048),
        tunnel(EspEncryption.AES_GCM_16_128, EspIntegrity.NONE),
        "AES_CBC/HMAC_SHA1_96/PRF_HMAC_SHA1/MODP_2048", "AES_GCM_16", "");
  }

  static IkePolicy policy(Ikev1Encryption e, HashAlgorithm h, OakleyGroup g) {
    return new IkePolicy(10, e, h, g, IkePolicy.DEFAULT_LIFETIME_SECONDS);
  }

  static TransformSet tunnel(EspEncryption e, EspIntegrity i) {
    return new TransformSet("interop", e, i, EspMode.TUNNEL);
  }

  @Override
  public String toString() {
    return name;
  }
}
