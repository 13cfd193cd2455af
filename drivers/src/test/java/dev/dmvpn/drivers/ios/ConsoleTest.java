package dev.dmvpn.drivers.ios;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;
import static org.testng.Assert.expectThrows;

import dev.dmvpn.drivers.channel.Transcript;
import dev.dmvpn.drivers.console.ConsoleConnector;
import dev.dmvpn.drivers.console.ConsoleLine;
import dev.dmvpn.ref.time.ExecutorScheduler;
import dev.dmvpn.virtualrack.rack.Rack;
import dev.dmvpn.virtualrack.rack.RackRouter;
import dev.dmvpn.virtualrack.router.Chassis;
import java.io.IOException;
import java.util.List;
import org.testng.annotations.AfterMethod;
import org.testng.annotations.BeforeMethod;
import org.testng.annotations.Test;

/**
 * Consoles through the virtual rack's reverse-telnet terminal server: an unsaved router's setup dialog, a saved
 * router's {@code Press RETURN}, and a busy line cleared on the server.
 */
public class ConsoleTest {
  private static final Credentials TS = new Credentials(null, "ts-vty-31", "ts-enable-32");
  private ExecutorScheduler scheduler;
  private Rack rack;

  @BeforeMethod
  public void start() throws IOException {
    scheduler = ExecutorScheduler.realTime("drivers-console-test");
    rack = Rack.start(List.of(
        new RackRouter("fresh", Chassis.sv94(), null),
        new RackRouter("sv9-3", Chassis.sv93(), "hostname sv9-3\nend\n")),
        scheduler, "hostname ts\nenable secret ts-enable-32\nline vty 0 4\n password ts-vty-31\n login\nend\n",
        0, 0, 0);
  }

  @AfterMethod(alwaysRun = true)
  public void stop() throws IOException {
    rack.close();
    scheduler.close();
  }

  private ConsoleLine line(String name, int n) {
    return new ConsoleLine("127.0.0.1", rack.consolePort(name), n, rack.terminalServer().vtyPort(), TS);
  }

  @Test
  public void unsavedRoutersSetupDialogIsDeclined() throws IOException {
    try (IosSession s = ConsoleConnector.open(line("fresh", 1), Credentials.NONE, SessionOptions.IOS_DEFAULT,
        Transcript.none(), 0)) {
      assertEquals(s.prompt().toString(), "Router>");
      s.enable();
      assertTrue(s.execute("show version").output().contains("Cisco Internetwork Operating System Software"));
    }
  }

  @Test
  public void busyLineIsClearedOnTheTerminalServer() throws IOException {
    try (IosSession first = ConsoleConnector.open(line("sv9-3", 2), Credentials.NONE, SessionOptions.IOS_DEFAULT,
        Transcript.none(), 0)) {
      assertEquals(first.prompt().toString(), "sv9-3>");
      // the line is taken: without clears the connector gives up, naming the line
      DriverException busy = expectThrows(DriverException.class, () -> ConsoleConnector.open(line("sv9-3", 2),
          Credentials.NONE, SessionOptions.IOS_DEFAULT, Transcript.none(), 0));
      assertTrue(busy.getMessage().contains("console line 2"), busy.getMessage());
      try (IosSession second = ConsoleConnector.open(line("sv9-3", 2), Credentials.NONE,
          SessionOptions.IOS_DEFAULT, Transcript.none(), 2)) {
        second.enable();
        assertEquals(second.prompt().toString(), "sv9-3#");
      }
    }
  }

  @Test
  public void reloadOnTheConsoleLogsInAgainOnTheSameLine() throws IOException {
    StringBuilder log = new StringBuilder();
    try (IosSession s = ConsoleConnector.open(line("fresh", 1), Credentials.NONE, SessionOptions.IOS_DEFAULT,
        new Transcript(log), 0)) {
      s.enable();
      assertTrue(s.configure(java.util.List.of("hostname before-reload")).ok());
      assertEquals(s.prompt().toString(), "before-reload#");
      ReloadResult r = Reload.onConsole(s, ReloadOptions.DEFAULT.withTimes(java.time.Duration.ofSeconds(10),
          java.time.Duration.ofSeconds(10), java.time.Duration.ofMillis(50), java.time.Duration.ofMillis(200)));
      assertTrue(r.saveAsked());
      assertTrue(r.session() == s);
      // nothing in NVRAM: the router boots into the setup dialog again, declined, and is "Router" once more
      assertEquals(s.prompt().toString(), "Router#", "enabled again after the boot: " + log);
      assertTrue(s.execute("show version").output().contains("Cisco Internetwork Operating System Software"));
    }
  }
}
