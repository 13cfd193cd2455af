package dev.dmvpn.harness.correlate;

import dev.dmvpn.drivers.parse.DebugEvent;
import java.util.List;
import java.util.Set;

/**
 * One router's debug events (in the order it printed them) and the addresses that make a frame its own: a frame
 * from one of them is one it sent, to one of them one it received (the NBMA address for DMVPN).
 */
public record DeviceDebug(String device, Set<String> addresses, List<DebugEvent> events) {
  public DeviceDebug {
    addresses = Set.copyOf(addresses);
    events = List.copyOf(events);
  }
}
