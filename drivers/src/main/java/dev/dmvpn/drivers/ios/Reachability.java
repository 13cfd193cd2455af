package dev.dmvpn.drivers.ios;

import dev.dmvpn.drivers.parse.PingParser;
import dev.dmvpn.drivers.parse.TracerouteParser;
import java.io.IOException;
import java.util.List;

/**
 * {@code ping} and {@code traceroute} from privileged exec (the extended dialogs need it), their output parsed by
 * {@link PingParser} and {@link TracerouteParser}. A refused command raises {@link CommandFailedException}; an
 * output the parser cannot read raises its {@code ParseException} naming the line.
 */
public final class Reachability {
  private Reachability() {}

  public static PingOutcome ping(IosSession session, PingRequest request) throws IOException {
    session.changeMode(IosMode.PRIVILEGED_EXEC);
    CommandResult r = request.extended()
        ? session.execute("ping", ExtendedDialog.ping(request))
        : session.execute("ping " + request.target(), List.of());
    String output = afterDialog(r.output());
    return new PingOutcome(r.command(), r.output(), PingParser.parse(output), r.elapsed());
  }

  public static TracerouteOutcome traceroute(IosSession session, TracerouteRequest request) throws IOException {
    session.changeMode(IosMode.PRIVILEGED_EXEC);
    CommandResult r = request.extended()
        ? session.execute("traceroute", ExtendedDialog.traceroute(request))
        : session.execute("traceroute " + request.target(), List.of());
    return new TracerouteOutcome(r.command(), r.output(), TracerouteParser.parse(afterDialog(r.output())),
        r.elapsed());
  }

  /** The result part: from {@code Type escape sequence to abort.} on, when the dialog came before it. */
  private static String afterDialog(String output) {
    int at = output.indexOf("Type escape sequence to abort.");
    return at < 0 ? output : output.substring(at);
  }
}
