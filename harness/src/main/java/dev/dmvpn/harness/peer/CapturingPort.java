package dev.dmvpn.harness.peer;

import dev.dmvpn.ref.capture.PcapWriter;
import dev.dmvpn.ref.l2l3.MacAddress;
import dev.dmvpn.ref.wire.Port;
import java.io.IOException;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * A {@link Port} that writes every frame its owner sends and every frame the wire hands it to a pcap file, with
 * wall-clock timestamps (real time even when the node's clock is scaled), then passes it on unchanged. The file
 * is flushed after each frame so it is complete up to the last frame whatever ends the process. A write failure
 * is counted, never thrown into the node.
 */
public final class CapturingPort implements Port {
  private final Port inner;
  private final PcapWriter writer;
  private boolean closed;
  private long writeFailures;

  /** Captures {@code inner}'s traffic into {@code writer} (an Ethernet pcap), which {@link #close} closes. */
  public CapturingPort(Port inner, PcapWriter writer) {
    this.inner = inner;
    this.writer = writer;
  }

  @Override
  public String name() {
    return inner.name();
  }

  @Override
  public MacAddress mac() {
    return inner.mac();
  }

  @Override
  public void send(byte[] ethernetFrame) {
    record(ethernetFrame);
    inner.send(ethernetFrame);
  }

  @Override
  public void onReceive(Consumer<byte[]> receiver) {
    inner.onReceive(receiver == null ? null : frame -> {
      record(frame);
      receiver.accept(frame);
    });
  }

  private synchronized void record(byte[] frame) {
    if (closed) {
      return;
    }
    Instant now = Instant.now();
    try {
      writer.write(now.getEpochSecond() * 1_000_000_000L + now.getNano(), frame);
      writer.flush();
    } catch (IOException | RuntimeException e) {
      writeFailures++;
    }
  }

  /** Frames written so far. */
  public synchronized long framesWritten() {
    return writer.framesWritten();
  }

  /** Frames that could not be written (disk full, ...). */
  public synchronized long writeFailures() {
    return writeFailures;
  }

  /** Closes the wire port first (no more frames), then the capture file. Idempotent. */
  @Override
  public void close() {
    inner.close();
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      try {
        writer.close();
      } catch (IOException e) {
        writeFailures++;
      }
    }
  }
}
