package dev.dmvpn.virtualrack.session;

import dev.dmvpn.virtualrack.cli.CliMode;
import dev.dmvpn.virtualrack.config.ConfigRenderer;
import dev.dmvpn.virtualrack.router.Chassis;
import dev.dmvpn.virtualrack.router.EmulatedRouter;
import dev.dmvpn.virtualrack.router.IosTime;
import java.util.Locale;

/**
 * The show commands that need no DMVPN node state: running and startup configuration, version, clock and lines.
 * The node-fed ones ({@code show ip nhrp}, {@code show crypto ...}) are added by later components through
 * {@link CommandSet}.
 */
final class ShowCommands {
  /** Absolute line numbers on a 2691: CTY 0, AUX 65, VTYs from 66 [unconfirmed for 12.3; varies by chassis]. */
  static final int AUX = 65;
  static final int FIRST_VTY = 66;

  /** The export paragraph as IOS 12.x wraps it (the genieparser IOS show version samples). */
  private static final String EXPORT = """
      This product contains cryptographic features and is subject to United
      States and local country laws governing import, export, transfer and
      use. Delivery of Cisco cryptographic products does not imply
      third-party authority to import, export, distribute or use encryption.
      Importers, exporters, distributors and users are responsible for
      compliance with U.S. and local country laws. By using this product you
      agree to comply with applicable laws and regulations. If you are unable
      to comply with U.S. and local laws, return this product immediately.

      A summary of U.S. laws governing Cisco cryptographic products may be found at:
      http://www.cisco.com/wwl/export/crypto/tool/stqrg.html

      If you require further assistance please contact us by sending email to
      export@cisco.com.
      """;

  private ShowCommands() {}

  static void install(CommandSet set) {
    set.definePrivileged("show running-config", "Current operating configuration", (s, inv) -> showRunning(s));
    set.definePrivileged("show startup-config", "Contents of startup configuration", (s, inv) -> showStartup(s));
    set.defineExec("show version", "System hardware and software status", (s, inv) -> s.page(version(s.router())));
    set.defineExec("show clock", "Display the system clock",
        (s, inv) -> s.page(IosTime.showClock(s.router().uptime())));
    set.defineExec("show line", "TTY line information", (s, inv) -> s.page(lines(s)));
    set.defineExec("show history", "Display the session command history",
        (s, inv) -> s.page(s.history().stream().map(l -> "  " + l).reduce((a, b) -> a + "\n" + b).orElse("")));
    for (CliMode m : new CliMode[] {CliMode.USER_EXEC, CliMode.PRIVILEGED_EXEC}) {
      set.tree(m).help("show", "Show running system information");
    }
  }

  static void showRunning(CliSession s) {
    s.page(ConfigRenderer.showRunning(s.router().running()));
  }

  private static void showStartup(CliSession s) {
    String nvram = s.router().startup();
    if (nvram == null) {
      s.println("startup-config is not present");
      return;
    }
    s.page(ConfigRenderer.showStartup(nvram, s.router().chassis().nvramBytes()));
  }

  /** show version in the layout of the document's sv9-4 output (seed lines 57-96). */
  static String version(EmulatedRouter r) {
    Chassis c = r.chassis();
    StringBuilder sb = new StringBuilder();
    sb.append("Cisco Internetwork Operating System Software \n").append(c.imageLine()).append('\n')
        .append("Copyright (c) 1986-2003 by Cisco Systems, Inc.\n")
        .append("Compiled Tue 19-Aug-03 05:52 by dchih\n")
        .append("Image text-base: 0x60008954, data-base: 0x61D08000\n\n")
        .append("ROM: System Bootstrap, Version 12.2(8r)T2, RELEASE SOFTWARE (fc1)\n\n")
        .append(r.hostname()).append(" uptime is ").append(IosTime.uptimeWords(r.uptime())).append('\n')
        .append("System returned to ROM by reload\n")
        .append("System image file is \"").append(c.imageFile()).append("\"\n\n\n")
        .append(EXPORT).append('\n')
        .append(c.processor()).append('\n')
        .append("Processor board ID ").append(c.boardId()).append('\n')
        .append(c.cpu()).append('\n')
        .append("Bridging software.\nX.25 software, Version 3.0.0.\n")
        .append("SuperLAT software (copyright 1990 by Meridian Technology Corp).\n");
    for (String i : c.inventory()) {
      sb.append(i).append('\n');
    }
    sb.append("DRAM configuration is 64 bits wide with parity disabled.\n")
        .append(c.nvramBytes() / 1024).append("K bytes of non-volatile configuration memory.\n")
        .append("125184K bytes of ATA System CompactFlash (Read/Write)\n\n")
        .append("Configuration register is 0x2102\n");
    return sb.toString();
  }

  /** show line: one row per line, {@code *} on the ones in use [column layout unconfirmed for 12.3]. */
  private static String lines(CliSession s) {
    EmulatedRouter r = s.router();
    StringBuilder sb = new StringBuilder(
        "   Tty Typ     Tx/Rx    A Modem  Roty AccO AccI   Uses   Noise  Overruns   Int\n");
    sb.append(row(true, 0, "CTY", "", 1));
    sb.append(row(false, AUX, "AUX", "9600/9600", 0));
    for (int v = 0; v < r.configuredVtys(); v++) {
      sb.append(row(r.vtys().isBusy(v), FIRST_VTY + v, "VTY", "", r.vtys().uses(v)));
    }
    return sb.toString();
  }

  private static String row(boolean active, int tty, String type, String speed, int uses) {
    return String.format(Locale.ROOT, "%s%5d %-3s %11s  -    -      -    -    -  %6d %7d %5s %9s%n",
        active ? "*" : " ", tty, type, speed, uses, 0, "0/0", "-").replace(System.lineSeparator(), "\n");
  }
}
