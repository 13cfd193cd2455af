package dev.dmvpn.drivers.transport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Moves a blocking input stream into a buffer on a daemon thread, so a read can wait on a deadline precisely
 * (socket timeouts fire imprecisely with Commons Net's reader thread: dependencies.md trap 4).
 */
final class StreamPump {
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition arrived = lock.newCondition();
  private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
  private final String peer;
  private boolean eof;

  StreamPump(InputStream in, String peer) {
    this.peer = peer;
    Thread t = new Thread(() -> pump(in), "drivers-reader " + peer);
    t.setDaemon(true);
    t.start();
  }

  private void pump(InputStream in) {
    byte[] buf = new byte[8192];
    try {
      int n;
      while ((n = in.read(buf)) >= 0) {
        lock.lock();
        try {
          pending.write(buf, 0, n);
          arrived.signalAll();
        } finally {
          lock.unlock();
        }
      }
    } catch (IOException e) {
      // a reset or a close from our side ends the stream the same way as EOF
    } finally {
      lock.lock();
      try {
        eof = true;
        arrived.signalAll();
      } finally {
        lock.unlock();
      }
    }
  }

  byte[] read(long deadlineNanos) throws IOException {
    lock.lock();
    try {
      while (pending.size() == 0 && !eof) {
        long left = deadlineNanos - System.nanoTime();
        if (left <= 0) {
          return new byte[0];
        }
        try {
          arrived.awaitNanos(Math.min(left, TimeUnit.SECONDS.toNanos(1)));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IOException("interrupted while reading from " + peer, e);
        }
      }
      if (pending.size() == 0) {
        throw new TransportClosedException(peer);
      }
      byte[] out = pending.toByteArray();
      pending.reset();
      return out;
    } finally {
      lock.unlock();
    }
  }
}
