package dev.dmvpn.drivers.transport;

import java.time.Duration;

/**
 * What the client answers in telnet option negotiation: its terminal type (TERMINAL-TYPE) and its window
 * (NAWS). A wide window keeps IOS from wrapping long lines ({@code $} scrolling breaks the echo check); the height
 * is sent as given (IOS may take it as the terminal length; the session sends {@code terminal length 0} anyway).
 */
public record TelnetOptions(String terminalType, int width, int height, Duration connectTimeout) {
  public static final TelnetOptions DEFAULT = new TelnetOptions("vt100", 511, 24, Duration.ofSeconds(10));

  public TelnetOptions {
    if (terminalType == null || terminalType.isBlank()) {
      throw new IllegalArgumentException("terminal type must not be blank");
    }
    if (width < 1 || width > 65535 || height < 0 || height > 65535) {
      throw new IllegalArgumentException("window " + width + "x" + height + " out of NAWS range");
    }
  }
}
