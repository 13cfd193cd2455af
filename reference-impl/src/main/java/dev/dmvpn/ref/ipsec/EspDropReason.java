package dev.dmvpn.ref.ipsec;

/** Why {@link EspProcessor#open} refused a packet; each is counted in the SA. */
public enum EspDropReason {
  /** Shorter than SPI + Seq + IV + minimum ciphertext + ICV. */
  TOO_SHORT,
  /** The SPI in the packet is not this SA's. */
  SPI_MISMATCH,
  /** Sequence number 0, already received, or left of the 64-packet window. */
  REPLAY,
  /** The HMAC ICV or the GCM tag does not verify. */
  ICV_FAILED,
  /** CBC ciphertext that is not a whole number of blocks (after a valid ICV: a broken sender). */
  BAD_ALIGNMENT,
  /** Pad length larger than the plaintext, or padding bytes other than 1, 2, 3, ... (RFC 4303 section 2.4). */
  BAD_PADDING,
  /** The SA's time or byte lifetime has run out. */
  SA_EXPIRED
}
