package dev.dmvpn.drivers.ios;

import static dev.dmvpn.drivers.ios.Platform.AFTER_QUESTION;

import dev.dmvpn.drivers.channel.CliChannel;
import dev.dmvpn.drivers.channel.PromptTimeoutException;
import dev.dmvpn.drivers.channel.Reply;
import dev.dmvpn.drivers.channel.SyslogLine;
import dev.dmvpn.drivers.transport.TransportClosedException;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code reload} and getting the device back (ios-drivers.md section 2 row 20, unicon's {@code Reload} service):
 * {@code System configuration has been modified. Save? [yes/no]:} answered per {@link ReloadOptions}, {@code Proceed
 * with reload? [confirm]} with Return. On a console the same connection then sees the boot; we wait for its first
 * login step ({@code Press RETURN to get started!}, the setup dialog, a login prompt; unicon's
 * {@code ios_mock_reload.yaml} as {@code ../shared/fixtures/ios-outputs/_dialog_transcripts/unicon-plugins-mock_2.yaml})
 * and log in again. On a VTY the device closes the connection; we reconnect through a {@link SessionFactory} with a
 * doubling back-off until it answers or the deadline passes (unicon instead sleeps fixed {@code RELOAD_WAIT/(n+1)}).
 * Either way the session returns to the mode it was in (privileged exec when it was enabled).
 */
public final class Reload {
  static final Pattern SAVE = Pattern.compile("System config(?:uration)? has been modified\\.\\s*Save\\?\\s*"
      + "\\[yes/no\\]: ?" + AFTER_QUESTION);
  static final Pattern PROCEED =
      Pattern.compile("Proceed(?: with(?: quick)? reload)?\\?\\s*\\[confirm\\] ?" + AFTER_QUESTION);
  /** Never matches: reading with it waits for the drop (or the deadline). */
  private static final Pattern NOTHING = Pattern.compile("(?!)");

  private Reload() {}

  /** Reloads over a console and logs in again on the same connection. */
  public static ReloadResult onConsole(IosSession session, ReloadOptions options) throws IOException {
    long t0 = System.nanoTime();
    boolean wasEnabled = session.prompt().mode() != IosMode.USER_EXEC;
    Dialog d = confirm(session, options);
    long confirmed = System.nanoTime();
    session.loginAgain(options.bootTimeout());
    Duration down = Duration.ofNanos(System.nanoTime() - confirmed);
    if (wasEnabled) {
      session.enable();
    }
    return new ReloadResult(d.saveAsked, d.answer, d.text, down, 0, Duration.ofNanos(System.nanoTime() - t0), session,
        d.syslog);
  }

  /**
   * Reloads over a VTY: waits up to {@code bootTimeout} for the device to close the connection, closes our end, then
   * opens new sessions with {@code reconnect} until one logs in, waiting {@code firstBackoff}, twice that, ... (at
   * most {@code maxBackoff}) between attempts, for at most {@code reconnectDeadline}.
   *
   * @throws DriverException when the device does not drop the connection or does not answer within the deadline
   *     (the message names the attempts and the last error)
   */
  public static ReloadResult overVty(IosSession session, SessionFactory reconnect, ReloadOptions options)
      throws IOException {
    long t0 = System.nanoTime();
    boolean wasEnabled = session.prompt().mode() != IosMode.USER_EXEC;
    Dialog d = confirm(session, options);
    long confirmed = System.nanoTime();
    List<SyslogLine> logs = new ArrayList<>(d.syslog);
    try {
      Reply r = session.channel().readUntil(NOTHING, options.bootTimeout(), "the device to drop the connection");
      logs.addAll(r.syslog());
    } catch (TransportClosedException dropped) {
      logs.addAll(session.channel().takeAsync()); // what a VTY does on reload; keep the %SYS-5-RELOAD it printed
    } catch (PromptTimeoutException e) {
      throw new DriverException("device " + session.peer() + " did not drop the connection within "
          + options.bootTimeout().toSeconds() + " s of confirming the reload");
    } finally {
      session.close();
    }
    Duration down = Duration.ofNanos(System.nanoTime() - confirmed);
    long deadline = System.nanoTime() + options.reconnectDeadline().toNanos();
    Duration wait = options.firstBackoff();
    int attempts = 0;
    IOException last;
    while (true) {
      attempts++;
      try {
        IosSession fresh = reconnect.open();
        if (wasEnabled) {
          fresh.enable();
        }
        return new ReloadResult(d.saveAsked, d.answer, d.text, down, attempts,
            Duration.ofNanos(System.nanoTime() - t0), fresh, logs);
      } catch (IOException e) {
        last = e;
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        break;
      }
      sleep(Math.min(wait.toNanos(), left));
      wait = wait.multipliedBy(2).compareTo(options.maxBackoff()) > 0 ? options.maxBackoff() : wait.multipliedBy(2);
    }
    throw new DriverException("device " + session.peer() + " did not answer within "
        + options.reconnectDeadline().toMillis() + " ms after the reload (" + attempts + " attempts; last: "
        + last.getMessage() + ")");
  }

  /** The back-off between connection attempts: the only wait here not ended by the device's bytes. */
  private static void sleep(long nanos) throws IOException {
    try {
      Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting to reconnect", e);
    }
  }

  private record Dialog(boolean saveAsked, Optional<String> answer, String text, List<SyslogLine> syslog) {}

  /** Sends {@code reload} from privileged exec and answers until the confirmation is sent. */
  private static Dialog confirm(IosSession session, ReloadOptions options) throws IOException {
    session.changeMode(IosMode.PRIVILEGED_EXEC);
    CliChannel ch = session.channel();
    ch.sendLine("reload");
    StringBuilder text = new StringBuilder();
    List<SyslogLine> logs = new ArrayList<>();
    boolean asked = false;
    Optional<String> answer = Optional.empty();
    while (true) {
      Reply r = ch.readUntilAny(List.of(SAVE, PROCEED, session.promptPattern()),
          session.options().commandTimeout(), "Save? [yes/no], Proceed with reload? [confirm] after 'reload'");
      text.append(r.text()).append(r.match());
      logs.addAll(r.syslog());
      switch (r.alternative()) {
        case 0 -> {
          asked = true;
          answer = Optional.of(options.saveModifiedConfig() ? "yes" : "no");
          ch.sendLine(answer.get());
        }
        case 1 -> {
          ch.sendLine("");
          return new Dialog(asked, answer, text.toString(), logs);
        }
        default -> throw new DriverException("device " + session.peer() + " did not reload: "
            + text.toString().strip());
      }
    }
  }
}
