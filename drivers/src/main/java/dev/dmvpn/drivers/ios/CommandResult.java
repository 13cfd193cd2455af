package dev.dmvpn.drivers.ios;

import dev.dmvpn.drivers.channel.SyslogLine;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One command's outcome: its output (echo and prompt removed, log messages moved to {@code syslog}), the prompt it
 * left, how long it took from sending to the prompt, and the device's error if it printed one.
 */
public record CommandResult(String command, String output, List<SyslogLine> syslog, Prompt prompt,
    Duration elapsed, Optional<DeviceError> error) {
  public CommandResult {
    syslog = List.copyOf(syslog);
  }

  public boolean ok() {
    return error.isEmpty();
  }
}
