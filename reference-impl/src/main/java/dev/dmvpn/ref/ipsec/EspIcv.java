package dev.dmvpn.ref.ipsec;

import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The integrity half of one ESP SA: an HMAC over SPI .. end of ciphertext, truncated to the ICV length. One
 * {@link Mac} and one scratch buffer per SA. NOT thread-safe.
 */
public final class EspIcv {
  private final EspIntegrity algorithm;
  private final Mac mac;
  private final byte[] full;

  private EspIcv(EspIntegrity algorithm, Mac mac) {
    this.algorithm = algorithm;
    this.mac = mac;
    this.full = mac == null ? null : new byte[mac.getMacLength()];
  }

  /** An ICV engine; {@code key} must be {@link EspIntegrity#keyLength()} bytes (ignored for NONE/UNCHECKED). */
  public static EspIcv create(EspIntegrity algorithm, byte[] key) {
    if (!algorithm.verifies()) {
      return new EspIcv(algorithm, null);
    }
    if (key.length != algorithm.keyLength()) {
      throw new IllegalArgumentException(algorithm + " needs a " + algorithm.keyLength() + "-byte key, got "
          + key.length);
    }
    try {
      Mac mac = Mac.getInstance(algorithm.macName());
      mac.init(new SecretKeySpec(key, algorithm.macName()));
      return new EspIcv(algorithm, mac);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(algorithm.macName() + " unavailable in this JDK", e);
    }
  }

  public EspIntegrity algorithm() {
    return algorithm;
  }

  /** Writes the ICV of {@code data[off, off+len)} to {@code out} at {@code outOff}. */
  public void compute(byte[] data, int off, int len, byte[] out, int outOff) {
    mac.update(data, off, len);
    doFinal();
    System.arraycopy(full, 0, out, outOff, algorithm.icvLength());
  }

  /** True when the ICV stored at {@code data[off+len ...]} matches; compares in constant time. */
  public boolean verify(byte[] data, int off, int len) {
    mac.update(data, off, len);
    doFinal();
    int diff = 0;
    for (int i = 0; i < algorithm.icvLength(); i++) {
      diff |= full[i] ^ data[off + len + i];
    }
    return diff == 0;
  }

  private void doFinal() {
    try {
      mac.doFinal(full, 0);
    } catch (javax.crypto.ShortBufferException e) {
      throw new IllegalStateException(e); // full is sized from getMacLength()
    }
  }
}
