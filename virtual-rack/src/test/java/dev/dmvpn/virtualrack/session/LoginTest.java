package dev.dmvpn.virtualrack.session;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

import dev.dmvpn.ref.time.SimulatedScheduler;
import dev.dmvpn.virtualrack.router.Chassis;
import java.time.Duration;
import org.testng.annotations.Test;

/**
 * The login and enable variants of {@code line vty 0 4}: {@code login local} with {@code % Login invalid},
 * {@code login} without a password, no {@code login}, {@code enable password}, no enable password on a VTY, and
 * {@code clear line vty}. Message texts: unicon's and netmiko's patterns (ios-drivers.md rows 10 and 11).
 */
public class LoginTest {
  private SimulatedScheduler clock;

  private RouterCli boot(String startup) {
    clock = new SimulatedScheduler();
    return RouterCli.boot(Chassis.sv94(), clock, startup);
  }

  @Test
  public void loginLocalWithLoginInvalid() {
    RouterCli cli = boot("hostname sv9-4\nusername admin secret s3cret\nline vty 0 4\n login local\nend\n");
    CapturingTerminal t = new CapturingTerminal();
    CliSession s = cli.openVty(t, "127.0.0.1");
    assertEquals(t.take(), "\r\n\r\nUser Access Verification\r\n\r\nUsername: ");
    s.input("admin\r");
    assertEquals(t.take(), "admin\r\nPassword: ");
    s.input("wrong\r");
    assertEquals(t.take(), "\r\n% Login invalid\r\n\r\nUsername: ");
    s.input("admin\rs3cret\r");
    assertEquals(t.take(), "admin\r\nPassword: \r\n\r\nsv9-4>");
  }

  @Test
  public void loginLocalThreeFailuresDisconnect() {
    RouterCli cli = boot("hostname sv9-4\nline vty 0 4\n login local\nend\n");
    CapturingTerminal t = new CapturingTerminal();
    CliSession s = cli.openVty(t, "127.0.0.1");
    s.input("a\rb\rc\rd\re\rf\r");
    assertTrue(t.closed());
    assertTrue(t.take().endsWith("% Login invalid\r\n\r\n"));
  }

  @Test
  public void loginWithoutPasswordRefuses() {
    // sv9-3's own vty block: "line vty 0 4 / login" and no password (seed lines 354-358)
    RouterCli cli = boot("hostname sv9-3\nline vty 0 4\n login\nend\n");
    CapturingTerminal t = new CapturingTerminal();
    cli.openVty(t, "127.0.0.1");
    assertEquals(t.take(), "\r\n\r\nPassword required, but none set\r\n");
    assertTrue(t.closed());
    assertEquals(cli.openVtySessions(), 0);
  }

  @Test
  public void noLoginGoesStraightToExecAndEnableNeedsAPassword() {
    RouterCli cli = boot("hostname sv9-4\nline vty 0 4\n no login\nend\n");
    CapturingTerminal t = new CapturingTerminal();
    CliSession s = cli.openVty(t, "127.0.0.1");
    assertEquals(t.take(), "\r\nsv9-4>");
    s.input("enable\r");
    assertEquals(t.take(), "enable\r\n% No password set\r\nsv9-4>");
  }

  @Test
  public void enablePasswordAndBadPasswords() {
    RouterCli cli = boot("hostname sv9-4\nenable password cisco\nline vty 0 4\n no login\nend\n");
    CapturingTerminal t = new CapturingTerminal();
    CliSession s = cli.openVty(t, "127.0.0.1");
    s.input("enable\rx\ry\rz\r");
    assertTrue(t.take().endsWith("Password: \r\n% Bad passwords\r\n\r\nsv9-4>"));
    s.input("enable\rcisco\r");
    assertTrue(t.take().endsWith("\r\nsv9-4#"));
  }

  @Test
  public void clearLineVtyEndsTheOtherSession() {
    RouterCli cli = boot("hostname sv9-4\nenable password cisco\nline vty 0 4\n no login\nend\n");
    CapturingTerminal admin = new CapturingTerminal();
    CapturingTerminal victim = new CapturingTerminal();
    CliSession a = cli.openVty(admin, "127.0.0.1");
    cli.openVty(victim, "127.0.0.1");
    a.input("enable\rcisco\rclear line vty 1\r");
    assertTrue(admin.take().endsWith("clear line vty 1\r\n[confirm]"));
    a.input("\r");
    assertEquals(admin.take(), "\r\n [OK]\r\nsv9-4#");
    clock.advance(Duration.ZERO);
    assertTrue(victim.closed());
    assertEquals(cli.openVtySessions(), 1);
  }
}
