package dev.dmvpn.drivers.ios;

import dev.dmvpn.drivers.channel.SyslogLine;
import dev.dmvpn.drivers.parse.DebugEvent;
import java.time.Duration;
import java.util.List;

/**
 * A finished debug capture: the debugs started, the events parsed from the debug lines (in arrival order), the log
 * messages ({@code %FAC-N-MNEMONIC}) that came meanwhile, and how long the capture ran.
 */
public record DebugCaptureResult(List<String> debugs, List<DebugEvent> events, List<SyslogLine> syslog,
    Duration elapsed) {
  public DebugCaptureResult {
    debugs = List.copyOf(debugs);
    events = List.copyOf(events);
    syslog = List.copyOf(syslog);
  }
}
