package dev.dmvpn.drivers.ios;

import dev.dmvpn.drivers.channel.SecretMasker;
import java.util.Optional;

/**
 * Finds a command's echo in the text before a prompt. A log message that arrives between two commands leaves
 * blank lines and, with {@code logging synchronous}, a redrawn prompt before the echo (or in front of it on the
 * same line, {@code sv9-4#show clock}); those are skipped. Text that is neither is a wrong echo.
 */
final class Echo {
  private Echo() {}

  /**
   * The output after the echo line; empty when the text holds only blank lines and prompts so far (the prompt
   * just matched was a redrawn one, keep reading).
   *
   * @throws DriverException when a line other than a blank, a prompt or the echo comes first
   */
  static Optional<String> outputAfter(String text, String command, String peer) throws DriverException {
    String cmd = command.stripTrailing();
    int at = 0;
    while (at <= text.length()) {
      int nl = text.indexOf('\n', at);
      String line = (nl < 0 ? text.substring(at) : text.substring(at, nl)).stripTrailing();
      String rest = nl < 0 ? "" : text.substring(nl + 1);
      if (line.equals(cmd) || (line.endsWith(cmd)
          && Prompt.parse(line.substring(0, line.length() - cmd.length())).isPresent())) {
        return Optional.of(rest);
      }
      if (!line.isBlank() && Prompt.parse(line).isEmpty()) {
        throw new DriverException("device " + peer + " echoed '" + SecretMasker.mask(line) + "' for the command '"
            + SecretMasker.mask(command) + "'");
      }
      if (nl < 0) {
        return Optional.empty();
      }
      at = nl + 1;
    }
    return Optional.empty();
  }
}
