package dev.dmvpn.drivers.ios;

import dev.dmvpn.drivers.channel.CliChannel;
import dev.dmvpn.drivers.channel.PromptTimeoutException;
import dev.dmvpn.drivers.channel.Reply;
import dev.dmvpn.drivers.channel.SecretMasker;
import dev.dmvpn.drivers.channel.SyslogLine;
import dev.dmvpn.drivers.channel.Transcript;
import dev.dmvpn.drivers.ios.ConfigureResult.AppliedLine;
import dev.dmvpn.drivers.ios.ConfigureResult.RejectedLine;
import dev.dmvpn.drivers.transport.Transport;
import dev.dmvpn.drivers.transport.TransportClosedException;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One logged-in command-line session: tracks the prompt (host name and mode), moves between modes by the
 * shortest path of the platform's {@link ModeGraph}, and runs the operations, each returning a result with its
 * timing. Not thread-safe: one session, one caller.
 */
public final class IosSession implements AutoCloseable {
  private static final Pattern HOSTNAME_LINE = Pattern.compile("^(?:no\\s+)?hostname(?:\\s+(\\S+))?\\s*$");

  private final CliChannel channel;
  private final Credentials credentials;
  private final SessionOptions options;
  private final Platform platform;
  private Prompt prompt;
  /** The learned host name's prompt pattern, compiled once per host name. */
  private Pattern hostPrompt;
  private boolean relearn = true;
  private Duration loginElapsed;
  /** Log messages that arrived during login or enable: handed to the next command's result. */
  private final List<SyslogLine> unclaimed = new ArrayList<>();
  /** Who wants every asynchronous line as it is read (a debug capture); called on the caller's thread. */
  private final List<Consumer<SyslogLine>> asyncListeners = new ArrayList<>();

  private IosSession(CliChannel channel, Credentials credentials, SessionOptions options) {
    this.channel = channel;
    this.credentials = credentials;
    this.options = options;
    this.platform = options.platform();
  }

  /** Logs in over {@code transport} (answering the login dialog) and prepares the terminal. */
  public static IosSession open(Transport transport, Credentials credentials, SessionOptions options,
      Transcript transcript) throws IOException {
    return open(transport, credentials, options, transcript, false);
  }

  /**
   * Logs in on a console: a console line prints nothing until a key is pressed, so a line end goes first. It
   * wakes {@code Press RETURN to get started}, re-asks a login or setup question, or redraws the exec prompt.
   */
  public static IosSession openConsole(Transport transport, Credentials credentials, SessionOptions options,
      Transcript transcript) throws IOException {
    return open(transport, credentials, options, transcript, true);
  }

  private static IosSession open(Transport transport, Credentials credentials, SessionOptions options,
      Transcript transcript, boolean wake) throws IOException {
    IosSession s = new IosSession(new CliChannel(transport, transcript), credentials, options);
    try {
      long t0 = System.nanoTime();
      if (wake) {
        s.channel.sendLine("");
      }
      s.login(options.loginTimeout(), false);
      s.loginElapsed = Duration.ofNanos(System.nanoTime() - t0);
      if (options.disablePaging()) {
        for (String cmd : s.platform.sessionSetup()) {
          s.execute(cmd);
        }
      }
      return s;
    } catch (IOException | RuntimeException e) {
      s.close();
      throw e;
    }
  }

  public Prompt prompt() {
    return prompt;
  }

  public String peer() {
    return channel.peer();
  }

  CliChannel channel() {
    return channel;
  }

  SessionOptions options() {
    return options;
  }

  /**
   * Calls {@code listener} with every asynchronous line (log message, or debug line while a capture has set the
   * channel's {@link CliChannel#asyncLines}) read from now on, whichever operation reads it.
   */
  public void onAsync(Consumer<SyslogLine> listener) {
    asyncListeners.add(listener);
  }

  public void removeAsyncListener(Consumer<SyslogLine> listener) {
    asyncListeners.remove(listener);
  }

  private List<SyslogLine> heard(List<SyslogLine> lines) {
    for (SyslogLine l : lines) {
      for (Consumer<SyslogLine> c : List.copyOf(asyncListeners)) {
        c.accept(l);
      }
    }
    return lines;
  }

  /**
   * Reads what the device prints on its own until {@code timeout} passes (no command is sent): the asynchronous
   * lines go to the listeners and are returned; other text waits for the next command.
   */
  public List<SyslogLine> pollAsync(Duration timeout) throws IOException {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<SyslogLine> all = new ArrayList<>();
    do {
      all.addAll(heard(channel.pollAsync(deadline)));
    } while (System.nanoTime() - deadline < 0);
    return all;
  }

  /** Reads once (until {@code deadlineNanos} at most): the asynchronous lines complete so far. */
  List<SyslogLine> pollAsyncOnce(long deadlineNanos) throws IOException {
    return heard(channel.pollAsync(deadlineNanos));
  }

  /**
   * Logs in again on the same connection after a console reload: waits up to {@code bootTimeout} for the first
   * login step ({@code Press RETURN}, the setup dialog, a login prompt or the prompt), then prepares the terminal
   * as {@link #open} does.
   */
  void loginAgain(Duration bootTimeout) throws IOException {
    relearn = true;
    login(bootTimeout, true);
    if (options.disablePaging()) {
      for (String cmd : platform.sessionSetup()) {
        execute(cmd);
      }
    }
  }

  /** From connection to the first prompt. */
  public Duration loginElapsed() {
    return loginElapsed;
  }

  /**
   * The login dialog. {@code afterBoot}: a prompt before any boot-time step ({@code Press RETURN}, setup, login
   * prompts) is the old session's, printed before the reload took effect, and is passed over.
   */
  private void login(Duration firstStep, boolean afterBoot) throws IOException {
    List<Pattern> ps = List.of(platform.loginFailure(), platform.anyPrompt(), platform.usernamePrompt(),
        platform.passwordPrompt(), platform.pressReturn(), platform.setupDialog(), platform.autoinstall());
    boolean userSent = false;
    boolean passwordSent = false;
    Duration step = firstStep;
    long bootDeadline = System.nanoTime() + firstStep.toNanos();
    while (true) {
      Reply r = channel.readUntilAny(ps, step,
          "a login prompt (Username:, Password:) or the exec prompt");
      unclaimed.addAll(heard(r.syslog()));
      step = options.loginTimeout();
      if (r.alternative() > 1) {
        afterBoot = false; // a boot-time step: the next prompt is the new session's
      }
      switch (r.alternative()) {
        case 0 -> throw new DriverException("device " + peer() + " refused the login: " + r.match().strip());
        case 1 -> {
          if (afterBoot) {
            // still booting: the rest of the boot deadline for the next step
            step = Duration.ofNanos(Math.max(1, bootDeadline - System.nanoTime()));
            continue;
          }
          learn(r.match());
          return;
        }
        case 2 -> {
          if (credentials.username() == null) {
            throw new DriverException("device " + peer() + " asks for a username and none was given");
          }
          if (passwordSent) {
            throw new DriverException("device " + peer() + " refused the login (asked for the username again)");
          }
          channel.sendLine(credentials.username());
          userSent = true;
        }
        case 3 -> {
          if (credentials.password() == null) {
            throw new DriverException("device " + peer() + " asks for a password and none was given");
          }
          if (passwordSent) {
            throw new DriverException("device " + peer() + " refused the login password (asked for it again"
                + (userSent ? " after the username" : "") + ")");
          }
          channel.sendSecretLine(credentials.password());
          passwordSent = true;
        }
        case 4 -> channel.sendLine("");
        case 5 -> channel.sendLine("no");
        default -> channel.sendLine("yes");
      }
    }
  }

  private void learn(String promptText) throws DriverException {
    Prompt p = Prompt.parse(promptText)
        .orElseThrow(() -> new DriverException("cannot read the prompt '" + promptText.strip() + "' of " + peer()));
    if (prompt == null || !prompt.hostname().equals(p.hostname())) {
      hostPrompt = platform.promptOf(p.hostname());
    }
    prompt = p;
    relearn = false;
  }

  Pattern promptPattern() {
    return relearn ? platform.anyPrompt() : hostPrompt;
  }

  /** Moves to privileged exec (sending {@code enable} and its secret when in user exec). */
  public void enable() throws IOException {
    changeMode(IosMode.PRIVILEGED_EXEC);
  }

  /** Moves to {@code target} by the shortest path; CONFIG_SUB cannot be a target (it needs its own command). */
  public void changeMode(IosMode target) throws IOException {
    List<ModeGraph.Edge> path = platform.modes().path(prompt.mode(), target).orElseThrow(
        () -> new DriverException("no way from " + prompt.mode() + " to " + target + " in the mode graph of "
            + platform.name()));
    for (ModeGraph.Edge e : path) {
      if (e.needsEnableSecret()) {
        runEnable(e.command());
      } else {
        execute(e.command());
      }
      if (prompt.mode() != e.to()) {
        throw new DriverException("'" + e.command() + "' on " + peer() + " left the prompt " + prompt
            + ", expected " + e.to());
      }
    }
  }

  private void runEnable(String command) throws IOException {
    channel.sendLine(command);
    List<Pattern> ps = List.of(platform.enableFailure(), promptPattern(), platform.passwordPrompt());
    boolean secretSent = false;
    while (true) {
      Reply r = channel.readUntilAny(ps, options.commandTimeout(),
          "the prompt of " + prompt.hostname() + " or Password: after '" + command + "'");
      unclaimed.addAll(heard(r.syslog()));
      switch (r.alternative()) {
        case 0 -> {
          // the device still prints its prompt after the failure; read it so the session stays usable
          Reply after = channel.readUntil(promptPattern(), options.commandTimeout(), "the prompt after " + r.match());
          learn(after.match());
          throw new DriverException("device " + peer() + " refused '" + command + "': " + r.match().strip());
        }
        case 1 -> {
          learn(r.match());
          return;
        }
        default -> {
          if (credentials.enableSecret() == null) {
            throw new DriverException("device " + peer() + " asks for an enable secret and none was given");
          }
          if (secretSent) {
            channel.sendLine(""); // wrong secret: let the device run out its tries and say so
          } else {
            channel.sendSecretLine(credentials.enableSecret());
            secretSent = true;
          }
        }
      }
    }
  }

  /** Runs an exec command; throws {@link CommandFailedException} (with the device's text) when it is refused. */
  public CommandResult execute(String command) throws IOException {
    return execute(command, List.of());
  }

  /** Runs a command that may ask questions, answering each by {@code answers}. */
  public CommandResult execute(String command, List<DialogAnswer> answers) throws IOException {
    return execute(command, answers, options.commandTimeout());
  }

  /**
   * Runs a command whose answer may take longer than the session's command timeout (a ping of many echoes, a
   * traceroute): {@code timeout} bounds each wait, from a sent line to the next question or to the prompt.
   */
  public CommandResult execute(String command, List<DialogAnswer> answers, Duration timeout) throws IOException {
    CommandResult r = run(command, answers, timeout);
    if (!r.ok()) {
      throw new CommandFailedException(peer(), r);
    }
    return r;
  }

  private CommandResult run(String command, List<DialogAnswer> answers, Duration timeout) throws IOException {
    long t0 = System.nanoTime();
    channel.sendLine(command);
    List<Pattern> ps = new ArrayList<>();
    ps.add(promptPattern());
    answers.forEach(a -> ps.add(a.question()));
    StringBuilder text = new StringBuilder();
    List<SyslogLine> logs = new ArrayList<>(unclaimed);
    unclaimed.clear();
    String output;
    while (true) {
      Reply r = channel.readUntilAny(ps, timeout,
          "the prompt" + (relearn ? "" : " of " + prompt.hostname()) + " after '" + SecretMasker.mask(command) + "'");
      text.append(r.text());
      logs.addAll(heard(r.syslog()));
      if (r.alternative() == 0) {
        Optional<String> out = Echo.outputAfter(text.toString(), command, peer());
        if (out.isPresent()) {
          learn(r.match());
          output = out.get();
          break;
        }
        text.append(r.match()).append('\n'); // a prompt redrawn after a log message, before our echo
        continue;
      }
      text.append(r.match()).append('\n');
      channel.sendLine(answers.get(r.alternative() - 1).answer());
    }
    return new CommandResult(command, output, logs, prompt, Duration.ofNanos(System.nanoTime() - t0),
        findError(output));
  }

  private Optional<DeviceError> findError(String output) {
    for (Pattern p : platform.commandErrors()) {
      Matcher m = p.matcher(output);
      if (m.find()) {
        return Optional.of(new DeviceError(m.group().strip(), output.strip()));
      }
    }
    return Optional.empty();
  }

  /**
   * Pushes configuration lines one by one from privileged exec, checking each line's echo and answer; stops at the
   * first refused line. Blank lines, {@code !} comments and {@code end} are skipped (numbers still count them).
   * Returns to privileged exec unless the connection broke.
   */
  public ConfigureResult configure(List<String> lines) throws IOException {
    long t0 = System.nanoTime();
    changeMode(IosMode.CONFIG);
    List<AppliedLine> applied = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      int number = i + 1;
      if (line.isEmpty() || line.startsWith("!") || line.equals("end")) {
        continue;
      }
      if (HOSTNAME_LINE.matcher(line).matches()) {
        relearn = true; // the next prompt carries the new name
      }
      CommandResult r;
      try {
        r = run(line, List.of(), options.commandTimeout());
      } catch (TransportClosedException | PromptTimeoutException e) {
        return new ConfigureResult(applied, Optional.empty(),
            Optional.of("line " + number + " sent, then: " + e.getMessage()),
            Optional.of(new AppliedLine(number, line, Duration.ZERO)), Duration.ofNanos(System.nanoTime() - t0));
      }
      if (!r.ok()) {
        changeMode(IosMode.PRIVILEGED_EXEC);
        return new ConfigureResult(applied, Optional.of(new RejectedLine(number, line, r.error().orElseThrow())),
            Optional.empty(), Optional.empty(), Duration.ofNanos(System.nanoTime() - t0));
      }
      applied.add(new AppliedLine(number, line, r.elapsed()));
    }
    changeMode(IosMode.PRIVILEGED_EXEC);
    return new ConfigureResult(applied, Optional.empty(), Optional.empty(), Optional.empty(),
        Duration.ofNanos(System.nanoTime() - t0));
  }

  /** {@code copy running-config startup-config}, answering {@code Destination filename [startup-config]?}. */
  public SaveResult save() throws IOException {
    return saveWith("copy running-config startup-config");
  }

  /** {@code write memory}. */
  public SaveResult writeMemory() throws IOException {
    return saveWith("write memory");
  }

  private SaveResult saveWith(String command) throws IOException {
    changeMode(IosMode.PRIVILEGED_EXEC);
    CommandResult r = execute(command, List.of(DialogAnswer.DESTINATION_FILENAME, DialogAnswer.CONFIRM));
    return new SaveResult(command, r.output().contains("[OK]"), r.output(), r.elapsed());
  }

  @Override
  public void close() {
    channel.close();
  }
}
