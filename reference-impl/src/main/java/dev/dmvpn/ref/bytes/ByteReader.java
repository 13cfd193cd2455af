package dev.dmvpn.ref.bytes;

import java.util.Arrays;

/**
 * A bounds-checked, big-endian cursor over a window of a byte array.
 *
 * <p>Offsets reported by {@link #offset()} and in {@link DecodeException}s are relative to the start of the
 * outermost buffer the reader (or the reader it was {@link #slice sliced} from) was created on, so an error
 * deep inside NHRP still names the byte offset within the whole frame. Every read that would go past the
 * window's end throws {@link DecodeException} naming what was being read; a length field can therefore never
 * make a decoder read outside its own unit.
 */
public final class ByteReader {
  private final byte[] data;
  /** offset of data[0] within the outermost buffer: lets a slice report frame-relative offsets */
  private final int base;
  private final int end;
  private int pos;

  private ByteReader(byte[] data, int start, int end, int base) {
    this.data = data;
    this.pos = start;
    this.end = end;
    this.base = base;
  }

  /** A reader over the whole array; offsets start at 0. */
  public static ByteReader of(byte[] data) {
    return new ByteReader(data, 0, data.length, 0);
  }

  /** A reader over {@code data[offset, offset+length)}; offsets are reported relative to {@code data[0]}. */
  public static ByteReader of(byte[] data, int offset, int length) {
    if (offset < 0 || length < 0 || offset + length > data.length) {
      throw new IllegalArgumentException(
          "window " + offset + "+" + length + " outside array of " + data.length);
    }
    return new ByteReader(data, offset, offset + length, 0);
  }

  /** A reader over {@code data[start, start+length)} whose offsets count from {@code data[start]}. */
  static ByteReader window(byte[] data, int start, int length) {
    return new ByteReader(data, start, start + length, -start);
  }

  /** Offset of the next byte to read, relative to the outermost buffer. */
  public int offset() {
    return base + pos;
  }

  /** Index in {@link #array()} of the next byte to read. */
  public int arrayIndex() {
    return pos;
  }

  /** The backing array (shared, not copied): lets checksum code run over the raw bytes. */
  public byte[] array() {
    return data;
  }

  public int remaining() {
    return end - pos;
  }

  public boolean hasRemaining() {
    return pos < end;
  }

  public int u8(String what) {
    need(1, what);
    return data[pos++] & 0xFF;
  }

  public int u16(String what) {
    need(2, what);
    int v = ((data[pos] & 0xFF) << 8) | (data[pos + 1] & 0xFF);
    pos += 2;
    return v;
  }

  /** Unsigned 24-bit (used by a few length fields and OUIs). */
  public int u24(String what) {
    need(3, what);
    int v = ((data[pos] & 0xFF) << 16) | ((data[pos + 1] & 0xFF) << 8) | (data[pos + 2] & 0xFF);
    pos += 3;
    return v;
  }

  /** Unsigned 32-bit as a long. */
  public long u32(String what) {
    return i32(what) & 0xFFFFFFFFL;
  }

  /** 32 bits as an int (two's complement): for addresses, SPIs and other opaque 32-bit values. */
  public int i32(String what) {
    need(4, what);
    int v =
        ((data[pos] & 0xFF) << 24)
            | ((data[pos + 1] & 0xFF) << 16)
            | ((data[pos + 2] & 0xFF) << 8)
            | (data[pos + 3] & 0xFF);
    pos += 4;
    return v;
  }

  public long i64(String what) {
    need(8, what);
    long hi = i32(what) & 0xFFFFFFFFL;
    long lo = i32(what) & 0xFFFFFFFFL;
    return (hi << 32) | lo;
  }

  /** Copies the next {@code n} bytes. */
  public byte[] bytes(int n, String what) {
    need(n, what);
    byte[] out = Arrays.copyOfRange(data, pos, pos + n);
    pos += n;
    return out;
  }

  /** The next {@code n} bytes as a view over the same array (no copy), advancing past them. */
  public ByteSlice view(int n, String what) {
    need(n, what);
    ByteSlice out = ByteSlice.view(data, pos, n);
    pos += n;
    return out;
  }

  /** Everything left in the window as a view over the same array (no copy). */
  public ByteSlice restView() {
    ByteSlice out = ByteSlice.view(data, pos, end - pos);
    pos = end;
    return out;
  }

  /** Copies everything left in the window. */
  public byte[] rest() {
    byte[] out = Arrays.copyOfRange(data, pos, end);
    pos = end;
    return out;
  }

  public void skip(int n, String what) {
    need(n, what);
    pos += n;
  }

  /** Byte at {@code index} positions ahead of the cursor, without moving it. */
  public int peekU8(int index, String what) {
    if (index < 0 || index >= remaining()) {
      throw fail(what + ": needs 1 byte at +" + index + ", only " + remaining() + " left");
    }
    return data[pos + index] & 0xFF;
  }

  /**
   * A reader over the next {@code n} bytes, advancing this one past them. The slice reports offsets in the
   * same frame coordinates as this reader.
   */
  public ByteReader slice(int n, String what) {
    need(n, what);
    ByteReader s = new ByteReader(data, pos, pos + n, base);
    pos += n;
    return s;
  }

  /** A reader over everything left, advancing this one to its end. */
  public ByteReader sliceRest() {
    return slice(remaining(), "rest");
  }

  /** An exception for a semantic error at the current offset; callers {@code throw} it. */
  public DecodeException fail(String message) {
    return new DecodeException(offset(), message);
  }

  /** An exception for a semantic error at an explicit frame offset. */
  public DecodeException failAt(int frameOffset, String message) {
    return new DecodeException(frameOffset, message);
  }

  private void need(int n, String what) {
    if (n < 0) {
      throw fail(what + ": negative length " + n);
    }
    if (end - pos < n) {
      throw fail(what + ": needs " + n + " bytes, only " + (end - pos) + " left (truncated?)");
    }
  }
}
