package dev.dmvpn.ref.capture.keys;

/**
 * One row of Wireshark's {@code ikev1_decryption_table}. Arrays are shared: do not modify them.
 *
 * @param initiatorCookie the 8-byte CKY-I
 * @param encryptionKey Ka, the final Phase-1 cipher key after RFC 2409 appendix B expansion (not SKEYID_e)
 */
public record WiresharkIkeSa(byte[] initiatorCookie, byte[] encryptionKey) {
  public WiresharkIkeSa {
    if (initiatorCookie.length != 8) {
      throw new IllegalArgumentException("initiator cookie must be 8 bytes, got " + initiatorCookie.length);
    }
  }
}
