package dev.dmvpn.ref.capture;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The writers' buffer: headers are put into a large heap buffer in the file's byte order and the buffer goes to
 * the stream in big chunks, so a frame costs no system call. Frames longer than the buffer bypass it.
 */
final class OutputSink implements Closeable {
  static final int DEFAULT_SIZE = 1 << 20;
  private static final byte[] ZEROS = new byte[8];

  private final OutputStream out;
  private final ByteBuffer buf;

  OutputSink(OutputStream out, ByteOrder order, int size) {
    this.out = out;
    this.buf = ByteBuffer.allocate(size).order(order);
  }

  /** The buffer, with room for at least {@code n} (at most the buffer size) more bytes. */
  ByteBuffer reserve(int n) throws IOException {
    if (buf.remaining() < n) {
      drain();
    }
    return buf;
  }

  void putBytes(byte[] data, int offset, int length) throws IOException {
    if (length > buf.remaining()) {
      drain();
      if (length > buf.capacity()) {
        out.write(data, offset, length);
        return;
      }
    }
    buf.put(data, offset, length);
  }

  /** Zero bytes up to the next multiple of 4 after {@code length} bytes. */
  void padTo32Bits(int length) throws IOException {
    int pad = (4 - (length & 3)) & 3;
    if (pad > 0) {
      reserve(pad).put(ZEROS, 0, pad);
    }
  }

  private void drain() throws IOException {
    if (buf.position() > 0) {
      out.write(buf.array(), 0, buf.position());
      buf.clear();
    }
  }

  void flush() throws IOException {
    drain();
    out.flush();
  }

  @Override
  public void close() throws IOException {
    try {
      drain();
    } finally {
      out.close();
    }
  }
}
