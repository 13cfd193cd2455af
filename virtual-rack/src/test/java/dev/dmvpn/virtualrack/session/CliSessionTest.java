package dev.dmvpn.virtualrack.session;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

import dev.dmvpn.ref.time.SimulatedScheduler;
import dev.dmvpn.virtualrack.router.Chassis;
import java.time.Duration;
import org.testng.annotations.BeforeMethod;
import org.testng.annotations.Test;

/**
 * A VTY session driven character by character without sockets, on a simulated clock. Expected bytes are IOS's
 * as the sources named in each test give them.
 */
public class CliSessionTest {
  private SimulatedScheduler clock;
  private RouterCli cli;
  private CapturingTerminal term;
  private CliSession vty;

  /** sv9-4 booted from startup-config: hostname sv9-4, line vty 0 4 with password and login. */
  @BeforeMethod
  public void boot() {
    clock = new SimulatedScheduler();
    String startup = "hostname sv9-4\nenable secret cisco\nline vty 0 4\n password cisco\n login\nend\n";
    cli = RouterCli.boot(Chassis.sv94(), clock, startup);
    term = new CapturingTerminal();
    vty = cli.openVty(term, "127.0.0.1");
  }

  private String type(String s) {
    vty.input(s);
    return term.take();
  }

  private void login() {
    term.take();
    type("cisco\r");
  }

  @Test
  public void loginBannerAndPasswordNotEchoed() {
    assertEquals(term.take(), "\r\n\r\nUser Access Verification\r\n\r\nPassword: ");
    assertEquals(type("cisco"), "");
    assertEquals(type("\r"), "\r\n\r\nsv9-4>");
  }

  @Test
  public void threeBadPasswordsCloseWithBadPasswords() {
    term.take();
    assertEquals(type("x\r"), "\r\nPassword: ");
    assertEquals(type("y\r"), "\r\nPassword: ");
    assertEquals(type("z\r"), "\r\n% Bad passwords\r\n\r\n");
    assertTrue(term.closed());
    assertEquals(cli.openVtySessions(), 0);
  }

  @Test
  public void enableWithSecretThenPrompts() {
    login();
    assertEquals(type("en\r"), "en\r\nPassword: ");
    assertEquals(type("cisco\r"), "\r\nsv9-4#");
    assertEquals(type("conf t\r"), "conf t\r\nEnter configuration commands, one per line.  End with CNTL/Z.\r\n"
        + "sv9-4(config)#");
    assertEquals(type("int tu0\r"), "int tu0\r\nsv9-4(config-if)#");
    assertEquals(type("router eigrp 90\r"), "router eigrp 90\r\nsv9-4(config-router)#");
    assertEquals(type("crypto isakmp policy 10\r"), "crypto isakmp policy 10\r\nsv9-4(config-isakmp)#");
    assertEquals(type("crypto ipsec transform-set strong esp-3des esp-md5-hmac\r"),
        "crypto ipsec transform-set strong esp-3des esp-md5-hmac\r\nsv9-4(cfg-crypto-trans)#");
    assertEquals(type("crypto ipsec profile cisco\r"), "crypto ipsec profile cisco\r\nsv9-4(ipsec-profile)#");
    assertEquals(type("line vty 0 4\r"), "line vty 0 4\r\nsv9-4(config-line)#");
    assertEquals(type("exit\r"), "exit\r\nsv9-4(config)#");
    assertEquals(type("\u001a"), "^Z\r\nsv9-4#");
  }

  @Test
  public void badEnableSecretThreeTimes() {
    login();
    type("enable\r");
    assertEquals(type("a\r"), "\r\nPassword: ");
    assertEquals(type("b\r"), "\r\nPassword: ");
    assertEquals(type("c\r"), "\r\n% Bad secrets\r\n\r\nsv9-4>");
  }

  @Test
  public void invalidInputCaretUnderTheFirstCharacterThatMatchesNothing() {
    login();
    // "show f" is no prefix of any show keyword here: caret under the 'f' (prompt 6 + column 5)
    assertEquals(type("show foo\r"), "show foo\r\n           ^\r\n% Invalid input detected at '^' marker.\r\n\r\nsv9-4>");
    // "show vex": 'v' matches "version", 'e' matches, 'x' does not: caret under the 'x'
    assertEquals(type("show vex\r"), "show vex\r\n             ^\r\n% Invalid input detected at '^' marker.\r\n\r\nsv9-4>");
  }

  @Test
  public void incompleteAndAmbiguous() {
    login();
    type("enable\rcisco\r");
    assertEquals(type("show\r"), "show\r\n% Incomplete command.\r\n\r\nsv9-4#");
    assertEquals(type("c\r"), "c\r\n% Ambiguous command:  \"c\"\r\nsv9-4#");
  }

  @Test
  public void unknownExecWordIsTriedAsAHostName() {
    login();
    assertEquals(type("foo\r"), "foo\r\nTranslating \"foo\"...domain server (255.255.255.255)\r\n"
        + "% Unknown command or computer name, or unable to find computer address\r\nsv9-4>");
  }

  @Test
  public void questionMarkListsNextWords() {
    login();
    String out = type("terminal ?");
    assertEquals(out, "terminal ?\r\n"
        + "  length   Set number of lines on a screen\r\n"
        + "  monitor  Copy debug output to the current terminal line\r\n"
        + "  no       Negate a command or set its defaults\r\n"
        + "  width    Set width of the display terminal\r\n"
        + "\r\nsv9-4>terminal ");
  }

  @Test
  public void partialWordHelp() {
    login();
    assertEquals(type("sh?"), "sh?\r\nshow  \r\n\r\nsv9-4>sh");
  }

  @Test
  public void backspaceErases() {
    login();
    assertEquals(type("shx\u007f"), "shx\b \b");
    assertEquals(type("ow clock\r").contains("UTC Mon Mar 1 1993"), true);
  }

  @Test
  public void execTimeoutClosesTheVty() {
    login();
    clock.advance(Duration.ofMinutes(9));
    assertFalse(term.closed());
    type("\r");
    clock.advance(Duration.ofMinutes(9));
    assertFalse(term.closed());
    clock.advance(Duration.ofMinutes(1).plusSeconds(1));
    assertTrue(term.closed());
  }

  @Test
  public void pagingWithTerminalLength() {
    login();
    type("terminal length 10\r");
    String first = type("show version\r");
    assertTrue(first.endsWith(" --More-- "), first);
    // the echoed command, then 9 lines (terminal length 10 less the prompt row), then the --More-- prompt
    assertEquals(first.split("\r\n").length, 11, first);
    String next = type(" ");
    assertTrue(next.startsWith("\b\b\b\b\b\b\b\b\b        \b\b\b\b\b\b\b\b\b"), next);
    String rest = type("q");
    assertTrue(rest.endsWith("sv9-4>"), rest);
  }

  @Test
  public void upArrowRecallsHistoryAndOtherEscapesAreSwallowed() {
    login();
    type("show clock\r");
    // ESC [ A (up arrow) brings the line back; ESC [ C (right arrow) types nothing
    assertEquals(type("\u001b[A"), "show clock");
    assertEquals(type("\u001b[C"), "");
    assertEquals(type("\u0015"), "\b \b".repeat(10));
    // Ctrl-P past the oldest line rings the bell; Ctrl-N back to the empty line, Ctrl-P again recalls
    assertEquals(type("\u0010"), "\u0007");
    assertEquals(type("\u000e"), "");
    assertEquals(type("\u0010"), "show clock");
    assertTrue(type("\r").contains("UTC"));
    assertEquals(type("show history\r"), "show history\r\n  show clock\r\n  show clock\r\n  show history\r\nsv9-4>");
  }

  @Test
  public void outputModifiers() {
    login();
    type("enable\rcisco\rterminal length 0\r");
    assertEquals(type("show running-config | include ^hostname\r"),
        "show running-config | include ^hostname\r\nhostname sv9-4\r\nsv9-4#");
    assertEquals(type("show run | i ^line\r"), "show run | i ^line\r\nline con 0\r\nline aux 0\r\nline vty 0 4\r\nsv9-4#");
    String begin = type("sh run | b ^line vty\r");
    assertTrue(begin.startsWith("sh run | b ^line vty\r\nline vty 0 4\r\n password cisco\r\n login\r\n"), begin);
    // only the empty lines of show version have no character at all
    assertEquals(type("show version | exclude .\r").replace("\r\n", "|"), "show version | exclude .|||||||||sv9-4#");
    // an unknown modifier: caret under it
    assertEquals(type("show clock | foo x\r"), "show clock | foo x\r\n" + " ".repeat(6 + 13)
        + "^\r\n% Invalid input detected at '^' marker.\r\n\r\nsv9-4#");
    assertEquals(type("show clock | include\r"), "show clock | include\r\n% Incomplete command.\r\n\r\nsv9-4#");
  }

  @Test
  public void configIFromAVtyAppearsOnTheConsole() {
    CapturingTerminal console = new CapturingTerminal();
    cli.console().attach(console);
    login();
    type("enable\rcisco\rconfigure terminal\rend\r");
    console.take();
    // logged from the scheduler when configuration mode ends: at once on the simulated clock
    clock.advance(Duration.ZERO);
    assertEquals(console.take(),
        "*Mar  1 00:00:00.000: %SYS-5-CONFIG_I: Configured from console by vty0 (127.0.0.1)\r\n");
    clock.advance(Duration.ofMillis(1500));
    type("configure terminal\r\u001a");
    clock.advance(Duration.ZERO);
    assertEquals(console.take(),
        "*Mar  1 00:00:01.500: %SYS-5-CONFIG_I: Configured from console by vty0 (127.0.0.1)\r\n");
  }
}
