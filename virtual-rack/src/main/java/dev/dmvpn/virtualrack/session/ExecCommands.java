package dev.dmvpn.virtualrack.session;

import dev.dmvpn.virtualrack.cli.CliMode;

/**
 * The exec commands of this slice: mode changes ({@code enable}, {@code disable}, {@code configure terminal},
 * {@code exit}), terminal settings, saving ({@code copy running-config startup-config}, {@code write memory},
 * {@code write erase}) and {@code clear line}. Dialog texts: {@code Destination filename [startup-config]?} and
 * {@code [confirm]} as ios-drivers.md rows 15, 18 and 21 quote them from unicon's patterns and mocks.
 */
final class ExecCommands {
  static final String CONFIG_BANNER = "Enter configuration commands, one per line.  End with CNTL/Z.";

  private ExecCommands() {}

  static void install(CommandSet set) {
    set.tree(CliMode.USER_EXEC).define("enable", (s, inv) -> s.beginEnable());
    set.tree(CliMode.USER_EXEC).help("enable", "Turn on privileged commands");
    set.tree(CliMode.PRIVILEGED_EXEC).define("enable", (s, inv) -> { });
    set.tree(CliMode.PRIVILEGED_EXEC).help("enable", "Turn on privileged commands");
    set.definePrivileged("disable", "Turn off privileged commands", (s, inv) -> s.setMode(CliMode.USER_EXEC));
    for (String word : new String[] {"exit", "logout", "quit"}) {
      set.defineExec(word, "Exit from the EXEC", (s, inv) -> s.logout());
    }
    set.defineExec("terminal", "Set terminal line parameters", null);
    set.defineExec("terminal length $lines:0-512", "", (s, inv) -> s.setLength(Integer.parseInt(inv.arg("lines"))));
    set.defineExec("terminal width $columns:0-512", "", (s, inv) -> s.setWidth(Integer.parseInt(inv.arg("columns"))));
    set.defineExec("terminal monitor", "Copy debug output to the current terminal line", (s, inv) -> s.setMonitor(true));
    set.defineExec("terminal no monitor", "", (s, inv) -> s.setMonitor(false));
    for (CliMode m : new CliMode[] {CliMode.USER_EXEC, CliMode.PRIVILEGED_EXEC}) {
      set.tree(m).help("terminal length", "Set number of lines on a screen")
          .help("terminal width", "Set width of the display terminal")
          .help("terminal no", "Negate a command or set its defaults")
          .help("terminal length $lines:0-512", "Number of lines on screen (0 for no pausing)");
    }
    set.definePrivileged("configure terminal", "", (s, inv) -> configure(s));
    set.tree(CliMode.PRIVILEGED_EXEC).help("configure", "Enter configuration mode");
    set.tree(CliMode.PRIVILEGED_EXEC).help("configure terminal", "Configure from the terminal");
    set.definePrivileged("configure", "", (s, inv) -> s.ask(
        "Configuring from terminal, memory, or network [terminal]? ", a -> {
          if (a.isBlank() || "terminal".startsWith(a.strip())) {
            configure(s);
          } else {
            s.println("?Must be \"terminal\", \"memory\" or \"network\"");
          }
        }));
    set.definePrivileged("copy running-config startup-config", "", (s, inv) -> copyRunStart(s));
    set.tree(CliMode.PRIVILEGED_EXEC).help("copy", "Copy from one file to another");
    set.tree(CliMode.PRIVILEGED_EXEC).help("copy running-config", "Copy from current system configuration");
    set.tree(CliMode.PRIVILEGED_EXEC).help("copy running-config startup-config",
        "Copy to startup configuration");
    set.definePrivileged("write", "Write running configuration to memory, network, or terminal",
        (s, inv) -> save(s));
    set.definePrivileged("write memory", "Write to NV memory", (s, inv) -> save(s));
    set.definePrivileged("write terminal", "Write to terminal", (s, inv) -> ShowCommands.showRunning(s));
    set.definePrivileged("write erase", "Erase NV memory", (s, inv) -> erase(s));
    set.definePrivileged("erase startup-config", "", (s, inv) -> erase(s));
    set.tree(CliMode.PRIVILEGED_EXEC).help("erase", "Erase a filesystem");
    set.definePrivileged("clear line $line:0-70", "", (s, inv) -> clearLine(s, Integer.parseInt(inv.arg("line"))));
    set.definePrivileged("clear line vty $vty:0-15", "", (s, inv) ->
        clearLine(s, ShowCommands.FIRST_VTY + Integer.parseInt(inv.arg("vty"))));
    set.definePrivileged("clear line console 0", "", (s, inv) -> clearLine(s, 0));
    set.definePrivileged("reload", "Halt and perform a cold restart", (s, inv) -> reload(s));
    set.tree(CliMode.PRIVILEGED_EXEC).help("clear", "Reset functions");
    set.tree(CliMode.PRIVILEGED_EXEC).help("clear line", "Reset a terminal line");
  }

  static void configure(CliSession s) {
    s.println(CONFIG_BANNER);
    s.enterConfiguration();
  }

  private static void copyRunStart(CliSession s) {
    s.ask("Destination filename [startup-config]? ", a -> {
      String name = a.strip();
      if (name.isEmpty() || name.equals("startup-config") || name.equals("nvram:startup-config")) {
        save(s);
      } else {
        // only NVRAM is emulated [message form unconfirmed]
        s.println("%Error opening nvram:" + name + " (No such file or directory)");
      }
    });
  }

  private static void save(CliSession s) {
    s.println("Building configuration...");
    synchronized (s.router()) {
      s.router().saveRunning();
    }
    s.println("[OK]");
  }

  private static void erase(CliSession s) {
    s.ask("Erasing the nvram filesystem will remove all configuration files! Continue? [confirm]", a -> {
      if (confirmed(a)) {
        synchronized (s.router()) {
          s.router().setStartup(null);
        }
        s.println("[OK]");
        s.println("Erase of nvram: complete");
      }
    });
  }

  /**
   * {@code reload}: {@code System configuration has been modified. Save? [yes/no]: } when configuration mode was
   * used since the last save, then {@code Proceed with reload? [confirm]} (unicon's reload patterns,
   * ios-drivers.md row 20). The reload itself runs on the router's scheduler, outside this session's lock.
   */
  private static void reload(CliSession s) {
    if (s.router().modified()) {
      askSave(s);
    } else {
      proceed(s);
    }
  }

  private static void askSave(CliSession s) {
    s.ask("System configuration has been modified. Save? [yes/no]: ", a -> {
      String w = a.strip().toLowerCase(java.util.Locale.ROOT);
      if (!w.isEmpty() && "yes".startsWith(w)) {
        save(s);
        proceed(s);
      } else if (!w.isEmpty() && "no".startsWith(w)) {
        proceed(s);
      } else {
        s.println("% Please answer 'yes' or 'no'.");
        askSave(s);
      }
    });
  }

  private static void proceed(CliSession s) {
    s.confirm("Proceed with reload? [confirm]", () -> {
      RouterCli cli = s.cli();
      String by = s.kind() == LineKind.CONSOLE ? "console" : "vty" + s.lineNumber();
      // logged and run from the scheduler: this session's and the router's locks are held here
      s.router().scheduler().schedule(java.time.Duration.ZERO, () -> {
        cli.router().log("%SYS-5-RELOAD: Reload requested by " + by + ". Reload Reason: Reload Command.");
        cli.reload();
      });
    });
  }

  /** {@code [confirm]}: Return or {@code y} confirms; anything else aborts. */
  static boolean confirmed(String answer) {
    String a = answer.strip().toLowerCase(java.util.Locale.ROOT);
    return a.isEmpty() || a.equals("y") || a.equals("yes");
  }

  /** {@code clear line N}: {@code [confirm]}, then {@code  [OK]} and the line's session ends. */
  private static void clearLine(CliSession s, int tty) {
    s.ask("[confirm]", a -> {
      if (!confirmed(a)) {
        return;
      }
      s.println(" [OK]");
      // closed from the scheduler, not here: this session's lock (and the router's) are held, and the other
      // session's thread may be waiting for the router while holding its own
      RouterCli cli = s.cli();
      s.router().scheduler().schedule(java.time.Duration.ZERO, () -> {
        if (tty == 0) {
          cli.console().close();
        } else if (tty >= ShowCommands.FIRST_VTY) {
          cli.clearVty(tty - ShowCommands.FIRST_VTY);
        }
      });
    });
  }
}
