package dev.dmvpn.ref.capture;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;

/**
 * A large read-ahead window over a channel: capture readers parse record headers straight out of the window
 * and copy frame bytes out of it, so a refill (one {@code read} system call) serves thousands of frames.
 *
 * <p>The window only grows for a record longer than itself, and only after the caller has checked that the
 * record fits in what is left of the input ({@link #remainingInput()}); a lying length field can therefore
 * never make us allocate more than the file holds.
 */
final class ChannelInput implements Closeable {
  static final int DEFAULT_WINDOW = 1 << 20;
  /** Upper bound for one record when the input size is unknown (a pipe or socket). */
  static final int MAX_RECORD_UNKNOWN_SIZE = 64 << 20;

  private final ReadableByteChannel channel;
  private final FileChannel file;
  private long knownSize;
  /** Read mode: position = next unread byte, limit = end of the valid bytes. */
  private ByteBuffer window;
  /** Input offset of window index 0. */
  private long windowStart;

  ChannelInput(ReadableByteChannel channel, int windowSize) throws IOException {
    this.channel = channel;
    this.file = channel instanceof FileChannel fc ? fc : null;
    this.knownSize = file != null ? file.size() : -1;
    this.window = ByteBuffer.allocateDirect(windowSize);
    window.limit(0);
  }

  void order(ByteOrder order) {
    window.order(order);
  }

  ByteOrder order() {
    return window.order();
  }

  /** Input offset of the next unread byte. */
  long offset() {
    return windowStart + window.position();
  }

  /** Bytes buffered and not yet consumed. */
  int buffered() {
    return window.remaining();
  }

  /**
   * True when {@code n} more bytes (from {@link #offset()}) can exist in the input: for a file, when they are
   * within its size (re-read only when the cached size says no, so a growing file is followed without a
   * system call per record); for a stream, when {@code n} is at most {@link #MAX_RECORD_UNKNOWN_SIZE} more than
   * what is buffered.
   */
  boolean fits(long n) throws IOException {
    if (file == null) {
      return n <= buffered() + (long) MAX_RECORD_UNKNOWN_SIZE;
    }
    if (n <= knownSize - offset()) {
      return true;
    }
    knownSize = file.size();
    return n <= knownSize - offset();
  }

  /** Bytes left in the input (for messages): exact for files, what is buffered for streams. */
  long remainingInput() throws IOException {
    if (file == null) {
      return buffered();
    }
    knownSize = file.size();
    return knownSize - offset();
  }

  /**
   * Makes {@code n} bytes available from the current offset, reading (and, for a long record, growing the
   * window) as needed. False when the input ends first; the bytes that did arrive stay buffered.
   */
  boolean request(int n) throws IOException {
    if (window.remaining() >= n) {
      return true;
    }
    if (n > window.capacity()) {
      if (!fits(n)) {
        return false;
      }
      grow(n);
    }
    return fill(n);
  }

  private boolean fill(int n) throws IOException {
    windowStart += window.position();
    window.compact();
    // end of input is not remembered: a file that is still being written may have more next time
    boolean ended = false;
    while (window.position() < n && !ended) {
      ended = channel.read(window) < 0;
    }
    window.flip();
    return window.remaining() >= n;
  }

  private void grow(int n) {
    int size = Math.max(n, (int) Math.min(Integer.MAX_VALUE - 8, 2L * window.capacity()));
    ByteBuffer bigger = ByteBuffer.allocateDirect(size).order(window.order());
    windowStart += window.position();
    bigger.put(window);
    bigger.flip();
    window = bigger;
  }

  /** 32 bits at {@code index} bytes past the current offset (must be buffered), in the current order. */
  int int32(int index) {
    return window.getInt(window.position() + index);
  }

  int uint16(int index) {
    return window.getShort(window.position() + index) & 0xFFFF;
  }

  int uint8(int index) {
    return window.get(window.position() + index) & 0xFF;
  }

  long int64(int index) {
    return window.getLong(window.position() + index);
  }

  /** Copies {@code n} buffered bytes starting {@code index} bytes past the current offset. */
  byte[] copy(int index, int n) {
    byte[] out = new byte[n];
    window.get(window.position() + index, out, 0, n);
    return out;
  }

  /** Consumes {@code n} buffered bytes. */
  void consume(int n) {
    window.position(window.position() + n);
  }

  /** Skips {@code n} bytes (buffered or not); false when the input ends first. */
  boolean skip(long n) throws IOException {
    if (n <= window.remaining()) {
      consume((int) n);
      return true;
    }
    long beyond = n - window.remaining();
    windowStart += window.limit();
    window.clear().limit(0);
    if (file != null) {
      if (beyond > file.size() - windowStart) {
        return false;
      }
      windowStart += beyond;
      file.position(windowStart);
      return true;
    }
    return skipStream(beyond);
  }

  private boolean skipStream(long n) throws IOException {
    long left = n;
    while (left > 0) {
      if (!request(1)) {
        return false;
      }
      int step = (int) Math.min(left, window.remaining());
      consume(step);
      left -= step;
    }
    return true;
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
