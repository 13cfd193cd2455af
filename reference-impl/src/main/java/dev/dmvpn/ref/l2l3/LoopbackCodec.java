package dev.dmvpn.ref.l2l3;

import dev.dmvpn.ref.bytes.ByteReader;
import dev.dmvpn.ref.bytes.ByteWriter;
import dev.dmvpn.ref.bytes.DecodeResult;

/**
 * Decodes and encodes {@link LoopbackHeader} (layer "loopback"). Leaves the reader at the IP packet.
 *
 * <p>LINKTYPE_NULL's family is in the byte order of the host that captured, which a reader cannot know from the
 * file: as Wireshark's null dissector does, a value with bits in the upper 16 bits is taken as byte-swapped (every
 * AF_* value is below 65536). LINKTYPE_LOOP is always big-endian.
 */
public final class LoopbackCodec {
  public static final String LAYER = "loopback";

  private LoopbackCodec() {}

  /** LINKTYPE_NULL: host byte order, detected. */
  public static DecodeResult<LoopbackHeader> decodeNull(ByteReader r) {
    return DecodeResult.guard(LAYER, r, () -> {
      int be = r.i32("address family");
      int le = Integer.reverseBytes(be);
      boolean networkOrder = (le & 0xFFFF_0000) != 0 && (be & 0xFFFF_0000) == 0;
      return new LoopbackHeader(BsdAddressFamily.valueOf(networkOrder ? be : le), networkOrder);
    });
  }

  /** LINKTYPE_LOOP: network byte order. */
  public static DecodeResult<LoopbackHeader> decodeLoop(ByteReader r) {
    return DecodeResult.guard(LAYER, r,
        () -> new LoopbackHeader(BsdAddressFamily.valueOf(r.i32("address family")), true));
  }

  /** Writes the family in the header's byte order. */
  public static void encode(LoopbackHeader h, ByteWriter w) {
    int v = h.family().value();
    w.i32(h.networkOrder() ? v : Integer.reverseBytes(v));
  }

  public static byte[] encode(LoopbackHeader h) {
    ByteWriter w = new ByteWriter(LoopbackHeader.LENGTH);
    encode(h, w);
    return w.toByteArray();
  }
}
