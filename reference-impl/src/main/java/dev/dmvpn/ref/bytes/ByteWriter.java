package dev.dmvpn.ref.bytes;

import java.util.Arrays;

/** A growable big-endian byte buffer for encoders, with back-patching for length and checksum fields. */
public final class ByteWriter {
  private byte[] buf;
  private int pos;

  public ByteWriter() {
    this(256);
  }

  public ByteWriter(int initialCapacity) {
    buf = new byte[Math.max(16, initialCapacity)];
  }

  /** Number of bytes written so far; also the offset the next byte goes to. */
  public int position() {
    return pos;
  }

  public ByteWriter u8(int v) {
    ensure(1);
    buf[pos++] = (byte) v;
    return this;
  }

  public ByteWriter u16(int v) {
    ensure(2);
    buf[pos++] = (byte) (v >>> 8);
    buf[pos++] = (byte) v;
    return this;
  }

  public ByteWriter u24(int v) {
    ensure(3);
    buf[pos++] = (byte) (v >>> 16);
    buf[pos++] = (byte) (v >>> 8);
    buf[pos++] = (byte) v;
    return this;
  }

  public ByteWriter i32(int v) {
    ensure(4);
    buf[pos++] = (byte) (v >>> 24);
    buf[pos++] = (byte) (v >>> 16);
    buf[pos++] = (byte) (v >>> 8);
    buf[pos++] = (byte) v;
    return this;
  }

  public ByteWriter u32(long v) {
    return i32((int) v);
  }

  public ByteWriter i64(long v) {
    i32((int) (v >>> 32));
    return i32((int) v);
  }

  public ByteWriter bytes(byte[] b) {
    return bytes(b, 0, b.length);
  }

  public ByteWriter bytes(ByteSlice b) {
    b.writeTo(this);
    return this;
  }

  public ByteWriter bytes(byte[] b, int off, int len) {
    ensure(len);
    System.arraycopy(b, off, buf, pos, len);
    pos += len;
    return this;
  }

  public ByteWriter zeros(int n) {
    ensure(n);
    Arrays.fill(buf, pos, pos + n, (byte) 0);
    pos += n;
    return this;
  }

  /** Overwrites two bytes already written at {@code at} (length and checksum fields). */
  public void patchU16(int at, int v) {
    checkPatch(at, 2);
    buf[at] = (byte) (v >>> 8);
    buf[at + 1] = (byte) v;
  }

  public void patchU8(int at, int v) {
    checkPatch(at, 1);
    buf[at] = (byte) v;
  }

  public void patchI32(int at, int v) {
    checkPatch(at, 4);
    buf[at] = (byte) (v >>> 24);
    buf[at + 1] = (byte) (v >>> 16);
    buf[at + 2] = (byte) (v >>> 8);
    buf[at + 3] = (byte) v;
  }

  /** The live internal buffer (valid up to {@link #position()}); for checksum computation in place. */
  public byte[] array() {
    return buf;
  }

  public byte[] toByteArray() {
    return Arrays.copyOf(buf, pos);
  }

  private void checkPatch(int at, int n) {
    if (at < 0 || at + n > pos) {
      throw new IllegalArgumentException("patch at " + at + "+" + n + " outside written " + pos);
    }
  }

  private void ensure(int n) {
    if (pos + n > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + n));
    }
  }
}
