package dev.dmvpn.drivers.transport;

import java.io.IOException;

/**
 * A byte pipe to a device's command line. Reads wait until a deadline (a {@link System#nanoTime()} value), never
 * for a fixed time: the channel above decides how long a prompt may take.
 */
public interface Transport extends AutoCloseable {

  /**
   * The bytes that arrive before {@code deadlineNanos}: at least one byte, or an empty array when the deadline
   * passed first.
   *
   * @throws TransportClosedException when the device closed the connection and nothing is left to read
   */
  byte[] read(long deadlineNanos) throws IOException;

  void write(byte[] data) throws IOException;

  /**
   * What ends a typed line: CR for SSH and replays; telnet overrides it (an NVT line end is CR LF or CR NUL).
   */
  default String lineEnd() {
    return "\r";
  }

  /** Where this transport leads, for error messages: {@code telnet 127.0.0.1:2001}. */
  String peer();

  @Override
  void close();
}
