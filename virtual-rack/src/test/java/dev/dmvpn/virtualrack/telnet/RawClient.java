package dev.dmvpn.virtualrack.telnet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A bare TCP client for the tests: writes bytes and reads until a marker appears. It answers no telnet option
 * (a plain socket, not the project's drivers), which the server must cope with.
 */
final class RawClient implements AutoCloseable {
  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;
  private final ByteArrayOutputStream unread = new ByteArrayOutputStream();

  RawClient(int port) throws IOException {
    socket = new Socket(InetAddress.getLoopbackAddress(), port);
    socket.setSoTimeout(50);
    in = socket.getInputStream();
    out = socket.getOutputStream();
  }

  void send(String s) throws IOException {
    send(s.getBytes(StandardCharsets.ISO_8859_1));
  }

  void send(byte[] b) throws IOException {
    out.write(b);
    out.flush();
  }

  /** Reads until {@code marker} has arrived; returns everything read up to and including it. */
  String readUntil(String marker, Duration timeout) throws IOException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      String have = unread.toString(StandardCharsets.ISO_8859_1);
      int at = have.indexOf(marker);
      if (at >= 0) {
        String result = have.substring(0, at + marker.length());
        unread.reset();
        unread.write(have.substring(at + marker.length()).getBytes(StandardCharsets.ISO_8859_1));
        return result;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no '" + marker.replace("\r", "\\r").replace("\n", "\\n") + "' within " + timeout
            + "; got: " + have.replace("\r", "\\r").replace("\n", "\\n\n"));
      }
      if (!fill()) {
        throw new AssertionError("connection closed before '" + marker + "'; got: " + have);
      }
    }
  }

  /** Reads {@code n} bytes exactly. */
  byte[] readBytes(int n, Duration timeout) throws IOException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (unread.size() < n) {
      if (System.nanoTime() > deadline || !fill()) {
        throw new AssertionError("only " + unread.size() + " of " + n + " bytes");
      }
    }
    byte[] all = unread.toByteArray();
    unread.reset();
    unread.write(all, n, all.length - n);
    return java.util.Arrays.copyOf(all, n);
  }

  /** Reads until the server closes; returns what came. */
  String readToEnd(Duration timeout) throws IOException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!fill()) {
        String s = unread.toString(StandardCharsets.ISO_8859_1);
        unread.reset();
        return s;
      }
    }
    throw new AssertionError("the server did not close; got: " + unread.toString(StandardCharsets.ISO_8859_1));
  }

  /** False at end of stream. */
  private boolean fill() throws IOException {
    byte[] buf = new byte[8192];
    try {
      int n = in.read(buf);
      if (n < 0) {
        return false;
      }
      unread.write(buf, 0, n);
    } catch (SocketTimeoutException e) {
      // nothing yet
    } catch (IOException e) {
      return false;
    }
    return true;
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
