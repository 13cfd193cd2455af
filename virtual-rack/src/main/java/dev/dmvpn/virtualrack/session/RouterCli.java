package dev.dmvpn.virtualrack.session;

import dev.dmvpn.ref.time.Scheduler;
import dev.dmvpn.virtualrack.router.Chassis;
import dev.dmvpn.virtualrack.router.EmulatedRouter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One emulated router's command line: the router state, its command trees, the console session (which lives as
 * long as the router, whoever is connected) and the VTY sessions.
 */
public final class RouterCli {
  private final EmulatedRouter router;
  private final CommandSet commands;
  private final Map<Integer, CliSession> vtySessions = new ConcurrentHashMap<>();
  private final CliSession console;
  private volatile List<String> bootErrors;

  private RouterCli(EmulatedRouter router, CommandSet commands, String startup) {
    this.router = router;
    this.commands = commands;
    router.setStartup(startup);
    ConfigLoader.apply(this, DefaultConfig.text(router.chassis(), startup != null));
    bootErrors = startup == null ? List.of() : ConfigLoader.apply(this, startup);
    console = new CliSession(this, Terminal.DETACHED, LineKind.CONSOLE, 0, "");
    console.start();
  }

  /**
   * Boots a router: IOS defaults, then {@code startup} (NVRAM text, or {@code null} for a router that was never
   * saved, whose console then asks the initial configuration dialog).
   */
  public static RouterCli boot(Chassis chassis, Scheduler scheduler, String startup) {
    return new RouterCli(new EmulatedRouter(chassis, scheduler), CommandSet.standard(), startup);
  }

  public EmulatedRouter router() {
    return router;
  }

  public CommandSet commands() {
    return commands;
  }

  public CliSession console() {
    return console;
  }

  /** Lines of the startup configuration that failed at boot, with IOS's error text (empty when all applied). */
  public List<String> bootErrors() {
    return bootErrors;
  }

  /** A session on the lowest free VTY line, or {@code null} when every line is busy. */
  public CliSession openVty(Terminal terminal, String peer) {
    return openVty(terminal, peer, false);
  }

  /**
   * A VTY session whose user the transport already authenticated (SSH): it starts at the exec prompt, without
   * {@code User Access Verification}.
   */
  public CliSession openVty(Terminal terminal, String peer, boolean authenticated) {
    int n = router.vtys().acquireVty(router.configuredVtys());
    if (n < 0) {
      return null;
    }
    CliSession s = new CliSession(this, terminal, LineKind.VTY, n, peer);
    vtySessions.put(n, s);
    s.start(authenticated);
    return s;
  }

  /**
   * SSH password check as IOS does it for VTYs: only with {@code login local} (the usernames of the running
   * configuration) — a line password alone does not admit SSH users.
   */
  public boolean sshPasswordOk(String user, String password) {
    synchronized (router) {
      var block = router.lineBlock("vty", 0);
      var login = block == null ? null : block.find("login");
      if (login == null || !login.text().equals("login local")) {
        return false;
      }
    }
    return Credentials.userMatches(router, user, password);
  }

  void vtyClosed(int n) {
    vtySessions.remove(n);
    router.vtys().releaseVty(n);
  }

  /** {@code clear line vty N}: ends the session on that line; false when none. */
  public boolean clearVty(int n) {
    CliSession s = vtySessions.get(n);
    if (s == null) {
      return false;
    }
    s.close();
    return true;
  }

  /**
   * {@code reload}: every VTY session ends, the configuration is rebuilt from the defaults and NVRAM, and the
   * console starts over (the setup dialog when NVRAM is empty). Runs on the router's scheduler.
   */
  void reload() {
    for (Integer n : List.copyOf(vtySessions.keySet())) {
      clearVty(n);
    }
    String startup;
    synchronized (router) {
      router.running().clear();
      startup = router.startup();
    }
    ConfigLoader.apply(this, DefaultConfig.text(router.chassis(), startup != null));
    bootErrors = startup == null ? List.of() : ConfigLoader.apply(this, startup);
    router.restarted();
    router.configurationEnded();
    console.rebooted();
  }

  public int openVtySessions() {
    return vtySessions.size();
  }
}
