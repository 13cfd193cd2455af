package dev.dmvpn.virtualrack.session;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

import dev.dmvpn.ref.time.SimulatedScheduler;
import dev.dmvpn.virtualrack.router.Chassis;
import java.time.Duration;
import org.testng.annotations.Test;

/** {@code reload}: the save question after configuration changes, {@code [confirm]}, and a router back to NVRAM. */
public class ReloadTest {

  @Test
  public void unsavedChangeIsAskedAboutThenLostOnNo() {
    SimulatedScheduler clock = new SimulatedScheduler();
    RouterCli cli = RouterCli.boot(Chassis.sv94(), clock, "hostname sv9-4\nline vty 0 4\n no login\nend\n");
    CapturingTerminal console = new CapturingTerminal();
    cli.console().attach(console);
    CapturingTerminal t = new CapturingTerminal();
    cli.openVty(t, "127.0.0.1");
    cli.console().input("\renable\rconfigure terminal\rhostname changed\rend\r");
    clock.advance(Duration.ofMinutes(5));
    assertTrue(console.take().endsWith("%SYS-5-CONFIG_I: Configured from console by console\r\n"));
    cli.console().input("reload\r");
    assertEquals(console.take(), "reload\r\nSystem configuration has been modified. Save? [yes/no]: ");
    cli.console().input("maybe\r");
    assertEquals(console.take(), "maybe\r\n% Please answer 'yes' or 'no'.\r\n"
        + "System configuration has been modified. Save? [yes/no]: ");
    cli.console().input("no\r");
    assertEquals(console.take(), "no\r\nProceed with reload? [confirm]");
    cli.console().input("\r");
    clock.advance(Duration.ZERO);
    String boot = console.take();
    assertTrue(boot.contains("%SYS-5-RELOAD: Reload requested by console. Reload Reason: Reload Command."), boot);
    assertTrue(boot.endsWith("Press RETURN to get started!\r\n\r\n\r\n"), boot);
    assertTrue(t.closed(), "VTY sessions end with the reload");
    assertEquals(cli.router().hostname(), "sv9-4");
    assertTrue(cli.router().uptime().isZero());
    cli.console().input("\r");
    assertEquals(console.take(), "\r\nsv9-4>");
  }

  @Test
  public void savedRouterReloadsWithoutTheQuestion() {
    SimulatedScheduler clock = new SimulatedScheduler();
    RouterCli cli = RouterCli.boot(Chassis.sv94(), clock, null);
    CapturingTerminal console = new CapturingTerminal();
    cli.console().attach(console);
    cli.console().input("no\r\renable\rconfigure terminal\rhostname saved\rend\rwrite memory\r");
    console.take();
    cli.console().input("reload\r");
    assertEquals(console.take(), "reload\r\nProceed with reload? [confirm]");
    cli.console().input("\r");
    clock.advance(Duration.ZERO);
    console.take();
    cli.console().input("\r");
    assertEquals(console.take(), "\r\nsaved>");
  }
}
