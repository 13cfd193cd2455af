package dev.dmvpn.ref.ipsec;

/**
 * What Quick Mode negotiated for one IPsec SA (one direction). Key arrays are shared: do not modify them.
 *
 * @param spi the SPI on the wire (chosen by the receiver of this SA)
 * @param encryptionKey {@link EspEncryption#keyMaterialLength()} bytes (AES key + salt for GCM)
 * @param integrityKey {@link EspIntegrity#keyLength()} bytes (empty for NONE / UNCHECKED_96)
 * @param lifetimeSeconds hard lifetime in seconds, 0 = none (IOS default 3600)
 * @param lifetimeKilobytes hard lifetime in kilobytes of payload, 0 = none (IOS default 4608000)
 */
public record EspSaParameters(int spi, EspDirection direction, EspMode mode, EspEncryption encryption,
    byte[] encryptionKey, EspIntegrity integrity, byte[] integrityKey, long lifetimeSeconds,
    long lifetimeKilobytes) {

  public EspSaParameters {
    if (encryption.isAead() != (integrity == EspIntegrity.NONE)) {
      throw new IllegalArgumentException(encryption + " cannot be combined with integrity " + integrity
          + " (AEAD needs NONE, CBC needs an ICV)");
    }
    if (integrity == EspIntegrity.UNCHECKED_96 && direction != EspDirection.INBOUND) {
      throw new IllegalArgumentException("UNCHECKED_96 is for decrypting captures only (inbound)");
    }
    if (lifetimeSeconds < 0 || lifetimeKilobytes < 0) {
      throw new IllegalArgumentException("lifetimes must be >= 0 (0 = none)");
    }
  }

  /** Parameters without lifetimes (capture analysis, tests). */
  public static EspSaParameters of(int spi, EspDirection direction, EspMode mode, EspEncryption encryption,
      byte[] encryptionKey, EspIntegrity integrity, byte[] integrityKey) {
    return new EspSaParameters(spi, direction, mode, encryption, encryptionKey, integrity, integrityKey, 0, 0);
  }

  /** Same SA, other direction: the two ends of one SA share SPI and keys. */
  public EspSaParameters reversed() {
    EspDirection d = direction == EspDirection.INBOUND ? EspDirection.OUTBOUND : EspDirection.INBOUND;
    return new EspSaParameters(spi, d, mode, encryption, encryptionKey, integrity, integrityKey,
        lifetimeSeconds, lifetimeKilobytes);
  }

  @Override
  public String toString() { // keys are deliberately left out
    return "EspSaParameters[spi=0x" + Integer.toHexString(spi) + ", " + direction + ", " + mode + ", "
        + encryption + ", " + integrity + ", " + lifetimeSeconds + " s, " + lifetimeKilobytes + " KB]";
  }
}
