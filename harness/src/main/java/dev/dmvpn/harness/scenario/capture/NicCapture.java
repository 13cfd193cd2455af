package dev.dmvpn.harness.scenario.capture;

import dev.dmvpn.ref.capture.CapturedFrame;
import dev.dmvpn.ref.capture.PcapWriter;
import dev.dmvpn.ref.wire.pcap4j.Pcap4jNicPort;
import dev.dmvpn.ref.wire.pcap4j.Pcap4jOptions;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A live capture on a NIC of the harness host (a SPAN port or the WAN box's own interface on a real rack), both
 * directions, promiscuous, with the capture point's pcap filter, through pcap4j (needs root and libpcap). Frames
 * are written as they arrive, by the pcap4j reader thread, in the NIC's link type.
 */
public final class NicCapture implements CaptureSession {
  private final String name;
  private final Path file;
  private final Pcap4jNicPort port;
  private final PcapWriter writer;
  private IOException failure;
  private boolean closed;

  private NicCapture(String name, Path file, Pcap4jNicPort port, PcapWriter writer) {
    this.name = name;
    this.file = file;
    this.port = port;
    this.writer = writer;
  }

  /** Opens {@code nic} with {@code filter} (null: everything) and starts writing {@code file}. */
  public static NicCapture start(String name, String nic, String filter, Path file) throws IOException {
    Pcap4jNicPort port = Pcap4jNicPort.open(nic, Pcap4jOptions.defaults().withFilter(filter));
    PcapWriter writer;
    try {
      writer = PcapWriter.create(file, port.linkType());
    } catch (IOException e) {
      port.close();
      throw e;
    }
    NicCapture c = new NicCapture(name, file, port, writer);
    port.onReceive(c::write);
    return c;
  }

  private synchronized void write(CapturedFrame frame) {
    if (closed || failure != null) {
      return;
    }
    try {
      writer.write(frame);
    } catch (IOException e) {
      failure = e;
    }
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Path file() {
    return file;
  }

  @Override
  public synchronized long framesWritten() {
    return writer.framesWritten();
  }

  @Override
  public void close() throws IOException {
    port.close();
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      writer.close();
      if (failure != null) {
        throw new IOException("capture " + name + " on " + port.name() + ": " + failure.getMessage(), failure);
      }
    }
  }
}
