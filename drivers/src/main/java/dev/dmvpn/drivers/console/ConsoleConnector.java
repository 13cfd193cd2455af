package dev.dmvpn.drivers.console;

import dev.dmvpn.drivers.channel.Transcript;
import dev.dmvpn.drivers.ios.CommandResult;
import dev.dmvpn.drivers.ios.DialogAnswer;
import dev.dmvpn.drivers.ios.DriverException;
import dev.dmvpn.drivers.ios.IosSession;
import dev.dmvpn.drivers.ios.Credentials;
import dev.dmvpn.drivers.ios.SessionOptions;
import dev.dmvpn.drivers.transport.TelnetOptions;
import dev.dmvpn.drivers.transport.TelnetTransport;
import java.io.IOException;
import java.net.ConnectException;
import java.util.List;

/**
 * Opens a console through a terminal server. A busy line refuses the TCP connection (what unicon matches as
 * {@code Connection refused}, ios-drivers.md row 2): the connector logs in to the server's VTY, runs
 * {@code clear line N} (answering {@code [confirm]}, expecting {@code [OK]}) and connects again, at most
 * {@code maxClears} times.
 */
public final class ConsoleConnector {
  private ConsoleConnector() {}

  public static IosSession open(ConsoleLine console, Credentials device, SessionOptions options,
      Transcript transcript, int maxClears) throws IOException {
    for (int attempt = 0; ; attempt++) {
      TelnetTransport transport;
      try {
        transport = attempt == 0 ? connect(console) : connectAfterClear(console);
      } catch (ConnectException refused) {
        if (attempt >= maxClears) {
          throw new DriverException("console line " + console.line() + " at " + console.host() + ":"
              + console.port() + " still refuses connections (busy) after " + attempt + " clear line");
        }
        clearLine(console, options, transcript);
        continue;
      }
      return IosSession.openConsole(transport, device, options, transcript);
    }
  }

  private static TelnetTransport connect(ConsoleLine console) throws IOException {
    return TelnetTransport.connect(console.host(), console.port(), TelnetOptions.DEFAULT);
  }

  /**
   * A cleared line takes a moment to listen again (the server has to notice the dropped session first; CI met an
   * immediate retry refused on a loaded machine): retry for up to {@link #FREED_WITHIN} with a doubling pause before
   * the refusal counts as a line still busy.
   */
  private static TelnetTransport connectAfterClear(ConsoleLine console) throws IOException {
    long deadline = System.nanoTime() + FREED_WITHIN.toNanos();
    long pauseMillis = 10;
    while (true) {
      try {
        return connect(console);
      } catch (ConnectException refused) {
        if (System.nanoTime() + pauseMillis * 1_000_000 > deadline) {
          throw refused;
        }
        try {
          Thread.sleep(pauseMillis);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw refused;
        }
        pauseMillis = Math.min(pauseMillis * 2, 200);
      }
    }
  }

  /** How long a line may take to listen again after {@code clear line}. */
  static final java.time.Duration FREED_WITHIN = java.time.Duration.ofSeconds(2);

  /** {@code clear line N} on the terminal server's own command line. */
  public static void clearLine(ConsoleLine console, SessionOptions options, Transcript transcript)
      throws IOException {
    try (IosSession ts = IosSession.open(
        TelnetTransport.connect(console.host(), console.serverVtyPort(), TelnetOptions.DEFAULT),
        console.serverCredentials(), options, transcript)) {
      ts.enable();
      CommandResult r = ts.execute("clear line " + console.line(), List.of(DialogAnswer.CONFIRM));
      if (!r.output().contains("[OK]")) {
        throw new DriverException("terminal server " + ts.prompt().hostname() + " did not clear line "
            + console.line() + ": " + r.output().strip());
      }
    }
  }
}
