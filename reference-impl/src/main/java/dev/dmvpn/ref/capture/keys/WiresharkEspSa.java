package dev.dmvpn.ref.capture.keys;

import dev.dmvpn.ref.ipsec.EspDirection;
import dev.dmvpn.ref.ipsec.EspEncryption;
import dev.dmvpn.ref.ipsec.EspIntegrity;
import dev.dmvpn.ref.ipsec.EspMode;
import dev.dmvpn.ref.ipsec.EspSaParameters;

/**
 * One row of Wireshark's {@code esp_sa} table. Arrays are shared: do not modify them.
 *
 * @param protocol "IPv4" or "IPv6"
 * @param source source address of the ESP packets, or "*"
 * @param destination destination address, or "*"
 * @param spi the SPI (written as 0x%08x)
 * @param encryptionAlgorithm an exact {@link WiresharkAlgorithms} string
 * @param encryptionKey key bytes (AES key + salt for GCM)
 * @param authenticationAlgorithm an exact {@link WiresharkAlgorithms} string
 * @param authenticationKey key bytes, empty for NULL / no checking
 */
public record WiresharkEspSa(String protocol, String source, String destination, int spi,
    String encryptionAlgorithm, byte[] encryptionKey, String authenticationAlgorithm, byte[] authenticationKey) {

  /** The row for an IPv4 SA of ours between {@code source} and {@code destination}. */
  public static WiresharkEspSa of(EspSaParameters sa, String source, String destination) {
    return new WiresharkEspSa("IPv4", source, destination, sa.spi(),
        WiresharkAlgorithms.encryption(sa.encryption()), sa.encryptionKey(),
        WiresharkAlgorithms.authentication(sa.integrity()), sa.integrityKey());
  }

  /**
   * Inbound SA parameters for decrypting a capture with this row.
   *
   * @throws IllegalArgumentException when the algorithms are ones we do not implement
   */
  public EspSaParameters toParameters(EspMode mode) {
    EspEncryption enc = WiresharkAlgorithms.encryptionOf(encryptionAlgorithm, encryptionKey.length);
    EspIntegrity integrity = WiresharkAlgorithms.integrityOf(authenticationAlgorithm);
    if (enc == null || integrity == null) {
      throw new IllegalArgumentException("unsupported algorithms for SPI 0x" + Integer.toHexString(spi) + ": "
          + encryptionAlgorithm + " (" + encryptionKey.length + "-byte key) / " + authenticationAlgorithm);
    }
    return EspSaParameters.of(spi, EspDirection.INBOUND, mode, enc, encryptionKey, integrity, authenticationKey);
  }

  @Override
  public String toString() { // keys left out on purpose
    return "WiresharkEspSa[" + protocol + " " + source + " -> " + destination + " spi 0x"
        + Integer.toHexString(spi) + ", " + encryptionAlgorithm + ", " + authenticationAlgorithm + "]";
  }
}
