package dev.dmvpn.ref.crypto;

import java.math.BigInteger;

/**
 * The MODP Diffie-Hellman groups IKEv1 peers of this profile negotiate, all with generator 2.
 *
 * <p>Primes: group 1 (768 bit) and 2 (1024 bit) from RFC 2409 section 6.1/6.2, group 5 (1536 bit) and 14
 * (2048 bit) from RFC 3526 sections 2 and 3. Each prime is {@code 2^n - 2^(n-64) - 1 + 2^64 * (floor(2^(n-130)
 * pi) + c)}; the tests recompute that from pi.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc2409#section-6">RFC 2409 section 6</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc3526">RFC 3526</a>
 */
public enum OakleyGroup {
  MODP_768(1, 160,
      "FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A08798E3404DDEF9519B3CD"
          + "3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A63A3620FFFFFFFFFFFFFFFF"),
  MODP_1024(2, 160,
      "FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A08798E3404DDEF9519B3CD"
          + "3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7EDEE386BFB5A899FA5AE9F"
          + "24117C4B1FE649286651ECE65381FFFFFFFFFFFFFFFF"),
  MODP_1536(5, 240,
      "FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A08798E3404DDEF9519B3CD"
          + "3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7EDEE386BFB5A899FA5AE9F"
          + "24117C4B1FE649286651ECE45B3DC2007CB8A163BF0598DA48361C55D39A69163FA8FD24CF5F83655D23DCA3AD961C62F356208552"
          + "BB9ED529077096966D670C354E4ABC9804F1746C08CA237327FFFFFFFFFFFFFFFF"),
  MODP_2048(14, 320,
      "FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A08798E3404DDEF9519B3CD"
          + "3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7EDEE386BFB5A899FA5AE9F"
          + "24117C4B1FE649286651ECE45B3DC2007CB8A163BF0598DA48361C55D39A69163FA8FD24CF5F83655D23DCA3AD961C62F356208552"
          + "BB9ED529077096966D670C354E4ABC9804F1746C08CA18217C32905E462E36CE3BE39E772C180E86039B2783A2EC07A28FB5C55DF0"
          + "6F4C52C9DE2BCBF6955817183995497CEA956AE515D2261898FA051015728E5A8AACAA68FFFFFFFFFFFFFFFF");

  private static final BigInteger TWO = BigInteger.valueOf(2);

  private final int id;
  private final int shortExponentBits;
  private final BigInteger prime;
  private final int primeLength;

  OakleyGroup(int id, int shortExponentBits, String primeHex) {
    this.id = id;
    this.shortExponentBits = shortExponentBits;
    this.prime = new BigInteger(primeHex, 16);
    this.primeLength = (prime.bitLength() + 7) / 8;
  }

  /** The IKEv1 "Group Description" attribute value (1, 2, 5, 14). */
  public int id() {
    return id;
  }

  public BigInteger prime() {
    return prime;
  }

  public BigInteger generator() {
    return TWO;
  }

  /** Prime length in bytes: the width of every public value and shared secret on the wire (96/128/192/256). */
  public int primeLength() {
    return primeLength;
  }

  /**
   * A private-exponent size of about twice the group's symmetric strength estimate (RFC 3526 section 8 table:
   * 160 bits for groups 1 and 2, 240 for group 5, 320 for group 14), used by {@link ExponentSize#SHORT}.
   */
  public int shortExponentBits() {
    return shortExponentBits;
  }

  /** The group with IKEv1 id {@code id}, or null when it is not one of ours. */
  public static OakleyGroup byId(int id) {
    for (OakleyGroup g : values()) {
      if (g.id == id) {
        return g;
      }
    }
    return null;
  }

  /** How long a private exponent {@link DiffieHellman#generate} picks. */
  public enum ExponentSize {
    /** Uniform in [2, p-2]: what strongSwan and IOS do by default; slowest (0.6 ms for group 2). */
    FULL,
    /** {@link OakleyGroup#shortExponentBits()} random bits: about 5x faster, as allowed by RFC 3526 section 8. */
    SHORT
  }
}
