package dev.dmvpn.virtualrack.router;

import dev.dmvpn.ref.time.Scheduler;
import dev.dmvpn.virtualrack.config.ConfigItem;
import dev.dmvpn.virtualrack.config.ConfigRenderer;
import dev.dmvpn.virtualrack.config.RunningConfig;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The state of one emulated IOS router that the CLI reads and changes: chassis, running configuration,
 * startup configuration (NVRAM text, absent on a router never saved), clock, VTY lines and the log sinks.
 * Every access to the configuration holds the router's monitor ({@code synchronized (router)}).
 */
public final class EmulatedRouter {
  /** IOS 12.3 on the 2691/3725 has 16 VTY lines at most without {@code line vty 5 15}; the document uses 0-4. */
  public static final int MAX_VTYS = 16;

  private final Chassis chassis;
  private final Scheduler scheduler;
  private long bootNanos;
  private boolean modified;
  private final RunningConfig running;
  private String startup;
  private final LineTable vtys = new LineTable(MAX_VTYS);
  private final List<LogSink> sinks = new CopyOnWriteArrayList<>();
  private final List<Runnable> configListeners = new CopyOnWriteArrayList<>();
  private final List<java.util.function.Consumer<String>> startupListeners = new CopyOnWriteArrayList<>();

  public EmulatedRouter(Chassis chassis, Scheduler scheduler) {
    this.chassis = chassis;
    this.scheduler = scheduler;
    this.bootNanos = scheduler.clock().nanoTime();
    this.running = new RunningConfig(chassis::order);
  }

  public Chassis chassis() {
    return chassis;
  }

  public Scheduler scheduler() {
    return scheduler;
  }

  public RunningConfig running() {
    return running;
  }

  public LineTable vtys() {
    return vtys;
  }

  public synchronized Duration uptime() {
    return Duration.ofNanos(scheduler.clock().nanoTime() - bootNanos);
  }

  /** A reload: uptime starts again, the configuration counts as saved. */
  public synchronized void restarted() {
    bootNanos = scheduler.clock().nanoTime();
    modified = false;
  }

  /** Clock time of the last boot: a reload changes it (its node must start over even with the same configuration). */
  public synchronized long bootedAtNanos() {
    return bootNanos;
  }

  /** True when configuration mode was used since the last save (IOS asks to save before a reload). */
  public synchronized boolean modified() {
    return modified;
  }

  public synchronized void markModified() {
    modified = true;
  }

  /** The host name from the running configuration ({@code Router} when none is set). */
  public synchronized String hostname() {
    for (ConfigItem c : running.root().children()) {
      if (c.key().equals("hostname")) {
        return c.text().substring("hostname ".length());
      }
    }
    return "Router";
  }

  /** NVRAM's configuration text, or {@code null} when nothing was ever saved. */
  public synchronized String startup() {
    return startup;
  }

  public void setStartup(String text) {
    synchronized (this) {
      this.startup = text;
    }
    startupWritten(text);
  }

  /** {@code copy running-config startup-config}: NVRAM gets the running configuration's text. */
  public void saveRunning() {
    String text;
    synchronized (this) {
      startup = ConfigRenderer.text(running);
      modified = false;
      text = startup;
    }
    startupWritten(text);
  }

  /**
   * Called with NVRAM's new text after every write ({@code write memory}, {@code copy running-config
   * startup-config}; {@code null} after {@code erase startup-config}): where a rack keeps startup configurations
   * across restarts ({@code lab up --state-dir}).
   */
  public void addStartupListener(java.util.function.Consumer<String> listener) {
    startupListeners.add(listener);
  }

  private void startupWritten(String text) {
    for (java.util.function.Consumer<String> l : startupListeners) {
      l.accept(text);
    }
  }

  /** How many VTY lines the configuration defines ({@code line vty 0 4}: 5). */
  public synchronized int configuredVtys() {
    int n = 0;
    for (ConfigItem c : running.root().children()) {
      String[] w = c.text().split(" ");
      if (w.length >= 3 && w[0].equals("line") && w[1].equals("vty")) {
        n = Math.max(n, Integer.parseInt(w[w.length - 1]) + 1);
      }
    }
    return Math.min(n, MAX_VTYS);
  }

  /** The block of a line ({@code line con 0}, or the {@code line vty a b} covering vty {@code n}), or null. */
  public synchronized ConfigItem lineBlock(String type, int n) {
    for (ConfigItem c : running.root().children()) {
      String[] w = c.text().split(" ");
      if (w.length >= 3 && w[0].equals("line") && w[1].equals(type)) {
        int lo = Integer.parseInt(w[2]);
        int hi = w.length > 3 ? Integer.parseInt(w[3]) : lo;
        if (n >= lo && n <= hi) {
          return c;
        }
      }
    }
    return null;
  }

  /** A global setting's line text (e.g. key {@code enable secret}), or null. */
  public synchronized String global(String key) {
    ConfigItem c = running.find(key);
    return c == null ? null : c.text();
  }

  public void addLogSink(LogSink sink) {
    sinks.add(sink);
  }

  public void removeLogSink(LogSink sink) {
    sinks.remove(sink);
  }

  /**
   * Logs a message ({@code %SYS-5-CONFIG_I: ...}) stamped per {@code service timestamps log}. It takes each
   * sink's lock, so call it from the scheduler (as the CLI does), never while holding a session's lock.
   */
  public void log(String message) {
    String setting = global("service timestamps log");
    boolean datetime = setting == null || setting.contains("datetime");
    String line = IosTime.logStamp(uptime(), datetime) + message;
    for (LogSink s : sinks) {
      if (s.wantsLog()) {
        s.showLog(line);
      }
    }
  }

  /**
   * Prints one debug message ({@code NHRP: Send Resolution Request via Tunnel0, packet size: 84}) stamped per
   * {@code service timestamps debug} to the same sinks as {@link #log}: the console (unless {@code no logging
   * console}) and VTYs with {@code terminal monitor}. Call from the scheduler.
   */
  public void debug(String message) {
    String setting = global("service timestamps debug");
    boolean datetime = setting == null || setting.contains("datetime");
    String line = IosTime.logStamp(uptime(), datetime) + message.replace("\n", "\r\n");
    for (LogSink s : sinks) {
      if (s.wantsLog()) {
        s.showLog(line);
      }
    }
  }

  /**
   * Runs {@code listener} on the scheduler whenever configuration mode ends ({@code end}, Ctrl-Z, {@code exit})
   * and after a reload: the moment IOS applies a pasted block as a whole (the node is rebuilt then).
   */
  public void addConfigListener(Runnable listener) {
    configListeners.add(listener);
  }

  /** Configuration mode ended or the router reloaded: the listeners run on the scheduler. */
  public void configurationEnded() {
    for (Runnable l : configListeners) {
      scheduler.schedule(Duration.ZERO, l);
    }
  }
}
