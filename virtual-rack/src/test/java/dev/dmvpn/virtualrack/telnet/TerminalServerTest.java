package dev.dmvpn.virtualrack.telnet;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;
import static org.testng.Assert.expectThrows;

import dev.dmvpn.ref.time.ExecutorScheduler;
import dev.dmvpn.virtualrack.router.Chassis;
import dev.dmvpn.virtualrack.session.RouterCli;
import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.List;
import org.testng.annotations.AfterMethod;
import org.testng.annotations.BeforeMethod;
import org.testng.annotations.Test;

/**
 * Consoles behind the emulated terminal server: the initial configuration dialog on a router without
 * startup-config, a second client on a busy line refused until {@code clear line N} on the terminal server, and
 * the console that outlives its connection.
 */
public class TerminalServerTest {
  static final Duration T = Duration.ofSeconds(10);
  private ExecutorScheduler scheduler;
  private TerminalServer ts;

  @BeforeMethod
  public void start() throws IOException {
    scheduler = ExecutorScheduler.realTime("vrack-ts-test");
    RouterCli unconfigured = RouterCli.boot(Chassis.sv94(), scheduler, null);
    RouterCli spoke = RouterCli.boot(Chassis.sv93(), scheduler, "hostname sv9-3\nend\n");
    RouterCli self = RouterCli.boot(Chassis.terminalServer(), scheduler,
        "hostname ts\nenable secret cisco\nline vty 0 4\n password cisco\n login\nend\n");
    ts = TerminalServer.start(self, List.of(unconfigured, spoke), 0, 0);
  }

  @AfterMethod(alwaysRun = true)
  public void stop() throws IOException {
    ts.close();
    scheduler.close();
  }

  @Test
  public void setupDialogThenConsoleExecAndConfigILog() throws IOException {
    try (RawClient c = new RawClient(ts.port(1))) {
      c.readBytes(12, T);
      c.send("\r\n");
      assertEquals(c.readUntil("[yes/no]: ", T), "\r\n% Please answer 'yes' or 'no'.\r\n"
          + "Would you like to enter the initial configuration dialog? [yes/no]: ");
      c.send("no\r\n");
      c.readUntil("Press RETURN to get started!", T);
      c.send("\r\n");
      c.readUntil("Router>", T);
      c.send("enable\r\n");
      c.readUntil("Router#", T);
      c.send("configure terminal\r\nhostname R1\r\nend\r\n");
      c.readUntil("R1#", T);
      String log = c.readUntil("by console\r\n", T);
      assertTrue(log.matches("\\*Mar  1 \\d\\d:\\d\\d:\\d\\d\\.\\d{3}: %SYS-5-CONFIG_I: Configured from console by console\r\n"),
          log);
    }
  }

  @Test
  public void busyLineRefusedUntilClearLine() throws Exception {
    RawClient first = new RawClient(ts.port(2));
    first.send("\r\n");
    first.readUntil("sv9-3>", T);
    first.send("enable\r\n");
    first.readUntil("sv9-3#", T);
    ConnectException refused = expectThrows(ConnectException.class, () -> new RawClient(ts.port(2)));
    assertTrue(refused.getMessage().contains("Connection refused"), refused.getMessage());

    try (RawClient admin = VtyTelnetTest.loggedIn(ts.vtyPort(), "ts")) {
      admin.send("clear line 2\r\n");
      assertEquals(admin.readUntil("[confirm]", T), "clear line 2\r\n[confirm]");
      admin.send("\r\n");
      assertEquals(admin.readUntil("ts#", T), "\r\n [OK]\r\nts#");
    }
    first.readToEnd(T);
    first.close();
    RawClient second = connectWhenListening(ts.port(2));
    second.send("\r\n");
    // the console session outlived the connection: still privileged
    second.readUntil("sv9-3#", T);
    second.close();
  }

  private static RawClient connectWhenListening(int port) throws Exception {
    long deadline = System.nanoTime() + T.toNanos();
    while (true) {
      try {
        return new RawClient(port);
      } catch (ConnectException e) {
        if (System.nanoTime() > deadline) {
          throw e;
        }
        Thread.sleep(20);
      }
    }
  }
}
