package dev.dmvpn.virtualrack.session;

import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

import dev.dmvpn.ref.time.SimulatedScheduler;
import dev.dmvpn.virtualrack.router.Chassis;
import java.time.Duration;
import java.util.Random;
import org.testng.annotations.Test;

/**
 * Random typing (seeded): command words, fragments, digits, addresses, {@code ?}, Tab, Ctrl keys, escapes and
 * Returns, on a console in privileged mode. No handler may fail ({@code %Internal error}) and the router must
 * still answer afterwards.
 */
public class SessionFuzzTest {
  private static final String[] WORDS = {
    "show ", "sh ", "run ", "conf ", "t ", "interface ", "int ", "fa0/0 ", "Tunnel0 ", "tu1 ", "ip ", "address ",
    "nhrp ", "map ", "multicast ", "dynamic ", "no ", "router ", "eigrp ", "90 ", "network ", "crypto ",
    "isakmp ", "policy ", "10 ", "ipsec ", "profile ", "transform-set ", "strong ", "esp-3des ", "set ", "line ",
    "vty ", "0 ", "4 ", "exec-timeout ", "password ", "login ", "local ", "enable ", "secret ", "end ", "exit ",
    "do ", "copy ", "write ", "clear ", "terminal ", "length ", "monitor ", "hostname ", "1.1.1.1 ",
    "255.255.255.0 ", "999 ", "-1 ", "4294967296 ", "?", "\t", "\r", "\r", "\r", "\u001a", "\u0003", "\u0015",
    "\u007f", "\u001b[A", "\u001b[", "\u0010", "q", " ", "y", "yes", "n"
  };

  @Test
  public void randomTypingNeverBreaksAHandler() {
    SimulatedScheduler clock = new SimulatedScheduler();
    RouterCli cli = RouterCli.boot(Chassis.sv94(), clock, "hostname sv9-4\nline con 0\n exec-timeout 0 0\nend\n");
    CapturingTerminal t = new CapturingTerminal();
    cli.console().attach(t);
    cli.console().input("\renable\r");
    Random random = new Random(8);
    for (int i = 0; i < 20_000; i++) {
      cli.console().input(WORDS[random.nextInt(WORDS.length)]);
      if (i % 500 == 0) {
        clock.advance(Duration.ofSeconds(1));
        String out = t.take();
        assertFalse(out.contains("%Internal error"), out);
      }
    }
    clock.advance(Duration.ofSeconds(1));
    assertFalse(t.take().contains("%Internal error"));
    // back to a known state: leave any dialog, mode and paging, then ask the clock
    cli.console().input("\u0003q\r\u001a\rend\r");
    t.take();
    cli.console().input("\u0015\r\r");
    cli.console().input("show clock\r");
    clock.advance(Duration.ofSeconds(1));
    String out = t.take();
    assertTrue(out.contains(" UTC ") || out.contains("Press RETURN") || out.contains("[yes/no]"), out);
  }
}
