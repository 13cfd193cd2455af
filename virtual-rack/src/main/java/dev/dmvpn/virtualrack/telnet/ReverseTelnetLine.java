package dev.dmvpn.virtualrack.telnet;

import dev.dmvpn.virtualrack.session.CliSession;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * One async line of the terminal server, wired to a router's console: port {@code 2000 + N} takes one telnet
 * connection at a time. While a connection holds the line the port does not listen, so a second client gets
 * "Connection refused" at TCP level, which is what drivers match ({@code ^.*Connection refused},
 * ios-drivers.md row 2, unicon's connection_refused_handler) until {@code clear line N} frees it.
 */
final class ReverseTelnetLine {
  private final int line;
  private final CliSession console;
  private final Thread thread;
  private volatile int port;
  private volatile boolean stopped;
  private volatile ServerSocket listening;
  private volatile TelnetConnection current;

  ReverseTelnetLine(int line, int port, CliSession console) throws IOException {
    this.line = line;
    this.console = console;
    this.listening = bind(port);
    this.port = listening.getLocalPort();
    this.thread = new Thread(this::loop, "ts-line-" + line);
    thread.setDaemon(true);
    thread.start();
  }

  int line() {
    return line;
  }

  int port() {
    return port;
  }

  boolean busy() {
    return current != null;
  }

  private static ServerSocket bind(int port) throws IOException {
    ServerSocket ss = new ServerSocket();
    ss.setReuseAddress(true);
    ss.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
    return ss;
  }

  private void loop() {
    while (!stopped) {
      try {
        ServerSocket ss = listening != null ? listening : rebind();
        if (ss == null) {
          return;
        }
        Socket s;
        try {
          s = ss.accept();
        } finally {
          ss.close();
          listening = null;
        }
        serve(s);
      } catch (IOException e) {
        // accept failed or the server closed: the loop condition decides
      }
    }
  }

  private ServerSocket rebind() throws IOException {
    for (int attempt = 0; !stopped; attempt++) {
      try {
        listening = bind(port);
        return listening;
      } catch (BindException e) {
        if (attempt > 50) {
          throw e;
        }
        try {
          Thread.sleep(20);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          return null;
        }
      }
    }
    return null;
  }

  private void serve(Socket s) throws IOException {
    s.setTcpNoDelay(true);
    TelnetConnection c = new TelnetConnection(s, "ts-line-" + line);
    current = c;
    try {
      c.open();
      console.attach(c);
      c.run(console::input);
    } finally {
      console.detach(c);
      current = null;
    }
  }

  /** {@code clear line N}: drops the connection on the line; the port listens again. */
  void clear() {
    TelnetConnection c = current;
    if (c != null) {
      c.close();
    }
  }

  void stop() {
    stopped = true;
    clear();
    ServerSocket ss = listening;
    if (ss != null) {
      try {
        ss.close();
      } catch (IOException e) {
        // already closed
      }
    }
    try {
      thread.join(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
