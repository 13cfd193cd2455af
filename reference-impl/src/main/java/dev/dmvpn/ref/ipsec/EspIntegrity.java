package dev.dmvpn.ref.ipsec;

/**
 * ESP integrity transforms: HMAC truncated to the ICV length.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc2403">RFC 2403 (HMAC-MD5-96)</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc2404">RFC 2404 (HMAC-SHA-1-96)</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc4868">RFC 4868 (HMAC-SHA-256-128)</a>
 */
public enum EspIntegrity {
  /** No separate integrity transform: only valid with an AEAD cipher (GCM). */
  NONE(null, 0, 0),
  HMAC_MD5_96("HmacMD5", 16, 12),
  HMAC_SHA1_96("HmacSHA1", 20, 12),
  HMAC_SHA256_128("HmacSHA256", 32, 16),
  /**
   * Capture analysis only: a 12-byte ICV is present but its key is unknown, so it is skipped, never checked
   * (Wireshark's "ANY 96 bit authentication [no checking]"). {@link EspProcessor#open} never reports packets of
   * such an SA as delivered.
   */
  UNCHECKED_96(null, 0, 12);

  private final String macName;
  private final int keyLength;
  private final int icvLength;

  EspIntegrity(String macName, int keyLength, int icvLength) {
    this.macName = macName;
    this.keyLength = keyLength;
    this.icvLength = icvLength;
  }

  /** JCE Mac name, or null when nothing is computed. */
  public String macName() {
    return macName;
  }

  /** KEYMAT bytes this transform consumes. */
  public int keyLength() {
    return keyLength;
  }

  /** ICV bytes at the end of the packet. */
  public int icvLength() {
    return icvLength;
  }

  /** True when the ICV is verified (an HMAC transform). */
  public boolean verifies() {
    return macName != null;
  }
}
