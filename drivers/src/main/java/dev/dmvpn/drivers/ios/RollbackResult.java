package dev.dmvpn.drivers.ios;

import dev.dmvpn.drivers.ios.ConfigureResult.RejectedLine;
import java.time.Duration;
import java.util.List;

/**
 * What a rollback did: the inverse lines pushed, the repair lines pushed after comparing the configurations, the
 * lines of either the device refused (the rollback goes on past them), whether {@code show running-config} then
 * equals the one saved before the push ({@code exact}, {@code ! Last configuration change} lines aside), and the
 * lines still differing ({@code - } only in the saved one, {@code + } only in the current one).
 */
public record RollbackResult(List<String> inverse, List<String> repair, List<RejectedLine> refused, boolean exact,
    List<String> differences, Duration elapsed) {
  public RollbackResult {
    inverse = List.copyOf(inverse);
    repair = List.copyOf(repair);
    refused = List.copyOf(refused);
    differences = List.copyOf(differences);
  }
}
