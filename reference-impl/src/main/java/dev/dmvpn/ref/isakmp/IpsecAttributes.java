package dev.dmvpn.ref.isakmp;

/**
 * Phase 2 (IPsec DOI) SA attribute types and values, plus the ESP transform IDs this project meets.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc2407#section-4.5">RFC 2407 section 4.5</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc3947#section-5.1">RFC 3947 section 5.1</a>
 */
public final class IpsecAttributes {
  public static final int SA_LIFE_TYPE = 1;
  public static final int SA_LIFE_DURATION = 2;
  public static final int GROUP_DESCRIPTION = 3;
  public static final int ENCAPSULATION_MODE = 4;
  public static final int AUTHENTICATION_ALGORITHM = 5;
  public static final int KEY_LENGTH = 6;

  public static final int LIFE_SECONDS = 1;
  public static final int LIFE_KILOBYTES = 2;
  public static final int MODE_TUNNEL = 1;
  public static final int MODE_TRANSPORT = 2;
  public static final int MODE_UDP_TUNNEL_RFC = 3;
  public static final int MODE_UDP_TRANSPORT_RFC = 4;
  public static final int MODE_UDP_TUNNEL_DRAFT = 61443;
  public static final int MODE_UDP_TRANSPORT_DRAFT = 61444;
  public static final int AUTH_HMAC_MD5 = 1;
  public static final int AUTH_HMAC_SHA = 2;

  public static final int ESP_DES = 2;
  public static final int ESP_3DES = 3;
  public static final int ESP_AES = 12;

  private IpsecAttributes() {}
}
