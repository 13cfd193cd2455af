package dev.dmvpn.drivers.transport;

import java.io.IOException;
import java.io.OutputStream;
import org.apache.commons.net.telnet.EchoOptionHandler;
import org.apache.commons.net.telnet.InvalidTelnetOptionException;
import org.apache.commons.net.telnet.SuppressGAOptionHandler;
import org.apache.commons.net.telnet.TelnetClient;
import org.apache.commons.net.telnet.TerminalTypeOptionHandler;
import org.apache.commons.net.telnet.WindowSizeOptionHandler;

/**
 * Telnet through Commons Net's {@link TelnetClient}: accepts the server's ECHO and SUPPRESS-GO-AHEAD (an IOS VTY
 * offers both), answers TERMINAL-TYPE and NAWS (the VTY asks for both: dependencies.md item 4), refuses the rest.
 */
public final class TelnetTransport implements Transport {
  private final TelnetClient client;
  private final OutputStream out;
  private final StreamPump pump;
  private final String peer;

  private TelnetTransport(TelnetClient client, String peer) {
    this.client = client;
    this.peer = peer;
    this.out = client.getOutputStream();
    this.pump = new StreamPump(client.getInputStream(), peer);
  }

  public static TelnetTransport connect(String host, int port, TelnetOptions options) throws IOException {
    TelnetClient client = new TelnetClient(options.terminalType());
    try {
      // (initlocal, initremote, acceptlocal, acceptremote): we never echo, the server does
      client.addOptionHandler(new EchoOptionHandler(false, false, false, true));
      client.addOptionHandler(new SuppressGAOptionHandler(true, true, true, true));
      client.addOptionHandler(new TerminalTypeOptionHandler(options.terminalType(), false, false, true, false));
      client.addOptionHandler(new WindowSizeOptionHandler(options.width(), options.height(), false, false, true,
          false));
    } catch (InvalidTelnetOptionException e) {
      throw new IllegalStateException("Commons Net refused a standard option handler", e);
    }
    client.setConnectTimeout((int) options.connectTimeout().toMillis());
    client.connect(host, port);
    // option answers and typed lines are small writes: with Nagle each waits for the delayed ACK (about 40 ms)
    client.setTcpNoDelay(true);
    return new TelnetTransport(client, "telnet " + host + ":" + port);
  }

  @Override
  public byte[] read(long deadlineNanos) throws IOException {
    return pump.read(deadlineNanos);
  }

  @Override
  public void write(byte[] data) throws IOException {
    try {
      out.write(data);
      out.flush();
    } catch (IOException e) {
      throw new TransportClosedException(peer);
    }
  }

  /**
   * CR LF in one write: Commons Net's output stream sends a lone CR at once but holds the LF (or NUL) it owes
   * until the next write, so the device would see the line end split across two typed lines.
   */
  @Override
  public String lineEnd() {
    return "\r\n";
  }

  @Override
  public String peer() {
    return peer;
  }

  @Override
  public void close() {
    try {
      client.disconnect();
    } catch (IOException e) {
      // closing a dead connection: nothing to report
    }
  }
}
