package dev.dmvpn.drivers.ios;

import dev.dmvpn.drivers.parse.PingParser;
import dev.dmvpn.drivers.parse.TracerouteParser;
import java.io.IOException;
import java.time.Duration;
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
    // IOS waits up to the per-echo timeout for each echo: 5 x 2 s by default
    Duration budget = atLeast(session, Duration.ofSeconds(
        (long) orDefault(request.repeat(), 5) * orDefault(request.timeoutSeconds(), 2) + 10));
    CommandResult r = request.extended()
        ? session.execute("ping", ExtendedDialog.ping(request), budget)
        : session.execute("ping " + request.target(), List.of(), budget);
    String output = afterDialog(r.output());
    return new PingOutcome(r.command(), r.output(), PingParser.parse(output), r.elapsed());
  }

  public static TracerouteOutcome traceroute(IosSession session, TracerouteRequest request) throws IOException {
    session.changeMode(IosMode.PRIVILEGED_EXEC);
    // the worst case: every probe of every TTL times out (30 x 3 x 3 s by default); IOS prints hop by hop
    int hops = orDefault(request.maxTtl(), 30) - orDefault(request.minTtl(), 1) + 1;
    Duration budget = atLeast(session, Duration.ofSeconds((long) hops * orDefault(request.probes(), 3)
        * orDefault(request.timeoutSeconds(), 3) + 10));
    CommandResult r = request.extended()
        ? session.execute("traceroute", ExtendedDialog.traceroute(request), budget)
        : session.execute("traceroute " + request.target(), List.of(), budget);
    return new TracerouteOutcome(r.command(), r.output(), TracerouteParser.parse(afterDialog(r.output())),
        r.elapsed());
  }

  private static int orDefault(Integer v, int d) {
    return v == null ? d : v;
  }

  private static Duration atLeast(IosSession session, Duration d) {
    Duration own = session.options().commandTimeout();
    return d.compareTo(own) > 0 ? d : own;
  }

  /** The result part: from {@code Type escape sequence to abort.} on, when the dialog came before it. */
  private static String afterDialog(String output) {
    int at = output.indexOf("Type escape sequence to abort.");
    return at < 0 ? output : output.substring(at);
  }
}
