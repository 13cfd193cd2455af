package dev.dmvpn.harness.scenario.capture;

import dev.dmvpn.ref.wire.virtual.PcapTap;
import dev.dmvpn.ref.wire.virtual.VirtualSegment;
import java.io.IOException;
import java.nio.file.Path;

/** A pcap tap on a virtual rack's WAN segment: every frame the segment carries, Ethernet, segment clock stamps. */
public final class SegmentCapture implements CaptureSession {
  private final String name;
  private final Path file;
  private final PcapTap tap;

  private SegmentCapture(String name, Path file, PcapTap tap) {
    this.name = name;
    this.file = file;
    this.tap = tap;
  }

  public static SegmentCapture start(String name, VirtualSegment segment, Path file) throws IOException {
    return new SegmentCapture(name, file, PcapTap.attach(segment, file));
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
  public long framesWritten() {
    return tap.framesWritten();
  }

  @Override
  public void close() throws IOException {
    tap.close();
  }
}
