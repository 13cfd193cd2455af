package dev.dmvpn.ref.ipsec;

/**
 * ESP encryption transforms with their key, IV, padding and ICV geometry.
 *
 * <p>For AES-GCM the key material is the AES key followed by the 4-byte salt (RFC 4106 section 8.1: KEYMAT is
 * {@code keyLength + 4} bytes); the 8-byte explicit IV on the wire completes the 12-byte nonce, and the 16-byte
 * ICV is the GCM tag (no separate integrity transform).
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc2451">RFC 2451 (3DES-CBC)</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc3602">RFC 3602 (AES-CBC)</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc4106">RFC 4106 (AES-GCM in ESP)</a>
 */
public enum EspEncryption {
  DES_CBC(2, 8, 8, 8, 0, "DES", "DES/CBC/NoPadding"),
  TDES_CBC(3, 24, 8, 8, 0, "DESede", "DESede/CBC/NoPadding"),
  AES_CBC_128(12, 16, 16, 16, 0, "AES", "AES/CBC/NoPadding"),
  AES_CBC_192(12, 24, 16, 16, 0, "AES", "AES/CBC/NoPadding"),
  AES_CBC_256(12, 32, 16, 16, 0, "AES", "AES/CBC/NoPadding"),
  AES_GCM_16_128(20, 20, 8, 4, 16, "AES", "AES/GCM/NoPadding"),
  AES_GCM_16_192(20, 28, 8, 4, 16, "AES", "AES/GCM/NoPadding"),
  AES_GCM_16_256(20, 36, 8, 4, 16, "AES", "AES/GCM/NoPadding");

  /** Length of the RFC 4106 salt at the end of GCM key material. */
  public static final int GCM_SALT_LENGTH = 4;

  private final int transformId;
  private final int keyMaterialLength;
  private final int ivLength;
  private final int alignment;
  private final int aeadIcvLength;
  private final String keyAlgorithm;
  private final String transformation;

  EspEncryption(int transformId, int keyMaterialLength, int ivLength, int alignment, int aeadIcvLength,
      String keyAlgorithm, String transformation) {
    this.transformId = transformId;
    this.keyMaterialLength = keyMaterialLength;
    this.ivLength = ivLength;
    this.alignment = alignment;
    this.aeadIcvLength = aeadIcvLength;
    this.keyAlgorithm = keyAlgorithm;
    this.transformation = transformation;
  }

  /** IPsec DOI transform id (ESP_DES 2, ESP_3DES 3, ESP_AES 12, ESP_AES_GCM_16 20). */
  public int transformId() {
    return transformId;
  }

  /** KEYMAT bytes this transform consumes (including the GCM salt). */
  public int keyMaterialLength() {
    return keyMaterialLength;
  }

  /** Explicit IV bytes on the wire after SPI and sequence number. */
  public int ivLength() {
    return ivLength;
  }

  /** The plaintext (payload + padding + 2 trailer bytes) is padded to a multiple of this. */
  public int alignment() {
    return alignment;
  }

  public boolean isAead() {
    return aeadIcvLength > 0;
  }

  /** The AEAD tag length (16 for GCM-16), 0 for CBC transforms. */
  public int aeadIcvLength() {
    return aeadIcvLength;
  }

  String keyAlgorithm() {
    return keyAlgorithm;
  }

  String transformation() {
    return transformation;
  }
}
