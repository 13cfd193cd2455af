package dev.dmvpn.harness.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * A plain-socket telnet client for the rack benchmarks (what a person's terminal does: send lines, wait for text),
 * skipping the server's option commands (IAC verb option) and answering none.
 */
public final class RawConsole implements AutoCloseable {
  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;
  private final StringBuilder seen = new StringBuilder();
  private int skip;

  public RawConsole(int port) throws IOException {
    socket = new Socket(InetAddress.getLoopbackAddress(), port);
    socket.setTcpNoDelay(true);
    socket.setSoTimeout(100);
    in = socket.getInputStream();
    out = socket.getOutputStream();
  }

  public void send(String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  /** Reads until {@code marker}; returns the text before it; an IOException after {@code timeoutMs}. */
  public String waitFor(String marker, long timeoutMs) throws IOException {
    long end = System.currentTimeMillis() + timeoutMs;
    byte[] buf = new byte[8192];
    while (true) {
      int at = seen.indexOf(marker);
      if (at >= 0) {
        String before = seen.substring(0, at);
        seen.delete(0, at + marker.length());
        return before;
      }
      if (System.currentTimeMillis() > end) {
        throw new IOException("no '" + marker + "' within " + timeoutMs + " ms; last: "
            + seen.substring(Math.max(0, seen.length() - 200)));
      }
      int n;
      try {
        n = in.read(buf);
      } catch (SocketTimeoutException e) {
        continue;
      }
      if (n < 0) {
        throw new IOException("connection closed before '" + marker + "'");
      }
      for (int i = 0; i < n; i++) {
        int b = buf[i] & 0xFF;
        if (b == 255) {
          skip = 2;
        } else if (skip > 0) {
          skip--;
        } else {
          seen.append((char) b);
        }
      }
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
