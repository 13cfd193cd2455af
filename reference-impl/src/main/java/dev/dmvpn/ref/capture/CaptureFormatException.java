package dev.dmvpn.ref.capture;

import java.io.IOException;

/** The file is not a pcap or pcapng capture, or its file-level structure is broken. */
public final class CaptureFormatException extends IOException {
  private static final long serialVersionUID = 1L;

  public CaptureFormatException(String message) {
    super(message);
  }
}
