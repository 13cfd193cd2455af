package dev.dmvpn.virtualrack.debug;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.function.Predicate;

/**
 * A person at a reverse-telnet console with a plain socket (not the project's drivers): types lines, waits for
 * text, skips the server's telnet commands (IAC verb option; it answers none), and keeps everything the router
 * printed, so debug output arriving between commands is kept too.
 */
final class PersonAtConsole implements AutoCloseable {
  private static final long WAIT_MS = 30_000;
  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;
  private final StringBuilder transcript = new StringBuilder();
  private int skip;
  private int read; // transcript position up to which waits have consumed
  String prompt;

  PersonAtConsole(int port) throws IOException {
    socket = new Socket(InetAddress.getLoopbackAddress(), port);
    socket.setSoTimeout(100);
    in = socket.getInputStream();
    out = socket.getOutputStream();
  }

  void type(String keys) throws IOException {
    out.write(keys.getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  /** Waits for {@code marker} after what earlier waits consumed; returns the text up to and including it. */
  String waitFor(String marker) throws IOException {
    long end = System.currentTimeMillis() + WAIT_MS;
    while (true) {
      int at = transcript.indexOf(marker, read);
      if (at >= 0) {
        String text = transcript.substring(read, at + marker.length());
        read = at + marker.length();
        return text;
      }
      if (System.currentTimeMillis() > end || !fill()) {
        throw new AssertionError("no '" + marker + "' on the console; got:\n" + transcript.substring(read));
      }
    }
  }

  /** Types a command and returns its output (the echo and the closing prompt left out). */
  String command(String line) throws IOException {
    type(line + "\r\n");
    waitFor(line);
    String outText = waitFor("\r\n" + prompt); // CR LF ending the echo, the output, CR LF, the prompt
    return outText.substring(2, outText.length() - prompt.length());
  }

  /** Asks {@code line} again until its output passes {@code done} (the router is asked, no fixed sleeps). */
  String pollUntil(String line, Predicate<String> done) throws IOException {
    long end = System.currentTimeMillis() + 2 * WAIT_MS;
    String last = "";
    while (System.currentTimeMillis() < end) {
      last = command(line);
      if (done.test(last)) {
        return last;
      }
    }
    throw new AssertionError("'" + line + "' never gave the awaited output; last:\n" + last);
  }

  /** Everything the router printed from {@code from} (a value of {@link #mark}) on. */
  String since(int from) {
    return transcript.substring(from);
  }

  int mark() {
    return read;
  }

  private boolean fill() throws IOException {
    byte[] buf = new byte[4096];
    int n;
    try {
      n = in.read(buf);
    } catch (SocketTimeoutException e) {
      return true;
    }
    if (n < 0) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      int b = buf[i] & 0xFF;
      if (b == 255) {
        skip = 2;
      } else if (skip > 0) {
        skip--;
      } else {
        transcript.append((char) b);
      }
    }
    return true;
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
