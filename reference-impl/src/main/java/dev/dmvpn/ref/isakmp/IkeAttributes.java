package dev.dmvpn.ref.isakmp;

/**
 * Phase 1 (KEY_IKE transform) attribute types and the values this project meets.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc2409#appendix-A">RFC 2409 appendix A</a>
 */
public final class IkeAttributes {
  public static final int ENCRYPTION_ALGORITHM = 1;
  public static final int HASH_ALGORITHM = 2;
  public static final int AUTHENTICATION_METHOD = 3;
  public static final int GROUP_DESCRIPTION = 4;
  public static final int LIFE_TYPE = 11;
  public static final int LIFE_DURATION = 12;
  public static final int KEY_LENGTH = 14;

  public static final int ENCR_DES_CBC = 1;
  public static final int ENCR_3DES_CBC = 5;
  public static final int ENCR_AES_CBC = 7;
  public static final int HASH_MD5 = 1;
  public static final int HASH_SHA = 2;
  public static final int AUTH_PRE_SHARED_KEY = 1;
  public static final int AUTH_RSA_SIGNATURES = 3;
  public static final int GROUP_MODP_768 = 1;
  public static final int GROUP_MODP_1024 = 2;
  public static final int LIFE_SECONDS = 1;
  public static final int LIFE_KILOBYTES = 2;

  private IkeAttributes() {}
}
