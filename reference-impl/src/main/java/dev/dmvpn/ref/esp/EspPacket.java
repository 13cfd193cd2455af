package dev.dmvpn.ref.esp;

import dev.dmvpn.ref.bytes.ByteSlice;

/**
 * An ESP packet as seen without its SA: SPI and sequence number in clear, everything after them opaque.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+ ----
 * |               Security Parameters Index (SPI)                 | ^Int.
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+ |Cov-
 * |                      Sequence Number                          | |ered
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+ | ----
 * |                    Payload Data* (variable)                   | |   ^
 * ~                                                               ~ |   |
 * +               +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+ |Conf.
 * |               |     Padding (0-255 bytes)                     | |Cov-
 * +-+-+-+-+-+-+-+-+               +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+ |ered*
 * |                               |  Pad Length   | Next Header   | v   v
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+ ------
 * |         Integrity Check Value-ICV   (variable)                |
 * ~                                                               ~
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * <p>Where the IV ends, where the ICV starts and what the trailer says depend on the SA's algorithms, so
 * {@code protectedPayload} (IV, ciphertext, ICV) is kept whole, as a {@link ByteSlice}: decoding leaves it in the
 * captured frame instead of copying it, and no accessor hands out the shared bytes; an array given to a constructor
 * is stored as given and must not be mutated.
 *
 * @param spi the Security Parameters Index (32 bits, as a two's-complement int)
 * @param sequenceNumber the sequence number, unsigned 32 bits
 * @param protectedSlice IV + ciphertext (payload, padding, pad length, next header) + ICV; a view, see
 *     {@link #protectedPayload()} for a copy
 * @see <a href="https://www.rfc-editor.org/rfc/rfc4303#section-2">RFC 4303 section 2</a>
 */
public record EspPacket(int spi, long sequenceNumber, ByteSlice protectedSlice) {

  public static final int HEADER_LENGTH = 8;

  public EspPacket {
    if (sequenceNumber < 0 || sequenceNumber > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException("ESP sequence number is unsigned 32 bits: " + sequenceNumber);
    }
  }

  /** A packet over {@code protectedPayload}, stored without copying: the caller must not change it afterwards. */
  public EspPacket(int spi, long sequenceNumber, byte[] protectedPayload) {
    this(spi, sequenceNumber, ByteSlice.wrap(protectedPayload));
  }

  /** IV + ciphertext + ICV as a fresh array (a copy: changing it changes nothing here). */
  public byte[] protectedPayload() {
    return protectedSlice.toArray();
  }

  /** The SPI as an unsigned value. */
  public long spiUnsigned() {
    return spi & 0xFFFF_FFFFL;
  }

  /** The SPI as tshark prints it: "0x" and 8 lower-case hex digits. */
  public String spiHex() {
    return "0x" + Long.toHexString(spiUnsigned() | 0x1_0000_0000L).substring(1);
  }

  public int length() {
    return HEADER_LENGTH + protectedSlice.length();
  }

  @Override
  public String toString() {
    return "EspPacket[spi " + spiHex() + " seq " + sequenceNumber + ", " + protectedSlice.length()
        + " protected bytes]";
  }
}
