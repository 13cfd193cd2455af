package dev.dmvpn.virtualrack.session;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

import dev.dmvpn.ref.time.SimulatedScheduler;
import dev.dmvpn.virtualrack.router.Chassis;
import java.time.Duration;
import org.testng.annotations.Test;

/** The console line: setup dialog, Press RETURN, exec-timeout back to "con0 is now available", show line. */
public class ConsoleSessionTest {

  @Test
  public void setupDialogAnswers() {
    RouterCli cli = RouterCli.boot(Chassis.sv94(), new SimulatedScheduler(), null);
    CapturingTerminal t = new CapturingTerminal();
    cli.console().attach(t);
    cli.console().input("maybe\r");
    // unicon's IOS mock (ios_setup): anything but yes/no is asked again
    assertEquals(t.take(), "maybe\r\n% Please answer 'yes' or 'no'.\r\n"
        + "Would you like to enter the initial configuration dialog? [yes/no]: ");
    cli.console().input("no\r");
    assertEquals(t.take(), "no\r\n\r\n\r\nPress RETURN to get started!\r\n\r\n\r\n");
    cli.console().input("\r");
    assertEquals(t.take(), "\r\nRouter>");
  }

  @Test
  public void execTimeoutReturnsTheConsoleToPressReturn() {
    SimulatedScheduler clock = new SimulatedScheduler();
    RouterCli cli = RouterCli.boot(Chassis.sv93(), clock, "hostname sv9-3\nline con 0\n exec-timeout 0 30\nend\n");
    CapturingTerminal t = new CapturingTerminal();
    cli.console().attach(t);
    cli.console().input("\renable\r");
    t.take();
    clock.advance(Duration.ofSeconds(31));
    assertEquals(t.take(), "\r\n\r\nsv9-3 con0 is now available\r\n\r\n\r\n\r\n\r\n\r\nPress RETURN to get started.\r\n\r\n");
    cli.console().input("\r");
    assertEquals(t.take(), "\r\nsv9-3>");
  }

  @Test
  public void exitOnTheDocumentsHubConsoleNeverTimesOut() {
    SimulatedScheduler clock = new SimulatedScheduler();
    // the hub's "line con 0 / exec-timeout 0 0" (seed lines 232-233)
    RouterCli cli = RouterCli.boot(Chassis.sv92(), clock, "hostname sv9-2\nline con 0\n exec-timeout 0 0\nend\n");
    CapturingTerminal t = new CapturingTerminal();
    cli.console().attach(t);
    cli.console().input("\r");
    t.take();
    clock.advance(Duration.ofDays(2));
    assertEquals(t.take(), "");
    cli.console().input("show line\r");
    String lines = t.take();
    assertTrue(lines.contains("   Tty Typ     Tx/Rx    A Modem  Roty AccO AccI   Uses   Noise  Overruns   Int\r\n"), lines);
    assertTrue(lines.contains("*    0 CTY"), lines);
    assertTrue(lines.contains("    70 VTY"), lines);
  }
}
