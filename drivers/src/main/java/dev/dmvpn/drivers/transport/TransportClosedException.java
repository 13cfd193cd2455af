package dev.dmvpn.drivers.transport;

import java.io.IOException;

/** The device closed the connection (end of stream), or a write found it closed. */
public final class TransportClosedException extends IOException {
  public TransportClosedException(String peer) {
    super("connection to " + peer + " closed by the device");
  }
}
