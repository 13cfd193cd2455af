package dev.dmvpn.virtualrack.telnet;

import dev.dmvpn.virtualrack.session.Terminal;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * One telnet connection: the reader runs on the caller's thread ({@link #run}), output goes through a queue to
 * a writer thread so a session never blocks on a client that does not read. A client more than
 * {@link #MAX_PENDING} bytes behind is disconnected (IOS drops such sessions too, by its own buffer limits).
 */
final class TelnetConnection implements Terminal, TelnetNegotiator.Peer {
  static final long MAX_PENDING = 1 << 20;
  private static final byte[] POISON = new byte[0];

  private final Socket socket;
  private final String name;
  private final LinkedBlockingQueue<byte[]> queue = new LinkedBlockingQueue<>();
  private final AtomicLong pending = new AtomicLong();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final TelnetNegotiator negotiator = new TelnetNegotiator(this);
  private final TelnetDecoder decoder = new TelnetDecoder(negotiator);
  private volatile WindowListener windowListener = (c, r) -> { };
  private Thread writer;

  /** Told the client's window size (NAWS). */
  interface WindowListener {
    void windowSize(int columns, int rows);
  }

  TelnetConnection(Socket socket, String name) {
    this.socket = socket;
    this.name = name;
  }

  void onWindowSize(WindowListener l) {
    windowListener = l;
  }

  String peerAddress() {
    return socket.getInetAddress().getHostAddress();
  }

  /** Starts the writer and sends IOS's option greeting. */
  void open() {
    writer = new Thread(this::writeLoop, name + "-out");
    writer.setDaemon(true);
    writer.start();
    sendRaw(TelnetNegotiator.GREETING);
  }

  /** Reads until the client or the session ends; typed characters go to {@code input}. */
  void run(Consumer<String> input) {
    byte[] buf = new byte[4096];
    try (InputStream in = socket.getInputStream()) {
      int n;
      while (!closed.get() && (n = in.read(buf)) > 0) {
        String typed = decoder.decode(buf, n);
        if (!typed.isEmpty()) {
          input.accept(typed);
        }
      }
    } catch (IOException e) {
      // the client went away or the session closed the socket: both end the connection
    } finally {
      close();
    }
  }

  @Override
  public void send(String text) {
    enqueue(text.getBytes(StandardCharsets.ISO_8859_1));
  }

  @Override
  public void sendRaw(byte[] bytes) {
    enqueue(bytes);
  }

  @Override
  public void windowSize(int columns, int rows) {
    windowListener.windowSize(columns, rows);
  }

  private void enqueue(byte[] b) {
    if (closed.get()) {
      return;
    }
    if (pending.addAndGet(b.length) > MAX_PENDING) {
      // the writer may be stuck in write() on a client that does not read: cut the socket
      closed.set(true);
      queue.add(POISON);
      closeSocket();
      return;
    }
    queue.add(b);
  }

  private void writeLoop() {
    try (OutputStream out = socket.getOutputStream()) {
      while (true) {
        byte[] b = queue.take();
        if (b == POISON) {
          break;
        }
        out.write(b);
        if (queue.isEmpty()) {
          out.flush();
        }
        pending.addAndGet(-b.length);
      }
    } catch (IOException | InterruptedException e) {
      // closing: nothing more to write
    } finally {
      closeSocket();
    }
  }

  /** Ends the connection: what is queued is still written, then the socket closes. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      queue.add(POISON);
      if (writer == null) {
        closeSocket();
      }
    }
  }

  boolean isClosed() {
    return closed.get();
  }

  /** Waits for the writer to finish (tests and shutdown). */
  void join(long millis) throws InterruptedException {
    if (writer != null) {
      writer.join(millis);
    }
  }

  private void closeSocket() {
    try {
      socket.close();
    } catch (IOException e) {
      // already closed
    }
  }
}
