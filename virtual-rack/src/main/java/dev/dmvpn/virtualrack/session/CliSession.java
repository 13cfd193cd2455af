package dev.dmvpn.virtualrack.session;

import dev.dmvpn.ref.time.Scheduler;
import dev.dmvpn.virtualrack.cli.CliMode;
import dev.dmvpn.virtualrack.cli.CommandNode;
import dev.dmvpn.virtualrack.cli.CommandTree;
import dev.dmvpn.virtualrack.cli.HelpFormatter;
import dev.dmvpn.virtualrack.cli.MatchResult;
import dev.dmvpn.virtualrack.cli.Words;
import dev.dmvpn.virtualrack.config.ConfigItem;
import dev.dmvpn.virtualrack.config.ConfigTarget;
import dev.dmvpn.virtualrack.config.RunningConfig;
import dev.dmvpn.virtualrack.router.EmulatedRouter;
import dev.dmvpn.virtualrack.router.LogSink;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * One IOS exec session on a line (console or VTY): login, the prompt, line editing, command dispatch through the
 * mode's {@link CommandTree}, dialogs, {@code --More--} paging, exec-timeout and asynchronous log messages. Input
 * arrives as characters already freed of telnet commands, with every line end reduced to one {@code \r}. All
 * entry points are synchronized: input, timers and log delivery may come from different threads.
 */
public final class CliSession implements ConfigTarget, LogSink {
  static final String INVALID = "% Invalid input detected at '^' marker.";

  private final RouterCli cli;
  private final EmulatedRouter router;
  private final LineKind kind;
  private final int line;
  private final String peer;
  private final LineEditor editor = new LineEditor();
  private final Pager pager = new Pager();
  private final CommandHistory history = new CommandHistory();
  private OutputFilter filter;
  /** Progress through an ANSI escape sequence (arrow keys): 0 none, 1 after ESC, 2 after ESC [. */
  private int escape;
  private volatile Terminal terminal;
  private SessionState state = SessionState.COMMAND;
  private CliMode mode = CliMode.USER_EXEC;
  private ConfigItem block;
  private int length = 24;
  private int width = 80;
  private boolean monitor;
  private int attempts;
  private String username;
  private String questionPrompt;
  private Consumer<String> answer;
  private Scheduler.Timer execTimer;
  /** What was typed while a command ran ({@link SessionState#BUSY}), replayed when it is done (IOS typeahead). */
  private final StringBuilder typeahead = new StringBuilder();
  /** The output filter ({@code | include}) of the command that is running, for its late output. */
  private OutputFilter asyncFilter;

  CliSession(RouterCli cli, Terminal terminal, LineKind kind, int line, String peer) {
    this.cli = cli;
    this.router = cli.router();
    this.terminal = terminal;
    this.kind = kind;
    this.line = line;
    this.peer = peer;
  }

  // ---------------------------------------------------------------- life cycle

  synchronized void start() {
    start(false);
  }

  synchronized void start(boolean authenticated) {
    if (kind == LineKind.CONSOLE) {
      router.addLogSink(this);
      if (router.startup() == null) {
        askSetup();
      } else {
        out("\r\n\r\nPress RETURN to get started!\r\n\r\n\r\n");
        state = SessionState.PRESS_RETURN;
      }
      return;
    }
    router.addLogSink(this);
    if (authenticated) {
      enterExec();
    } else {
      beginLogin();
    }
    armTimer();
  }

  /** Boot-time configuration: straight to global configuration mode, no output of its own. */
  synchronized void startConfiguration() {
    mode = CliMode.CONFIG;
    block = router.running().root();
    state = SessionState.COMMAND;
  }

  /** Attaches a console connection (the terminal server's reverse-telnet port). */
  public synchronized void attach(Terminal t) {
    this.terminal = t;
    armTimer();
  }

  /** The console connection went away; the session stays as it is, as on a real console line. */
  public synchronized void detach(Terminal t) {
    if (terminal == t) {
      terminal = Terminal.DETACHED;
    }
  }

  /** Ends a VTY session (exit, timeout, {@code clear line}); a console returns to "Press RETURN". */
  public synchronized void close() {
    if (state == SessionState.CLOSED) {
      return;
    }
    cancelTimer();
    if (kind == LineKind.CONSOLE) {
      resetConsole();
      return;
    }
    state = SessionState.CLOSED;
    router.removeLogSink(this);
    cli.vtyClosed(line);
    terminal.close();
  }

  public synchronized boolean isClosed() {
    return state == SessionState.CLOSED;
  }

  /** After a reload: the console shows the boot end as IOS does and waits (setup dialog or RETURN). */
  synchronized void rebooted() {
    cancelTimer();
    mode = CliMode.USER_EXEC;
    block = null;
    editor.clear();
    out("\r\n" + router.chassis().imageLine() + "\r\n");
    if (router.startup() == null) {
      askSetup();
    } else {
      out("\r\n\r\nPress RETURN to get started!\r\n\r\n\r\n");
      state = SessionState.PRESS_RETURN;
    }
  }

  private void resetConsole() {
    mode = CliMode.USER_EXEC;
    block = null;
    editor.clear();
    out("\r\n" + router.hostname() + " con0 is now available\r\n\r\n\r\n\r\n\r\n\r\nPress RETURN to get started.\r\n\r\n");
    state = SessionState.PRESS_RETURN;
  }

  // ---------------------------------------------------------------- input

  /** Characters typed (telnet already decoded; line ends are a single {@code \r}). */
  public synchronized void input(String chars) {
    if (state == SessionState.CLOSED) {
      return;
    }
    for (int i = 0; i < chars.length() && state != SessionState.CLOSED; i++) {
      if (state == SessionState.BUSY) {
        if (typeahead.length() < 4096) {
          typeahead.append(chars, i, chars.length());
        }
        break;
      }
      onChar(chars.charAt(i));
    }
    armTimer();
  }

  private void onChar(char c) {
    switch (state) {
      case MORE -> {
        out(pager.key(c, length));
        if (!pager.active()) {
          state = SessionState.COMMAND;
          out(prompt());
        }
      }
      case PRESS_RETURN -> {
        if (c == '\r') {
          beginLogin();
        }
      }
      case PASSWORD, ENABLE_PASSWORD -> hiddenChar(c);
      case CLOSED -> { }
      default -> editChar(c);
    }
  }

  private void hiddenChar(char c) {
    if (c == '\r') {
      out("\r\n");
      String typed = editor.take();
      if (state == SessionState.PASSWORD) {
        checkLogin(typed);
      } else {
        checkEnable(typed);
      }
    } else if (c == 0x08 || c == 0x7f) {
      editor.backspace();
    } else if (c >= 0x20 && c < 0x7f) {
      editor.type(c);
    }
  }

  private void editChar(char c) {
    boolean commandLine = state == SessionState.COMMAND;
    if (escape > 0 || c == 0x1b) {
      escapeChar(c, commandLine);
      return;
    }
    if ((c == 0x10 || c == 0x0e) && commandLine) {
      recall(c == 0x10 ? history.previous() : history.next());
      return;
    }
    if (c == '\r') {
      out("\r\n");
      String typed = editor.take();
      switch (state) {
        case SETUP -> answerSetup(typed);
        case USERNAME -> {
          username = typed;
          out("Password: ");
          state = SessionState.PASSWORD;
        }
        case QUESTION -> {
          state = SessionState.COMMAND;
          Consumer<String> a = answer;
          answer = null;
          a.accept(typed);
          afterCommand();
        }
        default -> {
          history.add(typed);
          executeLine(typed);
          afterCommand();
        }
      }
    } else if (c == 0x08 || c == 0x7f) {
      out(editor.backspace());
    } else if (c == 0x15) {
      out(editor.erase());
    } else if (c == 0x1a && commandLine && mode.isConfig()) {
      editor.clear();
      out("^Z\r\n");
      endConfiguration();
      afterCommand();
    } else if (c == 0x03 && commandLine) {
      editor.clear();
      out("\r\n");
      afterCommand();
    } else if (c == '?' && commandLine) {
      out("?\r\n" + crlf(HelpFormatter.help(tree(mode), editor.text())) + "\r\n\r\n" + prompt() + editor.text());
    } else if (c == '\t' && commandLine) {
      out(editor.append(completion(editor.text())));
    } else if (c >= 0x20 && c < 0x7f) {
      out(editor.type(c));
    }
  }

  /** ESC [ A / ESC [ B recall history; other sequences (cursor keys, function keys) are swallowed. */
  private void escapeChar(char c, boolean commandLine) {
    if (escape == 0) {
      escape = 1;
    } else if (escape == 1) {
      escape = c == '[' || c == 'O' ? 2 : 0;
    } else {
      if (c >= 0x40 && c <= 0x7e) {
        escape = 0;
        if (commandLine && (c == 'A' || c == 'B')) {
          recall(c == 'A' ? history.previous() : history.next());
        }
      } else if (c < 0x20 || c > 0x3f) {
        escape = 0;
      }
    }
  }

  private void recall(String line) {
    if (line == null) {
      out("\u0007");
      return;
    }
    out(editor.erase());
    out(editor.append(line));
  }

  List<String> history() {
    return history.lines();
  }

  private void afterCommand() {
    if (state == SessionState.COMMAND) {
      out(prompt());
    } else if (state == SessionState.QUESTION) {
      out(questionPrompt);
    }
  }

  private String completion(String typed) {
    Words w = Words.split(typed);
    if (w.size() == 0 || typed.endsWith(" ")) {
      return "";
    }
    CommandNode<CliSession> node = tree(mode).walk(w, w.size() - 1);
    if (node == null) {
      return "";
    }
    List<CommandNode<CliSession>> kws = CommandTree.completions(node, w.word(w.size() - 1));
    if (kws.size() != 1) {
      return "";
    }
    return kws.get(0).keyword().substring(w.word(w.size() - 1).length()) + " ";
  }

  // ---------------------------------------------------------------- dispatch

  /** Runs one typed line in the current mode (no prompt printed). */
  synchronized void executeLine(String typed) {
    String t = typed.strip();
    if (t.isEmpty() || t.startsWith("!")) {
      return;
    }
    MatchResult<CliSession> r = tree(mode).match(typed);
    if (mode.isSubMode() && !(r instanceof MatchResult.Matched)) {
      MatchResult<CliSession> global = tree(CliMode.CONFIG).match(typed);
      if (global instanceof MatchResult.Matched) {
        mode = CliMode.CONFIG;
        block = router.running().root();
        r = global;
      } else if (reach(global, typed) > reach(r, typed)) {
        r = global;
      }
    }
    dispatch(r, typed, 0, mode);
  }

  /** Runs {@code typed} against {@code treeMode}'s tree; {@code offset} shifts the caret ({@code do ...}). */
  void dispatch(MatchResult<CliSession> r, String typed, int offset, CliMode treeMode) {
    int bar = treeMode.isConfig() ? -1 : OutputFilter.start(typed);
    if (bar >= 0) {
      Object f = OutputFilter.parse(typed.substring(bar + 2));
      if (f == null) {
        println("% Incomplete command.");
        println("");
        return;
      }
      if (f instanceof Integer col) {
        invalidAt(offset + bar + 2 + (-col - 1));
        return;
      }
      String command = typed.substring(0, bar);
      filter = (OutputFilter) f;
      try {
        dispatch(tree(treeMode).match(command), command, offset, treeMode);
      } finally {
        filter = null;
      }
      return;
    }
    if (r instanceof MatchResult.Matched<CliSession> m) {
      try {
        synchronized (router) {
          m.node().handler().run(this, m.invocation());
        }
      } catch (RuntimeException e) {
        println("%Internal error in the emulated router: " + e);
      }
    } else if (r instanceof MatchResult.Invalid<CliSession> inv) {
      Words w = Words.split(typed);
      if (!treeMode.isConfig() && inv.column() == w.start(0) && w.size() > 0) {
        unknownWord(w.word(0));
      } else {
        invalidAt(offset + inv.column());
      }
    } else if (r instanceof MatchResult.Incomplete) {
      println("% Incomplete command.");
      println("");
    } else if (r instanceof MatchResult.Ambiguous) {
      println("% Ambiguous command:  \"" + typed.strip() + "\"");
    }
  }

  /** Runs an exec command from configuration mode ({@code do show running-config}). */
  void executeDo(String command, int offset) {
    MatchResult<CliSession> r = tree(CliMode.PRIVILEGED_EXEC).match(command);
    dispatch(r, command, offset, CliMode.PRIVILEGED_EXEC);
  }

  private static int reach(MatchResult<CliSession> r, String typed) {
    if (r instanceof MatchResult.Invalid<CliSession> i) {
      return i.column();
    }
    if (r instanceof MatchResult.Ambiguous<CliSession> a) {
      return a.column();
    }
    return typed.length();
  }

  /**
   * An exec word that is no command: IOS tries it as a host name to telnet to. With {@code no ip domain lookup}
   * (the document's configs) it fails at once; with lookup on IOS first asks the domain server
   * [message as commonly reported, unconfirmed on 12.3].
   */
  private void unknownWord(String word) {
    boolean lookup = router.running().find("ip domain lookup") == null;
    println("Translating \"" + word + "\"" + (lookup ? "...domain server (255.255.255.255)" : ""));
    println("% Unknown command or computer name, or unable to find computer address");
  }

  /** The caret under column {@code column} of the typed line (counted after the prompt) and IOS's message. */
  void invalidAt(int column) {
    char[] pad = new char[prompt().length() + column];
    Arrays.fill(pad, ' ');
    println(new String(pad) + "^");
    println(INVALID);
    println("");
  }

  CommandTree<CliSession> tree(CliMode m) {
    return cli.commands().tree(m);
  }

  // ---------------------------------------------------------------- login and enable

  private void beginLogin() {
    ConfigItem lb = lineBlock();
    attempts = 0;
    String login = lb == null ? null : lineSetting(lb, "login");
    if (login == null) {
      enterExec();
      return;
    }
    if (login.equals("login local")) {
      out("\r\n\r\nUser Access Verification\r\n\r\nUsername: ");
      state = SessionState.USERNAME;
      return;
    }
    if (lineSetting(lb, "password") == null) {
      out("\r\n\r\nPassword required, but none set\r\n");
      close();
      return;
    }
    username = null;
    out("\r\n\r\nUser Access Verification\r\n\r\nPassword: ");
    state = SessionState.PASSWORD;
  }

  private void enterExec() {
    mode = CliMode.USER_EXEC;
    state = SessionState.COMMAND;
    out("\r\n" + prompt());
  }

  private void checkLogin(String typed) {
    boolean ok = username == null ? typed.equals(linePassword()) : Credentials.userMatches(router, username, typed);
    if (ok) {
      enterExec();
      return;
    }
    attempts++;
    if (username != null) {
      out("% Login invalid\r\n\r\n");
      if (attempts >= 3) {
        close();
      } else {
        out("Username: ");
        state = SessionState.USERNAME;
      }
      return;
    }
    if (attempts >= 3) {
      out("% Bad passwords\r\n\r\n");
      close();
    } else {
      out("Password: ");
    }
  }

  private String linePassword() {
    ConfigItem lb = lineBlock();
    String p = lb == null ? null : lineSetting(lb, "password");
    return p == null ? null : p.substring("password ".length());
  }

  /** {@code enable}: asks the enable secret or password; the console needs none when none is set. */
  void beginEnable() {
    if (!Credentials.enableConfigured(router)) {
      if (kind == LineKind.VTY) {
        println("% No password set");
        return;
      }
      mode = CliMode.PRIVILEGED_EXEC;
      return;
    }
    attempts = 0;
    state = SessionState.ENABLE_PASSWORD;
    questionPrompt = "Password: ";
    out("Password: ");
  }

  private void checkEnable(String typed) {
    if (Credentials.enableMatches(router, typed)) {
      mode = CliMode.PRIVILEGED_EXEC;
      state = SessionState.COMMAND;
      out(prompt());
      return;
    }
    attempts++;
    if (attempts >= 3) {
      out((Credentials.hasSecret(router) ? "% Bad secrets" : "% Bad passwords") + "\r\n\r\n");
      state = SessionState.COMMAND;
      out(prompt());
    } else {
      out("Password: ");
    }
  }

  // ---------------------------------------------------------------- setup dialog

  private static final String SETUP_QUESTION = "Would you like to enter the initial configuration dialog? [yes/no]: ";

  private void askSetup() {
    out("\r\n\r\n         --- System Configuration Dialog ---\r\n\r\n" + SETUP_QUESTION);
    state = SessionState.SETUP;
  }

  /**
   * The initial configuration dialog's answer (unicon's IOS mock, ios_setup: empty gives
   * {@code % Please answer 'yes' or 'no'.}). The dialog itself is not emulated: {@code yes} says so and goes on
   * as {@code no} does.
   */
  private void answerSetup(String typed) {
    String a = typed.strip().toLowerCase(java.util.Locale.ROOT);
    if (!a.isEmpty() && "yes".startsWith(a)) {
      out("% The initial configuration dialog is not emulated; continuing as if 'no' was answered.\r\n");
    } else if (a.isEmpty() || !"no".startsWith(a)) {
      out("% Please answer 'yes' or 'no'.\r\n" + SETUP_QUESTION);
      return;
    }
    out("\r\n\r\nPress RETURN to get started!\r\n\r\n\r\n");
    state = SessionState.PRESS_RETURN;
  }

  // ---------------------------------------------------------------- what handlers use

  public EmulatedRouter router() {
    return router;
  }

  public RouterCli cli() {
    return cli;
  }

  public CliMode mode() {
    return mode;
  }

  public LineKind kind() {
    return kind;
  }

  public int lineNumber() {
    return line;
  }

  void setMode(CliMode m) {
    mode = m;
    if (m == CliMode.CONFIG) {
      block = router.running().root();
    }
  }

  public String prompt() {
    return mode.prompt(router.hostname());
  }

  /**
   * The client's window (telnet NAWS): IOS takes it as the terminal's width and length [unconfirmed for 12.3];
   * zero values (a client that does not know) are ignored.
   */
  public synchronized void windowSize(int columns, int rows) {
    if (columns > 0) {
      width = columns;
    }
    if (rows > 0) {
      length = rows;
    }
  }

  void setLength(int n) {
    length = n;
  }

  void setWidth(int n) {
    width = n;
  }

  int width() {
    return width;
  }

  void setMonitor(boolean on) {
    monitor = on;
  }

  /**
   * Starts a command whose output comes later, from another thread (the node's scheduler): no prompt until
   * {@link #finishAsync}; keys typed meanwhile are kept and replayed then.
   */
  public synchronized void beginAsync() {
    state = SessionState.BUSY;
    asyncFilter = filter;
  }

  /** Output of a running asynchronous command, printed at once ({@code !} by {@code !}). */
  public synchronized void printAsync(String raw) {
    if (state == SessionState.BUSY) {
      out(raw);
    }
  }

  /** Ends an asynchronous command: {@code text} through the pager (and the command's filter), then the prompt. */
  public synchronized void finishAsync(String text) {
    if (state != SessionState.BUSY) {
      return;
    }
    state = SessionState.COMMAND;
    if (!text.isEmpty()) {
      filter = asyncFilter;
      try {
        page(text);
      } finally {
        filter = null;
        asyncFilter = null;
      }
    }
    afterCommand();
    if (state == SessionState.COMMAND && typeahead.length() > 0) {
      String keys = typeahead.toString();
      typeahead.setLength(0);
      input(keys);
    }
  }

  /** Prints a line (plus {@code \r\n}). */
  public void println(String text) {
    out(text + "\r\n");
  }

  /** Prints command output through the pager ({@code --More--} when longer than the terminal length). */
  public void page(String text) {
    List<String> lines = text.lines().toList();
    if (filter != null) {
      lines = filter.apply(lines);
    }
    out(pager.start(lines, length));
    if (pager.active()) {
      state = SessionState.MORE;
    }
  }

  /** Asks {@code [confirm]}-style: Return or {@code y} runs {@code onYes}; anything else aborts. */
  public void confirm(String prompt, Runnable onYes) {
    ask(prompt, a -> {
      if (ExecCommands.confirmed(a)) {
        onYes.run();
      }
    });
  }

  /** Asks a dialog question; {@code then} gets the answer line (the prompt shows after the handler returns). */
  public void ask(String prompt, Consumer<String> then) {
    questionPrompt = prompt;
    answer = then;
    state = SessionState.QUESTION;
  }

  void enterConfiguration() {
    mode = CliMode.CONFIG;
    block = router.running().root();
  }

  /** {@code end}, Ctrl-Z, or {@code exit} from global configuration: back to exec, and the CONFIG_I message. */
  void endConfiguration() {
    mode = CliMode.PRIVILEGED_EXEC;
    block = null;
    if (kind == LineKind.BOOT) {
      return;
    }
    router.markModified();
    router.configurationEnded();
    String by = kind == LineKind.CONSOLE ? "console" : "vty" + line + " (" + peer + ")";
    String message = "%SYS-5-CONFIG_I: Configured from console by " + by;
    router.scheduler().schedule(Duration.ZERO, () -> router.log(message));
  }

  /** {@code exit}/{@code logout} in exec. */
  void logout() {
    if (kind == LineKind.CONSOLE) {
      resetConsole();
    } else {
      close();
    }
  }

  // ---------------------------------------------------------------- ConfigTarget, LogSink

  @Override
  public RunningConfig running() {
    return router.running();
  }

  @Override
  public ConfigItem currentBlock() {
    return block == null ? router.running().root() : block;
  }

  @Override
  public void enterBlock(CliMode m, ConfigItem b) {
    mode = m;
    block = b;
  }

  @Override
  public synchronized boolean wantsLog() {
    if (state == SessionState.CLOSED || kind == LineKind.BOOT) {
      return false;
    }
    if (kind == LineKind.CONSOLE) {
      return router.running().find("logging console") == null;
    }
    return monitor;
  }

  /**
   * Shows a log message where the cursor is, without a line break first: IOS console output as in unicon's mock
   * ({@code Router>*Sep 18 10:36:14.536: %LINK-3-UPDOWN: ...}); with {@code logging synchronous} the prompt and
   * the typed text are shown again after it.
   */
  @Override
  public synchronized void showLog(String stampedMessage) {
    out(stampedMessage + "\r\n");
    ConfigItem lb = lineBlock();
    if (lb != null && lb.find("logging synchronous") != null && state == SessionState.COMMAND) {
      out(prompt() + editor.text());
    }
  }

  // ---------------------------------------------------------------- helpers

  private ConfigItem lineBlock() {
    return switch (kind) {
      case CONSOLE -> router.lineBlock("con", 0);
      case VTY -> router.lineBlock("vty", line);
      case BOOT -> null;
    };
  }

  private static String lineSetting(ConfigItem lb, String key) {
    ConfigItem c = lb.find(key);
    return c == null ? null : c.text();
  }

  /** exec-timeout of the line (default 10 minutes; {@code 0 0} never). */
  private Duration execTimeout() {
    ConfigItem lb = lineBlock();
    String v = lb == null ? null : lineSetting(lb, "exec-timeout");
    if (v == null) {
      return Duration.ofMinutes(10);
    }
    String[] w = v.split(" ");
    long seconds = Long.parseLong(w[1]) * 60 + (w.length > 2 ? Long.parseLong(w[2]) : 0);
    return seconds == 0 ? null : Duration.ofSeconds(seconds);
  }

  private void armTimer() {
    if (kind == LineKind.BOOT || state == SessionState.CLOSED) {
      return;
    }
    cancelTimer();
    Duration d;
    synchronized (router) {
      d = execTimeout();
    }
    if (d != null && state != SessionState.PRESS_RETURN && state != SessionState.SETUP) {
      execTimer = router.scheduler().schedule(d, this::timedOut);
    }
  }

  private void cancelTimer() {
    if (execTimer != null) {
      execTimer.cancel();
      execTimer = null;
    }
  }

  private synchronized void timedOut() {
    execTimer = null;
    if (state == SessionState.CLOSED) {
      return;
    }
    if (kind == LineKind.CONSOLE && terminal == Terminal.DETACHED && state == SessionState.PRESS_RETURN) {
      return;
    }
    out("\r\n");
    close();
  }

  private void out(String s) {
    if (!s.isEmpty()) {
      terminal.send(s);
    }
  }

  private static String crlf(String s) {
    return s.replace("\n", "\r\n");
  }
}
