package dev.dmvpn.drivers.transport;

import dev.dmvpn.drivers.transport.ReplayScript.Close;
import dev.dmvpn.drivers.transport.ReplayScript.Receive;
import dev.dmvpn.drivers.transport.ReplayScript.Send;
import dev.dmvpn.drivers.transport.ReplayScript.Step;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Plays a {@link ReplayScript}: device output up to the next expected send is readable; what the driver writes must
 * match that send byte for byte, and releases the output after it. A read that finds only a send ahead waits for
 * the deadline (the device is silent until the driver answers), so prompt timeouts are testable offline.
 */
public final class ReplayTransport implements Transport {
  private final ReplayScript script;
  private final String name;
  private final ByteArrayOutputStream sent = new ByteArrayOutputStream();
  private int next;
  private boolean closed;

  public ReplayTransport(ReplayScript script, String name) {
    this.script = script;
    this.name = name;
  }

  @Override
  public synchronized byte[] read(long deadlineNanos) throws IOException {
    StringBuilder out = new StringBuilder();
    while (next < script.steps().size() && script.steps().get(next) instanceof Receive r) {
      out.append(r.text());
      next++;
    }
    if (out.length() > 0) {
      return out.toString().getBytes(StandardCharsets.ISO_8859_1);
    }
    if (closed || next >= script.steps().size() || script.steps().get(next) instanceof Close) {
      closed = true;
      throw new TransportClosedException(peer());
    }
    // a send is expected: the device stays silent until the deadline
    long left = deadlineNanos - System.nanoTime();
    while (left > 0) {
      try {
        wait(Math.max(1, left / 1_000_000), 0);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while replaying " + name, e);
      }
      left = deadlineNanos - System.nanoTime();
    }
    return new byte[0];
  }

  @Override
  public synchronized void write(byte[] data) throws IOException {
    for (byte b : data) {
      if (next >= script.steps().size() || !(script.steps().get(next) instanceof Send s)) {
        Step at = next < script.steps().size() ? script.steps().get(next) : null;
        if (closed || at instanceof Close || at == null) {
          closed = true;
          throw new TransportClosedException(peer());
        }
        throw new IOException("replay " + name + ": the driver sent " + show(sent.toString(StandardCharsets.ISO_8859_1)
            + (char) (b & 0xff)) + " while the script (line " + at.line() + ") expects the device to speak first");
      }
      sent.write(b);
      String soFar = sent.toString(StandardCharsets.ISO_8859_1);
      if (!s.text().startsWith(soFar)) {
        throw new IOException("replay " + name + " line " + s.line() + ": expected the driver to send "
            + show(s.text()) + ", it sent " + show(soFar));
      }
      if (soFar.equals(s.text())) {
        sent.reset();
        next++;
      }
    }
  }

  /** True when every step has been played (the test checks the driver followed the whole dialog). */
  public synchronized boolean finished() {
    return next >= script.steps().size() || (script.steps().get(next) instanceof Close && next == script.steps().size() - 1);
  }

  private static String show(String s) {
    return "\"" + s.replace("\r", "\\r").replace("\n", "\\n").replace("\u001b", "\\e") + "\"";
  }

  @Override
  public String peer() {
    return "replay " + name;
  }

  @Override
  public synchronized void close() {
    closed = true;
  }
}
