package dev.dmvpn.ref.capture;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Hand-assembles pcapng files block by block for tests, including blocks whose lengths lie. Little-endian
 * unless constructed otherwise. Offsets of blocks are available through {@link #size()} before adding them.
 */
final class PcapngBytes {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteOrder order;

  PcapngBytes(ByteOrder order) {
    this.order = order;
  }

  PcapngBytes() {
    this(ByteOrder.LITTLE_ENDIAN);
  }

  int size() {
    return out.size();
  }

  byte[] bytes() {
    return out.toByteArray();
  }

  /** SHB version 1.0, no options. */
  PcapngBytes shb() {
    ByteBuffer body = buf(16).putInt(0x1A2B3C4D).putShort((short) 1).putShort((short) 0).putLong(-1);
    return block(0x0A0D0D0A, body.array());
  }

  /** IDB with raw option bytes (already padded, without opt_endofopt). */
  PcapngBytes idb(int linkType, int snaplen, byte[] options) {
    ByteBuffer body = buf(8 + options.length);
    body.putShort((short) linkType).putShort((short) 0).putInt(snaplen).put(options);
    return block(1, body.array());
  }

  PcapngBytes idb(int linkType, int snaplen) {
    return idb(linkType, snaplen, new byte[0]);
  }

  /** One option: code, length, value padded to 32 bits. */
  byte[] option(int code, byte[] value) {
    ByteBuffer b = buf(4 + ((value.length + 3) & ~3));
    b.putShort((short) code).putShort((short) value.length).put(value);
    return b.array();
  }

  PcapngBytes epb(int ifId, long units, int origLen, byte[] data) {
    ByteBuffer body = buf(20 + pad(data.length));
    body.putInt(ifId).putInt((int) (units >>> 32)).putInt((int) units).putInt(data.length).putInt(origLen);
    body.put(data);
    return block(6, body.array());
  }

  PcapngBytes spb(int origLen, byte[] data) {
    ByteBuffer body = buf(4 + pad(data.length)).putInt(origLen).put(data);
    return block(3, body.array());
  }

  /** Obsolete Packet Block (type 2): 16-bit interface id and drops count. */
  PcapngBytes obsoletePacket(int ifId, long units, byte[] data) {
    ByteBuffer body = buf(20 + pad(data.length));
    body.putShort((short) ifId).putShort((short) 0).putInt((int) (units >>> 32)).putInt((int) units);
    body.putInt(data.length).putInt(data.length).put(data);
    return block(2, body.array());
  }

  /** A well-formed block of any type. */
  PcapngBytes block(int type, byte[] body) {
    int length = 12 + body.length;
    return raw(type, length, body, length);
  }

  /** A block with explicit leading and trailing total lengths (which may lie). */
  PcapngBytes raw(int type, int leadingLength, byte[] body, int trailingLength) {
    ByteBuffer b = buf(12 + body.length);
    b.putInt(type).putInt(leadingLength).put(body).putInt(trailingLength);
    out.writeBytes(b.array());
    return this;
  }

  /** Arbitrary bytes (e.g. a half block). */
  PcapngBytes append(byte[] bytes) {
    out.writeBytes(bytes);
    return this;
  }

  private ByteBuffer buf(int n) {
    return ByteBuffer.allocate(n).order(order);
  }

  private static int pad(int n) {
    return (n + 3) & ~3;
  }
}
