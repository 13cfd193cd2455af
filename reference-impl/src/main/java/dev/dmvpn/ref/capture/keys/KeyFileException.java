package dev.dmvpn.ref.capture.keys;

import java.io.IOException;

/** A key file line that cannot be parsed; the message names the file, the line number and what is wrong. */
public final class KeyFileException extends IOException {
  private static final long serialVersionUID = 1L;

  private final String file;
  private final int line;

  public KeyFileException(String file, int line, String problem) {
    super(file + ":" + line + ": " + problem);
    this.file = file;
    this.line = line;
  }

  public String file() {
    return file;
  }

  /** 1-based line number. */
  public int line() {
    return line;
  }
}
