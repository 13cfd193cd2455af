package dev.dmvpn.drivers.channel;

import java.util.regex.Pattern;

/**
 * An asynchronous log message the device printed among command output, e.g.
 * {@code *Mar  1 00:01:02.123: %SYS-5-CONFIG_I: Configured from console by vty0 (127.0.0.1)} or
 * {@code %LINK-3-UPDOWN: Interface Tunnel0, changed state to up}.
 */
public record SyslogLine(String text) {

  /**
   * The optional time stamp (datetime {@code *Mar  1 00:01:02.123:} with {@code *} or {@code .} for an unsynced
   * clock, or uptime {@code 00:01:02:} / {@code 1d02h:}) and the {@code %FACILITY-SEVERITY-MNEMONIC:} tag. Exec
   * errors ({@code % Invalid input}) have a blank after the percent sign and never match.
   */
  static final Pattern PATTERN = Pattern.compile(
      "(?:[*.]?(?:[A-Z][a-z]{2} +\\d{1,2} +(?:\\d{4} +)?\\d{1,2}:\\d{2}:\\d{2}(?:\\.\\d{1,3})?(?: [A-Z]{3,4})?"
          + "|\\d{1,2}:\\d{2}:\\d{2}(?:\\.\\d{1,3})?|\\d+[wdh]\\d+[dhm]):\\s*)?"
          + "%[A-Z][A-Z0-9_]*(?:-[A-Z0-9_]+)?-[0-7]-[A-Z0-9_]+:.*");

  /** Where a log message starts in {@code line}, or -1. */
  static int start(String line) {
    var m = PATTERN.matcher(line);
    return m.find() ? m.start() : -1;
  }
}
