package dev.dmvpn.drivers.ios;

import dev.dmvpn.drivers.channel.SecretMasker;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A configuration push: the lines the device accepted (in order, with their numbers in the input), the first line
 * it rejected (its number, text and the device's error), or the connection failure that cut the push short; lines
 * after a rejection or a failure were not sent. {@code unconfirmed} is the line sent when the connection broke,
 * whose fate is unknown.
 */
public record ConfigureResult(List<AppliedLine> applied, Optional<RejectedLine> rejected,
    Optional<String> connectionFailure, Optional<AppliedLine> unconfirmed, Duration elapsed) {

  /** A line the device took; {@link #toString()} masks a secret in it. */
  public record AppliedLine(int number, String line, Duration elapsed) {
    @Override
    public String toString() {
      return "line " + number + " '" + SecretMasker.mask(line) + "' (" + elapsed.toNanos() / 1000 + " us)";
    }
  }

  /** The line the device refused; {@link #toString()} masks a secret in it. */
  public record RejectedLine(int number, String line, DeviceError error) {
    @Override
    public String toString() {
      return "line " + number + " '" + SecretMasker.mask(line) + "' refused: " + error.message();
    }
  }

  public ConfigureResult {
    applied = List.copyOf(applied);
  }

  public boolean ok() {
    return rejected.isEmpty() && connectionFailure.isEmpty();
  }
}
