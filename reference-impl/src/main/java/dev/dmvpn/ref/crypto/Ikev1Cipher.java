package dev.dmvpn.ref.crypto;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encryption of the ISAKMP payloads that follow the 28-byte header of an encrypted IKEv1 message (flag E).
 *
 * <p>CBC with the key Ka; the IV is managed by the caller (phase-1 IV, then the last ciphertext block of the
 * previous message: see {@link Ikev1KeyDerivation#phase1Iv} and {@link #nextIv}). Plaintext is padded with zero
 * bytes to a whole number of blocks, as RFC 2409 requires ("padded to the block size"); the payload chain's own
 * lengths tell the receiver where the data ends, so decryption returns the padding too. The {@link Cipher} is
 * created once per object. NOT thread-safe.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc2409#appendix-B">RFC 2409 appendix B</a>
 */
public final class Ikev1Cipher {
  private final Ikev1Encryption algorithm;
  private final SecretKeySpec key;
  private final Cipher cipher;

  public Ikev1Cipher(Ikev1Encryption algorithm, byte[] ka) {
    if (ka.length != algorithm.keyLength()) {
      throw new IllegalArgumentException(algorithm + " needs a " + algorithm.keyLength() + "-byte key, got "
          + ka.length);
    }
    this.algorithm = algorithm;
    this.key = new SecretKeySpec(ka, algorithm.keyAlgorithm());
    try {
      this.cipher = Cipher.getInstance(algorithm.transformation());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(algorithm.transformation() + " unavailable", e);
    }
  }

  public Ikev1Encryption algorithm() {
    return algorithm;
  }

  /** CBC-encrypts {@code plaintext}, zero-padded to the block size. */
  public byte[] encrypt(byte[] iv, byte[] plaintext) {
    int bs = algorithm.blockSize();
    byte[] padded = Arrays.copyOf(plaintext, (plaintext.length + bs - 1) / bs * bs);
    return run(Cipher.ENCRYPT_MODE, iv, padded, 0, padded.length);
  }

  /** CBC-decrypts whole blocks; the result keeps the sender's padding. */
  public byte[] decrypt(byte[] iv, byte[] ciphertext) {
    return decrypt(iv, ciphertext, 0, ciphertext.length);
  }

  /** CBC-decrypts {@code data[off, off+len)}, which must be a whole number of blocks. */
  public byte[] decrypt(byte[] iv, byte[] data, int off, int len) {
    if (len % algorithm.blockSize() != 0) {
      throw new IllegalArgumentException("encrypted length " + len + " is not a multiple of the "
          + algorithm.blockSize() + "-byte block");
    }
    return run(Cipher.DECRYPT_MODE, iv, data, off, len);
  }

  /** The IV of the next message in the same exchange: the last ciphertext block of this one. */
  public byte[] nextIv(byte[] ciphertext) {
    return nextIv(ciphertext, 0, ciphertext.length);
  }

  /** As {@link #nextIv(byte[])} for ciphertext stored at {@code data[off, off+len)}. */
  public byte[] nextIv(byte[] data, int off, int len) {
    int bs = algorithm.blockSize();
    if (len < bs) {
      throw new IllegalArgumentException("ciphertext shorter than one block");
    }
    return Arrays.copyOfRange(data, off + len - bs, off + len);
  }

  private byte[] run(int mode, byte[] iv, byte[] data, int off, int len) {
    if (iv.length != algorithm.blockSize()) {
      throw new IllegalArgumentException("IV must be " + algorithm.blockSize() + " bytes, got " + iv.length);
    }
    try {
      cipher.init(mode, key, new IvParameterSpec(iv));
      return cipher.doFinal(data, off, len);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(algorithm + " failed", e);
    }
  }
}
