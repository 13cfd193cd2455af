package dev.dmvpn.drivers.ios;

import dev.dmvpn.drivers.channel.SyslogLine;
import dev.dmvpn.drivers.parse.DebugEvent;
import dev.dmvpn.drivers.parse.DebugParser;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Runs IOS debugs on a session and collects their lines as events while other commands run on it: {@code terminal
 * monitor} first on a VTY (debug output goes to the console and to monitoring terminals only), then each
 * {@code debug ...}; stopped by {@code undebug all} (and {@code terminal no monitor}). Stamped debug lines, in the
 * datetime ({@code *Mar  1 02:25:37.159: NHRP: ...}) or uptime ({@code 05:50:48: ISAKMP ...}) style the router's
 * {@code service timestamps debug} gives, are taken out of command output by the channel as log messages are, an
 * indented line right after one as its continuation (IOS indents the second line of a long debug message, as the
 * seed's {@code Tunnel IP addr} lines under {@code NHRP: Encapsulation succeeded.}); they are parsed by
 * {@link DebugParser}. Log messages ({@code %FAC-N-MNEMONIC}) seen meanwhile are kept apart. Not thread-safe: the
 * session's caller reads; lines arrive whenever it runs a command or calls {@link #await} / {@link #poll}.
 */
public final class DebugCapture implements AutoCloseable {
  /**
   * A debug line's stamp followed by a message that is not a log message's {@code %}. The message may be
   * indented: IOS stamps each line of a block such as {@code Creating IPsec SAs} ({@code *Mar  1 02:25:37.439:
   *         inbound SA from ...}, seed line 869), and such a line read as command output broke the echo check.
   */
  static final Pattern DEBUG_LINE = Pattern.compile(
      "(?:[*.]?[A-Z][a-z]{2} +\\d{1,2} +(?:\\d{4} +)?\\d{1,2}:\\d{2}:\\d{2}(?:\\.\\d{1,3})?(?: [A-Z]{3,4})?"
          + "|\\d{1,2}:\\d{2}:\\d{2}(?:\\.\\d{1,3})?|\\d+[wdh]\\d+[dhm]): +(?!%)\\S");

  private final IosSession session;
  private final List<String> debugs;
  private final boolean monitor;
  private final List<String> debugLines = new ArrayList<>();
  private final List<SyslogLine> syslog = new ArrayList<>();
  private final Consumer<SyslogLine> listener = this::heard;
  private final long t0 = System.nanoTime();
  private boolean stopped;

  private DebugCapture(IosSession session, List<String> debugs, boolean monitor) {
    this.session = session;
    this.debugs = List.copyOf(debugs);
    this.monitor = monitor;
  }

  /**
   * Starts {@code debugs} ({@code debug nhrp}, {@code debug crypto isakmp}, ...) from privileged exec;
   * {@code terminalMonitor} sends {@code terminal monitor} first (a VTY; a console shows debugs without it).
   */
  public static DebugCapture start(IosSession session, List<String> debugs, boolean terminalMonitor)
      throws IOException {
    DebugCapture c = new DebugCapture(session, debugs, terminalMonitor);
    session.changeMode(IosMode.PRIVILEGED_EXEC);
    session.channel().asyncLines(DEBUG_LINE);
    session.onAsync(c.listener);
    try {
      if (terminalMonitor) {
        session.execute("terminal monitor");
      }
      for (String d : debugs) {
        session.execute(d);
      }
    } catch (IOException | RuntimeException e) {
      c.detach();
      throw e;
    }
    return c;
  }

  private void heard(SyslogLine line) {
    if (DEBUG_LINE.matcher(line.text()).lookingAt() || !isLog(line.text()) && !debugLines.isEmpty()) {
      debugLines.add(line.text());
    } else {
      syslog.add(line);
    }
  }

  private static boolean isLog(String text) {
    return text.contains("%") && text.matches("(?s).*%[A-Z][A-Z0-9_]*(?:-[A-Z0-9_]+)?-[0-7]-[A-Z0-9_]+:.*");
  }

  /** The events parsed from the debug lines so far. */
  public List<DebugEvent> events() {
    return debugLines.isEmpty() ? List.of() : DebugParser.parse("debug", String.join("\n", debugLines));
  }

  /** Log messages seen since the start. */
  public List<SyslogLine> syslog() {
    return List.copyOf(syslog);
  }

  /** Reads what the device prints on its own for {@code timeout}; returns all events so far. */
  public List<DebugEvent> poll(Duration timeout) throws IOException {
    session.pollAsync(timeout);
    return events();
  }

  /**
   * Reads until an event satisfying {@code wanted} has been collected, or {@code timeout} passes; returns it.
   *
   * @throws DriverException on timeout, naming how many events came
   */
  public DebugEvent await(Predicate<DebugEvent> wanted, Duration timeout, String what) throws IOException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      for (DebugEvent e : events()) {
        if (wanted.test(e)) {
          return e;
        }
      }
      if (System.nanoTime() - deadline >= 0) {
        throw new DriverException("no debug event " + what + " from " + session.peer() + " within "
            + timeout.toMillis() + " ms (" + events().size() + " events collected)");
      }
      session.pollAsyncOnce(deadline);
    }
  }

  /** {@code undebug all} when debugs were started (and {@code terminal no monitor}); returns everything collected. */
  public DebugCaptureResult stop() throws IOException {
    if (!stopped) {
      stopped = true;
      try {
        session.changeMode(IosMode.PRIVILEGED_EXEC);
        if (!debugs.isEmpty()) {
          session.execute("undebug all"); // nothing to turn off when only monitoring
        }
        if (monitor) {
          session.execute("terminal no monitor");
        }
      } finally {
        detach();
      }
    }
    return new DebugCaptureResult(debugs, events(), syslog, Duration.ofNanos(System.nanoTime() - t0));
  }

  private void detach() {
    session.removeAsyncListener(listener);
    session.channel().asyncLines(null);
  }

  /** Stops the debugs if {@link #stop()} was not called; errors are dropped (the session may be gone). */
  @Override
  public void close() {
    try {
      stop();
    } catch (IOException | RuntimeException ignored) {
      detach();
    }
  }
}
