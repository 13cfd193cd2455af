package dev.dmvpn.drivers.ios;

import dev.dmvpn.drivers.channel.SyslogLine;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A reload's outcome.
 *
 * @param saveAsked whether IOS asked {@code Save? [yes/no]}, and {@code saveAnswer} what we typed ({@code yes} or
 *     {@code no}; empty when not asked)
 * @param dialogText what the device printed from the command to the confirmation, answers included
 * @param untilDown from the confirmation to the VTY's drop (VTY) or to the first login step after the boot
 *     (console)
 * @param attempts connection attempts after the drop (VTY; 0 on a console)
 * @param total from sending {@code reload} to the usable prompt again
 * @param session the session to use afterwards: the same one on a console, a new one over a VTY
 * @param syslog log messages seen during the dialog and the boot
 */
public record ReloadResult(boolean saveAsked, Optional<String> saveAnswer, String dialogText, Duration untilDown,
    int attempts, Duration total, IosSession session, List<SyslogLine> syslog) {
  public ReloadResult {
    syslog = List.copyOf(syslog);
  }
}
