package dev.dmvpn.drivers.ios;

/** The device refused a command; {@link #result()} holds its own text. */
public final class CommandFailedException extends DriverException {
  private final transient CommandResult result;

  public CommandFailedException(String peer, CommandResult result) {
    super("device " + peer + " refused '" + result.command() + "': " + result.error().orElseThrow().message());
    this.result = result;
  }

  public CommandResult result() {
    return result;
  }
}
