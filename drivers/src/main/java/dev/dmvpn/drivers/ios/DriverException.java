package dev.dmvpn.drivers.ios;

import java.io.IOException;

/** A dialog with the device went wrong (bad password, refused enable, unexpected echo); the message says what and where. */
public class DriverException extends IOException {
  public DriverException(String message) {
    super(message);
  }
}
