package dev.dmvpn.virtualrack.telnet;

import dev.dmvpn.virtualrack.session.CliSession;
import dev.dmvpn.virtualrack.session.RouterCli;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A router's telnet VTYs on loopback: each connection gets the lowest free {@code line vty} and a session; when
 * every line is busy the connection is closed at once [IOS's exact behaviour then is unconfirmed: some releases
 * print nothing, the client sees the connection closed]. One thread accepts; each connection has a reader and a
 * writer thread, which end with the connection.
 */
public final class VtyServer implements AutoCloseable {
  private final RouterCli cli;
  private final ServerSocket server;
  private final Thread acceptor;
  private final Set<TelnetConnection> connections = ConcurrentHashMap.newKeySet();
  private final Set<Thread> readers = ConcurrentHashMap.newKeySet();

  private VtyServer(RouterCli cli, ServerSocket server) {
    this.cli = cli;
    this.server = server;
    this.acceptor = new Thread(this::acceptLoop, "vty-" + cli.router().hostname() + "-accept");
    acceptor.setDaemon(true);
  }

  /** Listens on 127.0.0.1:{@code port} (0 picks a free port). */
  public static VtyServer start(RouterCli cli, int port) throws IOException {
    ServerSocket ss = new ServerSocket();
    ss.setReuseAddress(true);
    ss.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
    VtyServer v = new VtyServer(cli, ss);
    v.acceptor.start();
    return v;
  }

  public int port() {
    return server.getLocalPort();
  }

  private void acceptLoop() {
    int count = 0;
    while (!server.isClosed()) {
      try {
        Socket s = server.accept();
        s.setTcpNoDelay(true);
        String name = "vty-" + cli.router().hostname() + "-" + (++count);
        Thread t = new Thread(() -> serve(s, name), name + "-in");
        t.setDaemon(true);
        readers.add(t);
        t.start();
      } catch (IOException e) {
        // closed while accepting, or a failed accept: the loop condition decides
      }
    }
  }

  private void serve(Socket s, String name) {
    TelnetConnection c = new TelnetConnection(s, name);
    connections.add(c);
    try {
      c.open();
      CliSession session = cli.openVty(c, c.peerAddress());
      if (session == null) {
        c.close();
        return;
      }
      c.onWindowSize((cols, rows) -> session.windowSize(cols, rows));
      c.run(session::input);
      session.close();
    } finally {
      connections.remove(c);
      readers.remove(Thread.currentThread());
    }
  }

  /** Connections open now. */
  public int openConnections() {
    return connections.size();
  }

  /** Stops listening and ends every connection; waits briefly for the threads. */
  @Override
  public void close() throws IOException {
    server.close();
    for (TelnetConnection c : connections) {
      c.close();
    }
    try {
      acceptor.join(2000);
      for (Thread t : readers) {
        t.join(2000);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
