package dev.dmvpn.ref.crypto;

/**
 * The IKEv1 Phase-1 encryption algorithms of this profile with their key and block sizes (attribute
 * "Encryption Algorithm": DES-CBC = 1, 3DES-CBC = 5, AES-CBC = 7 with Key Length 128/192/256).
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc2409#appendix-A">RFC 2409 appendix A</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc3602">RFC 3602 (AES-CBC)</a>
 */
public enum Ikev1Encryption {
  DES_CBC(1, 8, 8, "DES", "DES/CBC/NoPadding"),
  TDES_CBC(5, 24, 8, "DESede", "DESede/CBC/NoPadding"),
  AES_128_CBC(7, 16, 16, "AES", "AES/CBC/NoPadding"),
  AES_192_CBC(7, 24, 16, "AES", "AES/CBC/NoPadding"),
  AES_256_CBC(7, 32, 16, "AES", "AES/CBC/NoPadding");

  private final int ikeId;
  private final int keyLength;
  private final int blockSize;
  private final String keyAlgorithm;
  private final String transformation;

  Ikev1Encryption(int ikeId, int keyLength, int blockSize, String keyAlgorithm, String transformation) {
    this.ikeId = ikeId;
    this.keyLength = keyLength;
    this.blockSize = blockSize;
    this.keyAlgorithm = keyAlgorithm;
    this.transformation = transformation;
  }

  /** IKEv1 "Encryption Algorithm" attribute value (AES variants differ only in the Key Length attribute). */
  public int ikeId() {
    return ikeId;
  }

  /** Length of Ka in bytes. */
  public int keyLength() {
    return keyLength;
  }

  /** CBC block size in bytes: also the IV length and the padding unit. */
  public int blockSize() {
    return blockSize;
  }

  String keyAlgorithm() {
    return keyAlgorithm;
  }

  String transformation() {
    return transformation;
  }
}
