package dev.dmvpn.ref.bytes;

import java.util.Arrays;

/**
 * An immutable window {@code [offset, offset+length)} over a byte array that may be shared, e.g. the payload of a
 * decoded layer inside the captured frame: decoding hands the next layer a view instead of a copy. Nothing here
 * writes to the array, and nothing gives it out: {@link #toArray()} always copies, so a caller can never change
 * bytes another record or layer still reads. Equality and hash are by content.
 *
 * <p>{@link #wrap} takes an array without copying (the encoders' path, as records stored arrays before): the
 * caller hands it over and must not change it afterwards.
 */
public final class ByteSlice {
  public static final ByteSlice EMPTY = new ByteSlice(new byte[0], 0, 0);

  private final byte[] array;
  private final int offset;
  private final int length;

  private ByteSlice(byte[] array, int offset, int length) {
    this.array = array;
    this.offset = offset;
    this.length = length;
  }

  /** A view of the whole array, not copied: the caller must not change the array afterwards. */
  public static ByteSlice wrap(byte[] array) {
    return array.length == 0 ? EMPTY : new ByteSlice(array, 0, array.length);
  }

  /** A copy of the array: later changes to it do not show. */
  public static ByteSlice copyOf(byte[] array) {
    return wrap(array.clone());
  }

  /**
   * A view of {@code array[offset, offset+length)}, not copied: the caller must not change those bytes afterwards.
   *
   * @throws IndexOutOfBoundsException when the window is outside the array
   */
  public static ByteSlice view(byte[] array, int offset, int length) {
    if (offset < 0 || length < 0 || offset > array.length - length) {
      throw new IndexOutOfBoundsException("window " + offset + "+" + length + " outside array of " + array.length);
    }
    return length == 0 ? EMPTY : new ByteSlice(array, offset, length);
  }

  public int length() {
    return length;
  }

  public boolean isEmpty() {
    return length == 0;
  }

  /** The unsigned byte at {@code index}. */
  public int u8(int index) {
    if (index < 0 || index >= length) {
      throw new IndexOutOfBoundsException("index " + index + " outside slice of " + length);
    }
    return array[offset + index] & 0xFF;
  }

  /** A fresh copy of the bytes: changing it changes nothing else. */
  public byte[] toArray() {
    return Arrays.copyOfRange(array, offset, offset + length);
  }

  /** A reader over the bytes; its offsets count from the slice's first byte. */
  public ByteReader reader() {
    return ByteReader.window(array, offset, length);
  }

  /** Appends the bytes to {@code w}. */
  public void writeTo(ByteWriter w) {
    w.bytes(array, offset, length);
  }

  /** {@link InternetChecksum#sum} over the bytes, starting from {@code acc}. */
  public long checksumSum(long acc) {
    return InternetChecksum.sum(array, offset, length, acc);
  }

  /** True when both hold the same bytes. */
  public boolean contentEquals(byte[] other) {
    return Arrays.equals(array, offset, offset + length, other, 0, other.length);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ByteSlice s
        && Arrays.equals(array, offset, offset + length, s.array, s.offset, s.offset + s.length);
  }

  @Override
  public int hashCode() {
    int h = 1;
    for (int i = offset; i < offset + length; i++) {
      h = 31 * h + array[i];
    }
    return h; // Arrays.hashCode of the same bytes
  }

  @Override
  public String toString() {
    return length + " bytes";
  }
}
