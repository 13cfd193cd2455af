package dev.dmvpn.ref.wire.virtual;

import dev.dmvpn.ref.capture.LinkType;
import dev.dmvpn.ref.capture.PcapWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A tap writing every frame of a segment to a classic pcap file (Ethernet, nanosecond timestamps from the
 * segment's clock). A write error stops the tap (delivery on the segment goes on) and is thrown by {@link
 * #close()}.
 */
public final class PcapTap implements SegmentTap, Closeable {
  private final VirtualSegment segment;
  private final PcapWriter writer;
  private IOException failure;
  private boolean closed;

  private PcapTap(VirtualSegment segment, PcapWriter writer) {
    this.segment = segment;
    this.writer = writer;
  }

  /** Creates (or replaces) {@code file} and attaches the tap to {@code segment}. */
  public static PcapTap attach(VirtualSegment segment, Path file) throws IOException {
    PcapTap tap = new PcapTap(segment, PcapWriter.create(file, LinkType.ETHERNET));
    segment.addTap(tap);
    return tap;
  }

  @Override
  public synchronized void onFrame(long timestampNanos, byte[] frame) {
    if (closed || failure != null) {
      return;
    }
    try {
      writer.write(timestampNanos, frame);
    } catch (IOException | RuntimeException e) {
      failure = e instanceof IOException io ? io : new IOException(e);
    }
  }

  public synchronized long framesWritten() {
    return writer.framesWritten();
  }

  /** Writes buffered frames to the file, so another process (tshark) can read it while the tap runs. */
  public synchronized void flush() throws IOException {
    writer.flush();
  }

  /** Detaches from the segment and closes the file; throws the first write error, if any. */
  @Override
  public synchronized void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    segment.removeTap(this);
    writer.close();
    if (failure != null) {
      throw failure;
    }
  }
}
