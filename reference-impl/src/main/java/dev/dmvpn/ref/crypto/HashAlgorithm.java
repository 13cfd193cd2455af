package dev.dmvpn.ref.crypto;

/**
 * The IKEv1 hash algorithms of this profile (Phase-1 attribute "Hash Algorithm": MD5 = 1, SHA = 2,
 * SHA2-256 = 4) with their JCE names. The IKEv1 prf is HMAC with this hash (RFC 2409 section 4).
 */
public enum HashAlgorithm {
  MD5(1, "MD5", "HmacMD5", 16),
  SHA1(2, "SHA-1", "HmacSHA1", 20),
  SHA256(4, "SHA-256", "HmacSHA256", 32);

  private final int ikeId;
  private final String digestName;
  private final String macName;
  private final int outputLength;

  HashAlgorithm(int ikeId, String digestName, String macName, int outputLength) {
    this.ikeId = ikeId;
    this.digestName = digestName;
    this.macName = macName;
    this.outputLength = outputLength;
  }

  /** IKEv1 attribute value (RFC 2409 appendix A). */
  public int ikeId() {
    return ikeId;
  }

  public String digestName() {
    return digestName;
  }

  public String macName() {
    return macName;
  }

  /** Digest and HMAC output length in bytes. */
  public int outputLength() {
    return outputLength;
  }

  /** The algorithm with IKEv1 id {@code id}, or null. */
  public static HashAlgorithm byIkeId(int id) {
    for (HashAlgorithm h : values()) {
      if (h.ikeId == id) {
        return h;
      }
    }
    return null;
  }
}
