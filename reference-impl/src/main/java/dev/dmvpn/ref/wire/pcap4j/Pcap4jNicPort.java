package dev.dmvpn.ref.wire.pcap4j;

import dev.dmvpn.ref.capture.CapturedFrame;
import dev.dmvpn.ref.capture.LinkType;
import dev.dmvpn.ref.wire.NicPort;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.pcap4j.core.BpfProgram.BpfCompileMode;
import org.pcap4j.core.NotOpenException;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.PcapNativeException;

/**
 * A {@link NicPort} on libpcap through pcap4j, used for raw bytes only (never pcap4j's packet classes):
 * promiscuous, immediate mode, nanosecond timestamps where the platform has them, an optional BPF filter, a
 * daemon receive thread, and {@code pcap_sendpacket} for injection.
 */
public final class Pcap4jNicPort implements NicPort {
  private final String name;
  private final PcapHandle handle;
  private final LinkType linkType;
  private final BlockingQueue<CapturedFrame> queue;
  private final AtomicLong dropped = new AtomicLong();
  private final Thread receiver;
  private volatile Consumer<CapturedFrame> listener;
  private volatile boolean running = true;
  private volatile String receiveError;

  private Pcap4jNicPort(String name, PcapHandle handle, Pcap4jOptions options) {
    this.name = name;
    this.handle = handle;
    this.linkType = new LinkType(handle.getDlt().value());
    this.queue = new LinkedBlockingQueue<>(options.queueCapacity());
    this.receiver = new Thread(this::receiveLoop, "nic-rx-" + name);
    receiver.setDaemon(true);
  }

  /** Opens {@code interfaceName} with {@link Pcap4jOptions#defaults()}. */
  public static Pcap4jNicPort open(String interfaceName) throws IOException {
    return open(interfaceName, Pcap4jOptions.defaults());
  }

  /**
   * Opens a capture and injection handle on {@code interfaceName} and starts receiving.
   *
   * @throws IOException naming the interface when libpcap cannot open it or compile the filter
   */
  public static Pcap4jNicPort open(String interfaceName, Pcap4jOptions options) throws IOException {
    PcapHandle handle = Pcap4jHandles.open(interfaceName, options);
    try {
      if (options.bpfFilter() != null) {
        handle.setFilter(options.bpfFilter(), BpfCompileMode.OPTIMIZE);
      }
    } catch (PcapNativeException | NotOpenException e) {
      handle.close();
      throw new IOException(interfaceName + ": bad BPF filter '" + options.bpfFilter() + "': "
          + e.getMessage(), e);
    }
    Pcap4jNicPort port = new Pcap4jNicPort(interfaceName, handle, options);
    port.receiver.start();
    return port;
  }

  private void receiveLoop() {
    while (running) {
      try {
        byte[] data = handle.getNextRawPacketEx();
        deliver(toFrame(data));
      } catch (TimeoutException e) {
        // the read timeout lets the loop notice close()
      } catch (EOFException e) {
        // pcap_breakloop from close(); only an error if nobody asked for it
        if (running) {
          receiveError = "capture ended unexpectedly";
          return;
        }
      } catch (PcapNativeException | NotOpenException e) {
        if (running) {
          receiveError = e.getMessage();
        }
        return;
      }
    }
  }

  /** Must run on the receive thread: pcap4j keeps the last header's timestamp per thread. */
  private CapturedFrame toFrame(byte[] data) {
    Timestamp ts = handle.getTimestamp();
    long nanos = Math.floorDiv(ts.getTime(), 1000L) * 1_000_000_000L + ts.getNanos();
    Integer original = handle.getOriginalLength();
    return new CapturedFrame(0, linkType, nanos, original == null ? data.length : original, data);
  }

  private void deliver(CapturedFrame frame) {
    Consumer<CapturedFrame> l = listener;
    if (l == null) {
      if (!queue.offer(frame)) {
        dropped.incrementAndGet();
      }
      return;
    }
    try {
      l.accept(frame);
    } catch (RuntimeException e) {
      dropped.incrementAndGet(); // a faulty listener must not stop the capture
    }
  }

  @Override
  public void send(byte[] frame) {
    try {
      handle.sendPacket(frame);
    } catch (PcapNativeException | NotOpenException e) {
      throw new UncheckedIOException(new IOException(name + ": send failed: " + e.getMessage(), e));
    }
  }

  @Override
  public void onReceive(Consumer<CapturedFrame> listener) {
    this.listener = listener;
  }

  @Override
  public CapturedFrame receive(Duration timeout) throws InterruptedException {
    return queue.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
  }

  @Override
  public long droppedFrames() {
    return dropped.get();
  }

  /** Why the receive thread stopped on its own (the interface went away), or null. */
  public String receiveError() {
    return receiveError;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public LinkType linkType() {
    return linkType;
  }

  /**
   * Stops the receive thread, then closes the handle. libpcap on Linux (TPACKET_V3) may never return from a
   * read while no frame arrives, whatever the read timeout, so the thread is woken with {@code
   * pcap_breakloop} (libpcap 1.10+ interrupts a blocked read). Should it still not stop, the handle is left
   * open rather than hanging here: pcap4j's close waits for the read to finish.
   */
  @Override
  public void close() {
    if (!running) {
      return;
    }
    running = false;
    try {
      handle.breakLoop();
      receiver.join(5_000);
    } catch (NotOpenException e) {
      // already closed
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (!receiver.isAlive()) {
      handle.close();
    } else {
      receiveError = "receive thread did not stop; handle left open";
    }
  }

  @Override
  public String toString() {
    return "pcap4j port " + name + " (" + linkType + ")";
  }
}
