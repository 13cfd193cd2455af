package dev.dmvpn.drivers.channel;

import java.util.List;

/**
 * What came before the awaited pattern ({@code text}, cleaned, log messages removed), the matched text itself
 * ({@code match}, e.g. the prompt), the log messages that arrived meanwhile, and which awaited pattern matched.
 */
public record Reply(String text, String match, List<SyslogLine> syslog, int alternative) {
  public Reply {
    syslog = List.copyOf(syslog);
  }
}
