package dev.dmvpn.harness.decode;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * Where the decode command's JSON Lines go: the process's stdout as bytes (the fast path: no charset encoder), or
 * a {@link PrintWriter} (tests and callers that capture the output). A write that fails (stdout closed, e.g. piped
 * into {@code head}) makes {@link #closed()} true instead of throwing: the decoder then stops reading.
 */
public interface JsonLinesSink {

  void write(byte[] utf8, int off, int len);

  boolean closed();

  void flush();

  /** Bytes straight to {@code out}. */
  static JsonLinesSink of(OutputStream out) {
    return new JsonLinesSink() {
      private boolean closed;

      @Override
      public void write(byte[] utf8, int off, int len) {
        if (closed) {
          return;
        }
        try {
          out.write(utf8, off, len);
        } catch (IOException e) {
          closed = true;
        }
      }

      @Override
      public boolean closed() {
        return closed;
      }

      @Override
      public void flush() {
        try {
          out.flush();
        } catch (IOException e) {
          closed = true;
        }
      }
    };
  }

  /** Text to {@code out}, decoded from UTF-8 (the bytes are whole lines, so no character is split). */
  static JsonLinesSink of(PrintWriter out) {
    return new JsonLinesSink() {
      @Override
      public void write(byte[] utf8, int off, int len) {
        out.write(new String(utf8, off, len, StandardCharsets.UTF_8));
      }

      @Override
      public boolean closed() {
        return out.checkError();
      }

      @Override
      public void flush() {
        out.flush();
      }
    };
  }
}
