package dev.dmvpn.harness.scenario.capture;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A capture running at one capture point of the testbed, written to a classic pcap file. A virtual rack taps its
 * in-process WAN segment ({@link SegmentCapture}); a real rack captures a NIC of the harness host through pcap4j
 * ({@link NicCapture}).
 */
public interface CaptureSession extends AutoCloseable {
  /** The capture point's name in the testbed ({@code captures:} key). */
  String name();

  Path file();

  long framesWritten();

  /** Stops capturing and completes the file; idempotent. */
  @Override
  void close() throws IOException;
}
