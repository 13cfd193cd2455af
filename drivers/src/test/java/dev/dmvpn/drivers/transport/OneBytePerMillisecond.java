package dev.dmvpn.drivers.transport;

import java.io.IOException;
import java.util.concurrent.locks.LockSupport;

/**
 * A device behind a slow console line: whatever the wrapped transport receives is handed on one byte per
 * millisecond (about a 9600-baud console). Test code: the pause models the line, it is not a driver wait.
 */
public final class OneBytePerMillisecond implements Transport {
  private final Transport inner;
  private byte[] pending = new byte[0];
  private int at;
  private long nextByteNanos = System.nanoTime();
  private long delivered;

  public OneBytePerMillisecond(Transport inner) {
    this.inner = inner;
  }

  @Override
  public byte[] read(long deadlineNanos) throws IOException {
    if (at >= pending.length) {
      pending = inner.read(deadlineNanos);
      at = 0;
      if (pending.length == 0) {
        return pending;
      }
      nextByteNanos = Math.max(nextByteNanos, System.nanoTime());
    }
    if (nextByteNanos - deadlineNanos > 0) {
      LockSupport.parkNanos(Math.max(0, deadlineNanos - System.nanoTime()));
      return new byte[0];
    }
    LockSupport.parkNanos(Math.max(0, nextByteNanos - System.nanoTime()));
    nextByteNanos += 1_000_000;
    delivered++;
    return new byte[] {pending[at++]};
  }

  public long delivered() {
    return delivered;
  }

  @Override
  public void write(byte[] data) throws IOException {
    inner.write(data);
  }

  @Override
  public String lineEnd() {
    return inner.lineEnd();
  }

  @Override
  public String peer() {
    return "slow " + inner.peer();
  }

  @Override
  public void close() {
    inner.close();
  }
}
