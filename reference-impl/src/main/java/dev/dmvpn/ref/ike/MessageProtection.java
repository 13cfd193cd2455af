package dev.dmvpn.ref.ike;

import dev.dmvpn.ref.crypto.HashAlgorithm;
import dev.dmvpn.ref.crypto.Ikev1Cipher;
import dev.dmvpn.ref.crypto.Ikev1Encryption;
import dev.dmvpn.ref.crypto.Ikev1KeyDerivation;
import java.util.HashMap;
import java.util.Map;

/**
 * Encryption of one ISAKMP SA's messages with the IV bookkeeping of RFC 2409 appendix B (as strongSwan's
 * {@code iv_manager.c} keeps it): message ID 0 (Main Mode) chains from the Phase-1 IV hash(g^xi | g^xr); every
 * other message ID starts from hash(last Phase-1 ciphertext block | M-ID) and then chains from the last ciphertext
 * block of the previous message with that ID. NOT thread-safe.
 */
final class MessageProtection {
  private final Ikev1Cipher cipher;
  private final HashAlgorithm hash;
  private final int blockSize;
  private final Map<Integer, byte[]> ivs = new HashMap<>();
  private byte[] lastPhase1Block;

  MessageProtection(Ikev1Encryption encryption, byte[] ka, HashAlgorithm hash, byte[] phase1Iv) {
    this.cipher = new Ikev1Cipher(encryption, ka);
    this.hash = hash;
    this.blockSize = encryption.blockSize();
    this.ivs.put(0, phase1Iv);
    this.lastPhase1Block = phase1Iv;
  }

  /** Encrypts a payload chain for message ID {@code messageId} and moves that ID's IV on. */
  byte[] encrypt(int messageId, byte[] chain) {
    byte[] ciphertext = cipher.encrypt(iv(messageId), chain);
    advance(messageId, ciphertext);
    return ciphertext;
  }

  /** Decrypts a message body (padding kept) and moves that ID's IV on. */
  byte[] decrypt(int messageId, byte[] ciphertext) {
    if (ciphertext.length == 0 || ciphertext.length % blockSize != 0) {
      throw new IllegalArgumentException("encrypted body of " + ciphertext.length + " bytes is not a multiple of the "
          + blockSize + "-byte block");
    }
    byte[] plain = cipher.decrypt(iv(messageId), ciphertext);
    advance(messageId, ciphertext);
    return plain;
  }

  /** Drops the IV of a finished Quick Mode or Informational exchange. */
  void forget(int messageId) {
    if (messageId != 0) {
      ivs.remove(messageId);
    }
  }

  private byte[] iv(int messageId) {
    byte[] iv = ivs.get(messageId);
    return iv != null ? iv : Ikev1KeyDerivation.phase2Iv(hash, lastPhase1Block, messageId, blockSize);
  }

  private void advance(int messageId, byte[] ciphertext) {
    byte[] last = cipher.nextIv(ciphertext);
    ivs.put(messageId, last);
    if (messageId == 0) {
      lastPhase1Block = last;
    }
  }
}
