package dev.dmvpn.virtualrack.ssh;

import dev.dmvpn.virtualrack.session.CliSession;
import dev.dmvpn.virtualrack.session.RouterCli;
import dev.dmvpn.virtualrack.session.Terminal;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;

/**
 * The shell of one SSH channel: a VTY session fed from the channel's input (line ends reduced to one
 * {@code \r}, as over telnet), its output queued to a writer thread, the channel closed when the session ends.
 */
final class CliShell implements Command, Terminal {
  private static final byte[] POISON = new byte[0];
  private static final long MAX_PENDING = 1 << 20;
  private final java.util.concurrent.atomic.AtomicLong pending = new java.util.concurrent.atomic.AtomicLong();
  private final RouterCli cli;
  private final LinkedBlockingQueue<byte[]> queue = new LinkedBlockingQueue<>();
  private final AtomicBoolean closed = new AtomicBoolean();
  private InputStream in;
  private OutputStream out;
  private ExitCallback exit;
  private CliSession session;

  CliShell(RouterCli cli) {
    this.cli = cli;
  }

  @Override
  public void setInputStream(InputStream in) {
    this.in = in;
  }

  @Override
  public void setOutputStream(OutputStream out) {
    this.out = out;
  }

  @Override
  public void setErrorStream(OutputStream err) {
    // IOS writes everything to the terminal
  }

  @Override
  public void setExitCallback(ExitCallback callback) {
    this.exit = callback;
  }

  @Override
  public void start(ChannelSession channel, Environment env) {
    SocketAddress remote = channel.getSession().getRemoteAddress();
    String peer = remote instanceof InetSocketAddress a ? a.getAddress().getHostAddress() : "0.0.0.0";
    String name = "ssh-" + cli.router().hostname();
    Thread writer = new Thread(this::writeLoop, name + "-out");
    writer.setDaemon(true);
    writer.start();
    session = cli.openVty(this, peer, true);
    if (session == null) {
      close();
      return;
    }
    Thread reader = new Thread(this::readLoop, name + "-in");
    reader.setDaemon(true);
    reader.start();
  }

  private void readLoop() {
    byte[] buf = new byte[4096];
    boolean afterCr = false;
    try {
      int n;
      while (!closed.get() && (n = in.read(buf)) > 0) {
        StringBuilder typed = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
          int b = buf[i] & 0xff;
          if (afterCr && (b == '\n' || b == 0)) {
            afterCr = false;
            continue;
          }
          afterCr = b == '\r';
          typed.append(b == '\n' ? '\r' : (char) (b < 0x80 ? b : '?'));
        }
        session.input(typed.toString());
      }
    } catch (IOException e) {
      // the channel closed
    } finally {
      session.close();
      close();
    }
  }

  private void writeLoop() {
    try {
      while (true) {
        byte[] b = queue.take();
        if (b == POISON) {
          break;
        }
        out.write(b);
        pending.addAndGet(-b.length);
        if (queue.isEmpty()) {
          out.flush();
        }
      }
    } catch (IOException | InterruptedException e) {
      // the channel closed
    } finally {
      if (exit != null) {
        exit.onExit(0);
      }
    }
  }

  @Override
  public void send(String text) {
    if (closed.get()) {
      return;
    }
    byte[] b = text.getBytes(StandardCharsets.ISO_8859_1);
    if (pending.addAndGet(b.length) > MAX_PENDING) {
      // a client that stopped reading: end the session rather than queue without bound
      close();
      return;
    }
    queue.add(b);
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      queue.add(POISON);
    }
  }

  @Override
  public void destroy(ChannelSession channel) {
    if (session != null) {
      session.close();
    }
    close();
  }
}
