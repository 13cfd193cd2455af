package dev.dmvpn.ref.ipsec;

import dev.dmvpn.ref.crypto.RandomSource;

/**
 * ESP packet protection and verification (RFC 4303) on raw bytes, from the SPI to the end of the ICV (the outer IP
 * header is the caller's business):
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+ ----
 * |               Security Parameters Index (SPI)                 | ^Int.
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+ |Cov-
 * |                      Sequence Number                          | |ered
 * +---------------------------------------------------------------+ | ----
 * |                    IV (8 or 16 bytes)                         | |   ^
 * ~                    Payload Data (variable)                    ~ |   |Conf.
 * +               +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+ |   |Cov-
 * |               |     Padding (0-255 bytes: 1, 2, 3, ...)       | |   |ered*
 * +-+-+-+-+-+-+-+-+               +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+ |   |
 * |                               |  Pad Length   | Next Header   | v   v
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+ ------
 * |         Integrity Check Value (12 or 16 bytes)                |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * <p>CBC IVs come from the injected {@link RandomSource} (they must be unpredictable). The GCM explicit IV is the
 * 64-bit sequence number: unique per key, which is all RFC 4106 section 3.1 asks (Linux's seqiv does the same).
 * Stateless apart from the random source; per-SA state lives in {@link EspSa}.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc4303#section-2">RFC 4303 section 2</a>
 */
public final class EspProcessor {
  private static final int HEADER = 8;
  private static final int TRAILER = 2;

  private final RandomSource random;

  public EspProcessor(RandomSource random) {
    this.random = random;
  }

  /** Protects {@code payload} with the next sequence number of the outbound {@code sa}. */
  public byte[] protect(EspSa sa, int nextHeader, byte[] payload) {
    return protect(sa, nextHeader, payload, 0, payload.length);
  }

  /**
   * Protects {@code payload[off, off+len)}.
   *
   * @return SPI | Seq | IV | ciphertext | ICV
   * @throws IllegalStateException when the SA is inbound or expired (the caller must rekey)
   */
  public byte[] protect(EspSa sa, int nextHeader, byte[] payload, int off, int len) {
    EspSaParameters p = sa.parameters();
    long seq = sa.nextSequenceNumber();
    EspEncryption enc = p.encryption();
    int align = enc.alignment();
    int plainLen = (len + TRAILER + align - 1) / align * align;
    int padLen = plainLen - len - TRAILER;
    int ivLen = enc.ivLength();
    int icvLen = enc.isAead() ? enc.aeadIcvLength() : p.integrity().icvLength();
    byte[] out = new byte[HEADER + ivLen + plainLen + icvLen];
    writeInt(out, 0, p.spi());
    writeInt(out, 4, (int) seq);
    if (enc.isAead()) {
      writeInt(out, HEADER, 0); // 64-bit big-endian sequence number as the explicit IV
      writeInt(out, HEADER + 4, (int) seq);
    } else {
      byte[] iv = random.bytes(ivLen);
      System.arraycopy(iv, 0, out, HEADER, ivLen);
    }
    int dataOff = HEADER + ivLen;
    System.arraycopy(payload, off, out, dataOff, len);
    for (int i = 1; i <= padLen; i++) {
      out[dataOff + len + i - 1] = (byte) i;
    }
    out[dataOff + plainLen - 2] = (byte) padLen;
    out[dataOff + plainLen - 1] = (byte) nextHeader;
    int written = sa.cipher().encrypt(out, HEADER, out, 0, HEADER, out, dataOff, plainLen, out, dataOff);
    if (!enc.isAead()) {
      sa.icv().compute(out, 0, dataOff + written, out, dataOff + written);
    }
    sa.countTraffic(len);
    return out;
  }

  /** Verifies and decrypts a whole ESP packet. */
  public EspOpenResult open(EspSa sa, byte[] esp) {
    return open(sa, esp, 0, esp.length);
  }

  /**
   * Verifies and decrypts {@code esp[off, off+len)}: SPI, lifetime and replay window first, then the ICV (or GCM
   * tag), then decryption and the padding check; the replay window moves only for authenticated packets. Never
   * throws for bad input: every refusal is a {@link EspOpenResult.Status#DROPPED} result counted in the SA.
   */
  public EspOpenResult open(EspSa sa, byte[] esp, int off, int len) {
    EspSaParameters p = sa.parameters();
    EspEncryption enc = p.encryption();
    int ivLen = enc.ivLength();
    int icvLen = enc.isAead() ? enc.aeadIcvLength() : p.integrity().icvLength();
    if (len < HEADER + ivLen + enc.alignment() + icvLen) {
      return EspOpenResult.dropped(sa.countDrop(EspDropReason.TOO_SHORT), len >= HEADER ? readSeq(esp, off) : 0);
    }
    long seq = readSeq(esp, off);
    EspDropReason early = earlyChecks(sa, esp, off, seq);
    if (early != null) {
      return EspOpenResult.dropped(sa.countDrop(early), seq);
    }
    int dataOff = off + HEADER + ivLen;
    int cipherLen = len - HEADER - ivLen - icvLen;
    if (p.integrity().verifies() && !sa.icv().verify(esp, off, len - icvLen)) {
      return EspOpenResult.dropped(sa.countDrop(EspDropReason.ICV_FAILED), seq);
    }
    if (!enc.isAead() && cipherLen % enc.alignment() != 0) {
      return EspOpenResult.dropped(sa.countDrop(EspDropReason.BAD_ALIGNMENT), seq);
    }
    byte[] plain = new byte[cipherLen];
    int plainLen = sa.cipher().decrypt(esp, off + HEADER, esp, off, HEADER, esp, dataOff,
        enc.isAead() ? cipherLen + icvLen : cipherLen, plain, 0);
    if (plainLen < 0) {
      return EspOpenResult.dropped(sa.countDrop(EspDropReason.ICV_FAILED), seq);
    }
    return finish(sa, seq, plain, plainLen);
  }

  private static EspDropReason earlyChecks(EspSa sa, byte[] esp, int off, long seq) {
    if (readInt(esp, off) != sa.spi()) {
      return EspDropReason.SPI_MISMATCH;
    }
    if (sa.isExpired()) {
      return EspDropReason.SA_EXPIRED;
    }
    return sa.replayWindow().check(seq) ? null : EspDropReason.REPLAY;
  }

  /** Strips and checks padding, then commits the packet to the replay window and counters. */
  private static EspOpenResult finish(EspSa sa, long seq, byte[] plain, int plainLen) {
    int padLen = plain[plainLen - 2] & 0xFF;
    int nextHeader = plain[plainLen - 1] & 0xFF;
    int payloadLen = plainLen - TRAILER - padLen;
    if (payloadLen < 0 || !monotonicPadding(plain, payloadLen, padLen)) {
      return EspOpenResult.dropped(sa.countDrop(EspDropReason.BAD_PADDING), seq);
    }
    sa.replayWindow().update(seq);
    sa.countTraffic(payloadLen);
    EspOpenResult.Status status = sa.parameters().integrity() == EspIntegrity.UNCHECKED_96
        ? EspOpenResult.Status.DECRYPTED_UNVERIFIED
        : EspOpenResult.Status.DELIVERED;
    return new EspOpenResult(status, null, seq, nextHeader, plain, 0, payloadLen);
  }

  /** RFC 4303 section 2.4: the padding bytes are 1, 2, 3, ... */
  private static boolean monotonicPadding(byte[] plain, int start, int padLen) {
    for (int i = 0; i < padLen; i++) {
      if ((plain[start + i] & 0xFF) != i + 1) {
        return false;
      }
    }
    return true;
  }

  private static long readSeq(byte[] b, int off) {
    return readInt(b, off + 4) & 0xFFFF_FFFFL;
  }

  private static int readInt(byte[] b, int off) {
    return ((b[off] & 0xFF) << 24) | ((b[off + 1] & 0xFF) << 16) | ((b[off + 2] & 0xFF) << 8) | (b[off + 3] & 0xFF);
  }

  private static void writeInt(byte[] b, int off, int v) {
    b[off] = (byte) (v >>> 24);
    b[off + 1] = (byte) (v >>> 16);
    b[off + 2] = (byte) (v >>> 8);
    b[off + 3] = (byte) v;
  }
}
