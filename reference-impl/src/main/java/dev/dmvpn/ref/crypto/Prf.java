package dev.dmvpn.ref.crypto;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * An IKEv1 pseudo-random function: HMAC keyed once, applied to the concatenation of several parts (so callers never
 * build the concatenation themselves). The {@link Mac} is created once per object and reused.
 *
 * <p>NOT thread-safe: use one instance per thread (they are cheap compared with the DH exchange).
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc2104">RFC 2104</a>
 */
public final class Prf {
  private final HashAlgorithm algorithm;
  private final Mac mac;

  public Prf(HashAlgorithm algorithm, byte[] key) {
    this.algorithm = algorithm;
    try {
      this.mac = Mac.getInstance(algorithm.macName());
      // HMAC accepts any key length, including empty; SecretKeySpec does not accept an empty array
      mac.init(key.length == 0 ? new EmptyKey(algorithm.macName()) : new SecretKeySpec(key, algorithm.macName()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(algorithm.macName() + " unavailable in this JDK", e);
    }
  }

  public HashAlgorithm algorithm() {
    return algorithm;
  }

  public int outputLength() {
    return algorithm.outputLength();
  }

  /** prf(key, parts[0] | parts[1] | ...). */
  public byte[] compute(byte[]... parts) {
    for (byte[] p : parts) {
      mac.update(p);
    }
    return mac.doFinal();
  }

  /** prf(key, data[off, off+len)). */
  public byte[] compute(byte[] data, int off, int len) {
    mac.update(data, off, len);
    return mac.doFinal();
  }

  /** One-shot convenience: HMAC(key, parts...) with a throw-away instance. */
  public static byte[] hmac(HashAlgorithm algorithm, byte[] key, byte[]... parts) {
    return new Prf(algorithm, key).compute(parts);
  }

  /** The plain hash (not HMAC) of the concatenated parts: IKEv1 IVs and NAT-D use it. */
  public static byte[] hash(HashAlgorithm algorithm, byte[]... parts) {
    try {
      MessageDigest md = MessageDigest.getInstance(algorithm.digestName());
      for (byte[] p : parts) {
        md.update(p);
      }
      return md.digest();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(algorithm.digestName() + " unavailable in this JDK", e);
    }
  }

  /** A zero-length HMAC key (RFC 2104 allows it; some fuzzed PSKs are empty). */
  private record EmptyKey(String getAlgorithm) implements javax.crypto.SecretKey {
    @Override
    public String getFormat() {
      return "RAW";
    }

    @Override
    public byte[] getEncoded() {
      return new byte[0];
    }
  }
}
