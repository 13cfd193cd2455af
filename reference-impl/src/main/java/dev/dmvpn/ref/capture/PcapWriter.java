package dev.dmvpn.ref.capture;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a classic pcap file: microsecond (magic 0xa1b2c3d4) or nanosecond (0xa1b23c4d) timestamps, in the
 * chosen byte order, one link type. Frames longer than the snaplen are cut to it (their original length is
 * kept), as libpcap does. Not thread-safe.
 *
 * @see PcapReader for the layout
 */
public final class PcapWriter implements Closeable {
  /** libpcap's default (MAXIMUM_SNAPLEN). */
  public static final int DEFAULT_SNAPLEN = 262_144;
  private static final long MAX_SECONDS = 0xFFFF_FFFFL;

  private final OutputSink sink;
  private final LinkType linkType;
  private final int snaplen;
  private final boolean nanos;
  private long framesWritten;

  /**
   * @param resolution {@link TimestampResolution#MICROS} or {@link TimestampResolution#NANOS}
   * @param snaplen maximum bytes kept per frame (1..2^31-1)
   */
  public PcapWriter(
      OutputStream out, LinkType linkType, int snaplen, TimestampResolution resolution, ByteOrder order)
      throws IOException {
    if (!resolution.equals(TimestampResolution.MICROS) && !resolution.equals(TimestampResolution.NANOS)) {
      throw new IllegalArgumentException(
          "classic pcap stores microseconds or nanoseconds, not " + resolution);
    }
    if (snaplen <= 0) {
      throw new IllegalArgumentException("snaplen must be positive: " + snaplen);
    }
    this.sink = new OutputSink(out, order, OutputSink.DEFAULT_SIZE);
    this.linkType = linkType;
    this.snaplen = snaplen;
    this.nanos = resolution.equals(TimestampResolution.NANOS);
    writeFileHeader();
  }

  /** A new file (replacing an existing one) with the given format choices. */
  public static PcapWriter create(
      Path file, LinkType linkType, int snaplen, TimestampResolution resolution, ByteOrder order)
      throws IOException {
    return new PcapWriter(Files.newOutputStream(file), linkType, snaplen, resolution, order);
  }

  /** A new little-endian, nanosecond file with snaplen {@link #DEFAULT_SNAPLEN}. */
  public static PcapWriter create(Path file, LinkType linkType) throws IOException {
    return create(file, linkType, DEFAULT_SNAPLEN, TimestampResolution.NANOS, ByteOrder.LITTLE_ENDIAN);
  }

  private void writeFileHeader() throws IOException {
    ByteBuffer b = sink.reserve(PcapReader.FILE_HEADER_LENGTH);
    b.putInt(nanos ? PcapReader.MAGIC_NANOS : PcapReader.MAGIC_MICROS);
    b.putShort((short) 2).putShort((short) 4);
    b.putInt(0).putInt(0); // thiszone, sigfigs: always 0 in practice
    b.putInt(snaplen).putInt(linkType.value());
  }

  /** Writes a frame; its link type must be this file's. */
  public void write(CapturedFrame frame) throws IOException {
    if (!frame.linkType().equals(linkType)) {
      throw new IllegalArgumentException(
          "frame link type " + frame.linkType() + " differs from the file's " + linkType);
    }
    write(frame.timestampNanos(), frame.originalLength(), frame.data());
  }

  /** Writes a frame that was not truncated ({@code originalLength = data.length}). */
  public void write(long timestampNanos, byte[] data) throws IOException {
    write(timestampNanos, data.length, data);
  }

  /**
   * @param timestampNanos nanoseconds since the epoch, 0 .. 2^32 s (pcap seconds are unsigned 32-bit)
   * @param originalLength length on the wire (at least the bytes written)
   */
  public void write(long timestampNanos, int originalLength, byte[] data) throws IOException {
    long seconds = Math.floorDiv(timestampNanos, 1_000_000_000L);
    if (seconds < 0 || seconds > MAX_SECONDS) {
      throw new IllegalArgumentException("timestamp outside the pcap range 1970..2106: " + timestampNanos);
    }
    long fraction = Math.floorMod(timestampNanos, 1_000_000_000L);
    int captured = Math.min(data.length, snaplen);
    ByteBuffer b = sink.reserve(PcapReader.RECORD_HEADER_LENGTH);
    b.putInt((int) seconds).putInt((int) (nanos ? fraction : fraction / 1000));
    b.putInt(captured).putInt(Math.max(originalLength, captured));
    sink.putBytes(data, 0, captured);
    framesWritten++;
  }

  public long framesWritten() {
    return framesWritten;
  }

  public LinkType linkType() {
    return linkType;
  }

  /** Pushes buffered frames to the stream (e.g. before another process reads the file). */
  public void flush() throws IOException {
    sink.flush();
  }

  @Override
  public void close() throws IOException {
    sink.close();
  }
}
