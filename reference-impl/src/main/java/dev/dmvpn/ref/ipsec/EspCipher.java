package dev.dmvpn.ref.ipsec;

import java.security.GeneralSecurityException;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The encryption half of one ESP SA: one JCE {@link Cipher} created for the SA's lifetime and re-initialised per
 * packet with that packet's IV (JCE has no cheaper way to change the IV). Works on caller-owned arrays; in-place
 * operation (same array, same offset) is allowed. NOT thread-safe: one instance per SA and thread.
 *
 * <p>CBC: ciphertext length = plaintext length (whole blocks). GCM (RFC 4106): nonce = salt | explicit IV, the
 * additional authenticated data is SPI | Sequence Number, and the 16-byte tag follows the ciphertext.
 */
public final class EspCipher {
  private static final int GCM_TAG_BITS = 128;

  private final EspEncryption algorithm;
  private final SecretKeySpec key;
  private final Cipher cipher;
  private final byte[] gcmNonce;

  private EspCipher(EspEncryption algorithm, byte[] keyMaterial) {
    this.algorithm = algorithm;
    int aesKeyLength = keyMaterial.length - (algorithm.isAead() ? EspEncryption.GCM_SALT_LENGTH : 0);
    this.key = new SecretKeySpec(keyMaterial, 0, aesKeyLength, algorithm.keyAlgorithm());
    this.gcmNonce = new byte[12];
    if (algorithm.isAead()) {
      System.arraycopy(keyMaterial, aesKeyLength, gcmNonce, 0, EspEncryption.GCM_SALT_LENGTH);
    }
    try {
      this.cipher = Cipher.getInstance(algorithm.transformation());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(algorithm.transformation() + " unavailable in this JDK", e);
    }
  }

  /** A cipher for {@code keyMaterial} ({@link EspEncryption#keyMaterialLength()} bytes, salt included for GCM). */
  public static EspCipher create(EspEncryption algorithm, byte[] keyMaterial) {
    if (keyMaterial.length != algorithm.keyMaterialLength()) {
      throw new IllegalArgumentException(algorithm + " needs " + algorithm.keyMaterialLength()
          + " bytes of key material, got " + keyMaterial.length);
    }
    return new EspCipher(algorithm, keyMaterial);
  }

  public EspEncryption algorithm() {
    return algorithm;
  }

  /**
   * Encrypts {@code in[inOff, inOff+len)} into {@code out} at {@code outOff}; returns the bytes written
   * ({@code len}, plus the tag for GCM).
   *
   * @param iv the explicit IV ({@link EspEncryption#ivLength()} bytes at {@code ivOff})
   * @param aad SPI | Seq for GCM (ignored by CBC)
   */
  public int encrypt(byte[] iv, int ivOff, byte[] aad, int aadOff, int aadLen, byte[] in, int inOff, int len,
      byte[] out, int outOff) {
    try {
      init(Cipher.ENCRYPT_MODE, iv, ivOff);
      if (algorithm.isAead()) {
        cipher.updateAAD(aad, aadOff, aadLen);
      }
      return cipher.doFinal(in, inOff, len, out, outOff);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(algorithm + " encryption failed", e);
    }
  }

  /**
   * Decrypts {@code in[inOff, inOff+len)} (ciphertext, plus the tag for GCM) into {@code out} at {@code outOff}.
   *
   * @return the plaintext length, or -1 when the GCM tag does not verify (nothing usable is in {@code out})
   * @throws IllegalArgumentException when a CBC length is not a whole number of blocks
   */
  public int decrypt(byte[] iv, int ivOff, byte[] aad, int aadOff, int aadLen, byte[] in, int inOff, int len,
      byte[] out, int outOff) {
    try {
      init(Cipher.DECRYPT_MODE, iv, ivOff);
      if (algorithm.isAead()) {
        cipher.updateAAD(aad, aadOff, aadLen);
      }
      return cipher.doFinal(in, inOff, len, out, outOff);
    } catch (AEADBadTagException e) {
      return -1;
    } catch (javax.crypto.IllegalBlockSizeException e) {
      throw new IllegalArgumentException(algorithm + ": " + len + " bytes are not whole blocks", e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(algorithm + " decryption failed", e);
    }
  }

  private void init(int mode, byte[] iv, int ivOff) throws GeneralSecurityException {
    if (algorithm.isAead()) {
      System.arraycopy(iv, ivOff, gcmNonce, EspEncryption.GCM_SALT_LENGTH, algorithm.ivLength());
      cipher.init(mode, key, new GCMParameterSpec(GCM_TAG_BITS, gcmNonce));
    } else {
      cipher.init(mode, key, new IvParameterSpec(iv, ivOff, algorithm.ivLength()));
    }
  }

  @Override
  public String toString() {
    return "EspCipher[" + algorithm + "]"; // never print key material or the salt
  }
}
