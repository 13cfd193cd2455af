package dev.dmvpn.ref.crypto;

import java.util.Arrays;

/**
 * IKEv1 key derivation and authentication hashes for pre-shared keys (RFC 2409), in the exact byte order
 * strongSwan ({@code keymat_v1.c}) and libreswan ({@code ikev1_prf.c}) use.
 *
 * <p>Naming: {@code gxi}/{@code gxr} are the initiator's/responder's full-width DH public values (KE payload
 * data), {@code ckyI}/{@code ckyR} the 8-byte cookies, {@code *B} a payload body without its 4-byte generic
 * header. Message IDs are 32-bit values written big-endian.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc2409#section-5">RFC 2409 sections 5, 5.5 and appendix B</a>
 */
public final class Ikev1KeyDerivation {
  private static final byte[] ZERO = {0};
  private static final byte[] ONE = {1};
  private static final byte[] TWO = {2};

  private Ikev1KeyDerivation() {}

  /** SKEYID = prf(PSK, Ni_b | Nr_b) for pre-shared-key authentication. */
  public static byte[] skeyidPsk(HashAlgorithm prf, byte[] psk, byte[] niB, byte[] nrB) {
    return Prf.hmac(prf, psk, niB, nrB);
  }

  /** The whole Phase-1 chain for PSK authentication. */
  public static Ikev1Keys derivePsk(HashAlgorithm prf, byte[] psk, byte[] niB, byte[] nrB, byte[] gxy,
      byte[] ckyI, byte[] ckyR, Ikev1Encryption cipher) {
    return derive(prf, skeyidPsk(prf, psk, niB, nrB), gxy, ckyI, ckyR, cipher);
  }

  /**
   * SKEYID_d = prf(SKEYID, g^xy | CKY-I | CKY-R | 0), SKEYID_a = prf(SKEYID, SKEYID_d | g^xy | CKY-I | CKY-R | 1),
   * SKEYID_e = prf(SKEYID, SKEYID_a | g^xy | CKY-I | CKY-R | 2), then Ka from SKEYID_e.
   */
  public static Ikev1Keys derive(HashAlgorithm prf, byte[] skeyid, byte[] gxy, byte[] ckyI, byte[] ckyR,
      Ikev1Encryption cipher) {
    Prf p = new Prf(prf, skeyid);
    byte[] d = p.compute(gxy, ckyI, ckyR, ZERO);
    byte[] a = p.compute(d, gxy, ckyI, ckyR, ONE);
    byte[] e = p.compute(a, gxy, ckyI, ckyR, TWO);
    return new Ikev1Keys(skeyid, d, a, e, encryptionKey(prf, e, cipher.keyLength()));
  }

  /**
   * Ka (RFC 2409 appendix B): the first {@code keyLength} bytes of SKEYID_e when it is long enough, else of
   * K1 | K2 | ... with K1 = prf(SKEYID_e, 0x00) and Kn = prf(SKEYID_e, K(n-1)).
   */
  public static byte[] encryptionKey(HashAlgorithm prf, byte[] skeyidE, int keyLength) {
    if (skeyidE.length >= keyLength) {
      return Arrays.copyOf(skeyidE, keyLength);
    }
    Prf p = new Prf(prf, skeyidE);
    byte[] out = new byte[keyLength];
    byte[] k = p.compute(ZERO);
    int filled = 0;
    while (true) {
      int n = Math.min(k.length, keyLength - filled);
      System.arraycopy(k, 0, out, filled, n);
      filled += n;
      if (filled == keyLength) {
        return out;
      }
      k = p.compute(k);
    }
  }

  /** Phase-1 IV = hash(g^xi | g^xr) truncated to the cipher block size. */
  public static byte[] phase1Iv(HashAlgorithm hash, byte[] gxi, byte[] gxr, int blockSize) {
    return Arrays.copyOf(Prf.hash(hash, gxi, gxr), blockSize);
  }

  /**
   * IV of the first message of a Quick Mode or Informational exchange: hash(last Phase-1 CBC block | M-ID)
   * truncated to the block size. {@code lastPhase1Block} is the last ciphertext block of the last Phase-1 message
   * (MM5 or MM6, whichever came last).
   */
  public static byte[] phase2Iv(HashAlgorithm hash, byte[] lastPhase1Block, int messageId, int blockSize) {
    return Arrays.copyOf(Prf.hash(hash, lastPhase1Block, int32(messageId)), blockSize);
  }

  /** HASH_I = prf(SKEYID, g^xi | g^xr | CKY-I | CKY-R | SAi_b | IDii_b). */
  public static byte[] hashI(HashAlgorithm prf, byte[] skeyid, byte[] gxi, byte[] gxr, byte[] ckyI, byte[] ckyR,
      byte[] saiB, byte[] idiiB) {
    return Prf.hmac(prf, skeyid, gxi, gxr, ckyI, ckyR, saiB, idiiB);
  }

  /**
   * HASH_R = prf(SKEYID, g^xr | g^xi | CKY-R | CKY-I | SAi_b | IDir_b). Arguments are given in initiator/responder
   * order like {@link #hashI}; the method swaps them. SAi_b is the initiator's SA body in both hashes.
   */
  public static byte[] hashR(HashAlgorithm prf, byte[] skeyid, byte[] gxi, byte[] gxr, byte[] ckyI, byte[] ckyR,
      byte[] saiB, byte[] idirB) {
    return Prf.hmac(prf, skeyid, gxr, gxi, ckyR, ckyI, saiB, idirB);
  }

  /** Quick Mode HASH(1) = prf(SKEYID_a, M-ID | message after the HASH payload). */
  public static byte[] quickModeHash1(HashAlgorithm prf, byte[] skeyidA, int messageId, byte[] afterHash) {
    return Prf.hmac(prf, skeyidA, int32(messageId), afterHash);
  }

  /** Quick Mode HASH(2) = prf(SKEYID_a, M-ID | Ni_b | message after the HASH payload). */
  public static byte[] quickModeHash2(HashAlgorithm prf, byte[] skeyidA, int messageId, byte[] niB,
      byte[] afterHash) {
    return Prf.hmac(prf, skeyidA, int32(messageId), niB, afterHash);
  }

  /** Quick Mode HASH(3) = prf(SKEYID_a, 0x00 | M-ID | Ni_b | Nr_b). */
  public static byte[] quickModeHash3(HashAlgorithm prf, byte[] skeyidA, int messageId, byte[] niB, byte[] nrB) {
    return Prf.hmac(prf, skeyidA, ZERO, int32(messageId), niB, nrB);
  }

  /** Informational HASH = prf(SKEYID_a, M-ID | payloads after the HASH payload) (RFC 2409 section 5.7). */
  public static byte[] informationalHash(HashAlgorithm prf, byte[] skeyidA, int messageId, byte[] afterHash) {
    return quickModeHash1(prf, skeyidA, messageId, afterHash);
  }

  /**
   * KEYMAT for one IPsec SA (RFC 2409 section 5.5): K1 = prf(SKEYID_d, [g(qm)^xy |] protocol | SPI | Ni_b | Nr_b),
   * Kn = prf(SKEYID_d, K(n-1) | [g(qm)^xy |] protocol | SPI | Ni_b | Nr_b), concatenated and cut to
   * {@code length}.
   *
   * @param gqmXy the Quick Mode DH secret with PFS, or null without PFS
   * @param protocol 3 for ESP
   * @param spi the SPI chosen by the RECEIVER of this SA (so the two directions differ)
   */
  public static byte[] keymat(HashAlgorithm prf, byte[] skeyidD, byte[] gqmXy, int protocol, int spi, byte[] niB,
      byte[] nrB, int length) {
    Prf p = new Prf(prf, skeyidD);
    byte[] pfs = gqmXy == null ? new byte[0] : gqmXy;
    byte[] proto = {(byte) protocol};
    byte[] spiBytes = int32(spi);
    byte[] out = new byte[length];
    byte[] k = new byte[0];
    for (int filled = 0; filled < length; ) {
      k = p.compute(k, pfs, proto, spiBytes, niB, nrB);
      int n = Math.min(k.length, length - filled);
      System.arraycopy(k, 0, out, filled, n);
      filled += n;
    }
    return out;
  }

  /** KEYMAT of {@code encryptionKeyLength + integrityKeyLength} bytes, split encryption key first. */
  public static ChildSaKeys childSaKeys(HashAlgorithm prf, byte[] skeyidD, byte[] gqmXy, int protocol, int spi,
      byte[] niB, byte[] nrB, int encryptionKeyLength, int integrityKeyLength) {
    byte[] km = keymat(prf, skeyidD, gqmXy, protocol, spi, niB, nrB, encryptionKeyLength + integrityKeyLength);
    return new ChildSaKeys(Arrays.copyOf(km, encryptionKeyLength),
        Arrays.copyOfRange(km, encryptionKeyLength, km.length));
  }

  /**
   * NAT-D hash = hash(CKY-I | CKY-R | IP | port) (RFC 3947 section 3.2) with the negotiated hash; the port is
   * 2 bytes big-endian, the address 4 (IPv4) or 16 (IPv6) bytes.
   */
  public static byte[] natDetectionHash(HashAlgorithm hash, byte[] ckyI, byte[] ckyR, byte[] address, int port) {
    return Prf.hash(hash, ckyI, ckyR, address, new byte[] {(byte) (port >>> 8), (byte) port});
  }

  static byte[] int32(int v) {
    return new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
  }
}
