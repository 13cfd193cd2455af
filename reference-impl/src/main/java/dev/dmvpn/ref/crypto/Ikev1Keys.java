package dev.dmvpn.ref.crypto;

/**
 * The IKEv1 Phase-1 key chain of one ISAKMP SA. Arrays are shared: do not modify them.
 *
 * @param skeyid SKEYID (for PSK: prf(PSK, Ni_b | Nr_b)); keys HASH_I / HASH_R
 * @param skeyidD SKEYID_d: keys the Quick Mode KEYMAT
 * @param skeyidA SKEYID_a: keys HASH(1)/(2)/(3) and informational hashes
 * @param skeyidE SKEYID_e: source of the encryption key
 * @param encryptionKey Ka, SKEYID_e expanded/truncated to the cipher's key length (RFC 2409 appendix B); this is
 *     the key Wireshark's {@code ikev1_decryption_table} wants
 * @see <a href="https://www.rfc-editor.org/rfc/rfc2409#section-5">RFC 2409 section 5</a>
 */
public record Ikev1Keys(byte[] skeyid, byte[] skeyidD, byte[] skeyidA, byte[] skeyidE, byte[] encryptionKey) {}
