package dev.dmvpn.ref.esp;

import dev.dmvpn.ref.bytes.ByteReader;
import java.util.Arrays;

/**
 * What a UDP/4500 payload is (RFC 3948 section 2): a NAT-keepalive, an IKE message behind the non-ESP
 * marker, or an ESP packet. Produced by {@link NatTFraming#classify(ByteReader)}.
 */
public sealed interface NatTPayload {

  /** A NAT-keepalive: a single 0xFF octet, to be ignored by the receiver (RFC 3948 section 2.3). */
  record Keepalive() implements NatTPayload {}

  /**
   * An IKE message after the 4-byte zero non-ESP marker (RFC 3948 section 2.2), as a view of the buffer the
   * classifier read from: no copy is made. The buffer must not be mutated.
   *
   * @param buffer the array the payload was read from (the whole frame when decoding captures)
   * @param offset index in {@code buffer} of the first ISAKMP byte (just after the marker)
   * @param length number of ISAKMP bytes
   */
  record Ike(byte[] buffer, int offset, int length) implements NatTPayload {
    /** A fresh reader over the ISAKMP message; its offsets are those of {@code buffer} (frame-relative). */
    public ByteReader reader() {
      return ByteReader.of(buffer, offset, length);
    }

    /** A copy of the ISAKMP message bytes. */
    public byte[] message() {
      return Arrays.copyOfRange(buffer, offset, offset + length);
    }
  }

  /** An ESP packet in UDP (RFC 3948 section 2.1): the first 4 bytes are a non-zero SPI. */
  record Esp(EspPacket packet) implements NatTPayload {}
}
