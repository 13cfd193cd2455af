package dev.dmvpn.ref.esp;

import dev.dmvpn.ref.bytes.ByteReader;
import dev.dmvpn.ref.bytes.ByteWriter;
import dev.dmvpn.ref.bytes.DecodeResult;

/**
 * Decodes and encodes the clear framing of {@link EspPacket}s (layer "esp"): IP protocol 50 payloads and the
 * ESP case of UDP/4500 (see {@link NatTFraming}). SPI 0 is an error: RFC 4303 section 2.1 reserves it for local
 * use and it never appears on the wire (in UDP/4500 it is the non-ESP marker instead).
 */
public final class EspCodec {
  public static final String LAYER = "esp";

  private EspCodec() {}

  /** Decodes SPI, sequence number and takes the rest of the reader as the protected payload. Never throws. */
  public static DecodeResult<EspPacket> decode(ByteReader r) {
    return DecodeResult.guard(LAYER, r, () -> read(r));
  }

  public static void encode(EspPacket p, ByteWriter w) {
    w.i32(p.spi()).u32(p.sequenceNumber()).bytes(p.protectedSlice());
  }

  public static byte[] encode(EspPacket p) {
    ByteWriter w = new ByteWriter(p.length());
    encode(p, w);
    return w.toByteArray();
  }

  static EspPacket read(ByteReader r) {
    int start = r.offset();
    int spi = r.i32("SPI");
    long sequence = r.u32("sequence number");
    if (spi == 0) {
      throw r.failAt(start, "SPI 0 is reserved and never sent (RFC 4303 section 2.1)");
    }
    return new EspPacket(spi, sequence, r.restView());
  }
}
