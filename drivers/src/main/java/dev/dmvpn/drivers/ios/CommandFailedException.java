package dev.dmvpn.drivers.ios;

import dev.dmvpn.drivers.channel.SecretMasker;

/** The device refused a command; {@link #result()} holds its own text. */
public final class CommandFailedException extends DriverException {
  private final transient CommandResult result;

  public CommandFailedException(String peer, CommandResult result) {
    super("device " + peer + " refused '" + SecretMasker.mask(result.command()) + "': "
        + result.error().orElseThrow().message());
    this.result = result;
  }

  public CommandResult result() {
    return result;
  }
}
