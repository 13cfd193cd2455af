package dev.dmvpn.drivers.console;

import dev.dmvpn.drivers.ios.Credentials;

/**
 * A device's console behind a reverse-telnet terminal server: the line's own port ({@code 2000 + line} on a
 * Cisco access server), the line number for {@code clear line}, and the server's VTY with its credentials.
 */
public record ConsoleLine(String host, int port, int line, int serverVtyPort, Credentials serverCredentials) {
  public ConsoleLine {
    if (line < 1) {
      throw new IllegalArgumentException("terminal server line numbers start at 1, got " + line);
    }
  }
}
