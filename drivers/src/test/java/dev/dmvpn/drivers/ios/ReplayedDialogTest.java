package dev.dmvpn.drivers.ios;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;
import static org.testng.Assert.expectThrows;

import dev.dmvpn.drivers.channel.PromptTimeoutException;
import dev.dmvpn.drivers.channel.SyslogLine;
import dev.dmvpn.drivers.channel.Transcript;
import dev.dmvpn.drivers.transport.ReplayScript;
import dev.dmvpn.drivers.transport.ReplayTransport;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.testng.annotations.Test;

/**
 * Dialogs of ios-drivers.md section 2 played from recorded transcripts: the pager variants and dialog texts are
 * the unicon IOS mock's ({@code ../shared/fixtures/ios-outputs/_dialog_transcripts}), the login and error texts
 * IOS 12.3's as the virtual rack prints them.
 */
public class ReplayedDialogTest {
  private static final String LOGGED_IN = "R: \\r\\nsv9-4#\n";

  private static ReplayTransport replay(String script) {
    return new ReplayTransport(ReplayScript.parse(script), "test");
  }

  private static IosSession open(ReplayTransport t, Credentials c) throws IOException {
    return IosSession.open(t, c, SessionOptions.IOS_DEFAULT.withPaging().withCommandTimeout(Duration.ofMillis(300)),
        Transcript.none());
  }

  @Test
  public void everyPagerVariantIsAnsweredWithABlank() throws IOException {
    // unicon-plugins-mock_1.yaml: show_command_with_more*, escape_more*, *_backspace_*
    String[][] variants = {
        {"\\x20--More--\\x20", "\\b\\b\\b\\b\\b\\b\\b\\b\\b        \\b\\b\\b\\b\\b\\b\\b\\b\\b"},
        {"\\e[K --More--\\x20", "\\b \\b\\b \\b\\b \\b\\b \\b\\b \\b\\b \\b\\b \\b\\b \\b\\b \\b\\b \\b\\e[K"},
        {"\\e[7m--More--\\e[27m", ""},
        {"\\x20-- More --\\x20", ""},
    };
    for (String[] v : variants) {
      ReplayTransport t = replay(LOGGED_IN
          + "S: show version\\r\n"
          + "R: show version\\r\\nfirst" + v[0] + "\n"
          + "S: \\x20\n"
          + "R: " + v[1] + "second" + v[0] + "\n"
          + "S: \\x20\n"
          + "R: " + v[1] + "third\\r\\nsv9-4#\n");
      try (IosSession s = open(t, Credentials.NONE)) {
        assertEquals(s.execute("show version").output(), "firstsecondthird", v[0]);
      }
      assertTrue(t.finished(), v[0]);
    }
  }

  @Test
  public void syslogInTheMiddleOfOutputIsSeparated() throws IOException {
    ReplayTransport t = replay(LOGGED_IN
        + "S: show ip interface brief\\r\n"
        + "R: show ip interface brief\\r\\nInterface   IP-Address   OK? Method Status   Protocol\\r\\n"
        + "FastEthernet0/0   209.168.202.130 YES manual up   up\\r\\n\n"
        + "R: *Mar  1 00:01:02.123: %LINK-3-UPDOWN: Interface Tunnel0, changed state to up\\r\\n\n"
        + "R: Tunnel0   10.0.0.4   YES manual up   up\\r\\n"
        + "00:01:03: %LINEPROTO-5-UPDOWN: Line protocol on Interface Tunnel0, changed state to up\\r\\nsv9-4#\n");
    try (IosSession s = open(t, Credentials.NONE)) {
      CommandResult r = s.execute("show ip interface brief");
      assertEquals(r.output(), "Interface   IP-Address   OK? Method Status   Protocol\n"
          + "FastEthernet0/0   209.168.202.130 YES manual up   up\n"
          + "Tunnel0   10.0.0.4   YES manual up   up", "the line end before the prompt is the prompt's");
      assertEquals(r.syslog().stream().map(SyslogLine::text).toList(), List.of(
          "*Mar  1 00:01:02.123: %LINK-3-UPDOWN: Interface Tunnel0, changed state to up",
          "00:01:03: %LINEPROTO-5-UPDOWN: Line protocol on Interface Tunnel0, changed state to up"));
    }
  }

  @Test
  public void confirmIsAnsweredWithReturn() throws IOException {
    // unicon-plugins-mock_5.yaml: Clear "show interface" counters on all interfaces [confirm]
    ReplayTransport t = replay(LOGGED_IN
        + "S: clear counters\\r\n"
        + "R: clear counters\\r\\nClear \"show interface\" counters on all interfaces [confirm]\n"
        + "S: \\r\n"
        + "R: \\r\\nsv9-4#\n");
    try (IosSession s = open(t, Credentials.NONE)) {
      CommandResult r = s.execute("clear counters", List.of(DialogAnswer.CONFIRM));
      assertTrue(r.output().contains("[confirm]"));
    }
    assertTrue(t.finished());
  }

  @Test
  public void badPasswordFailsWithoutRetyping() {
    ReplayTransport t = replay("R: \\r\\n\\r\\nUser Access Verification\\r\\n\\r\\nPassword:\\x20\n"
        + "S: wrong-one\\r\n"
        + "R: \\r\\nPassword:\\x20\n");
    DriverException e = expectThrows(DriverException.class,
        () -> open(t, new Credentials(null, "wrong-one", null)));
    assertTrue(e.getMessage().contains("refused the login password"), e.getMessage());
  }

  @Test
  public void setupDialogAndPressReturnAreAnswered() throws IOException {
    // virtual-rack console of an unsaved router; unicon mock "Press RETURN to get started!"
    ReplayTransport t = replay("R: \\r\\n--- System Configuration Dialog ---\\r\\n\\r\\n"
        + "Would you like to enter the initial configuration dialog? [yes/no]:\\x20\n"
        + "S: no\\r\n"
        + "R: \\r\\n\\r\\nPress RETURN to get started!\\r\\n\\r\\n\n"
        + "S: \\r\n"
        + "R: \\r\\nRouter>\n");
    try (IosSession s = open(t, Credentials.NONE)) {
      assertEquals(s.prompt().toString(), "Router>");
    }
  }

  @Test
  public void aPromptThatNeverComesNamesWhatWasAwaited() throws IOException {
    ReplayTransport t = replay(LOGGED_IN
        + "S: show tech-support\\r\n"
        + "R: show tech-support\\r\\n------------------ show version ------------------\\r\\n\n"
        + "S: never\n");
    try (IosSession s = open(t, Credentials.NONE)) {
      long t0 = System.nanoTime();
      PromptTimeoutException e = expectThrows(PromptTimeoutException.class, () -> s.execute("show tech-support"));
      long ms = (System.nanoTime() - t0) / 1_000_000;
      assertTrue(e.getMessage().contains("the prompt of sv9-4 after 'show tech-support'"), e.getMessage());
      assertTrue(e.getMessage().contains("show version"), "shows the last text: " + e.getMessage());
      assertTrue(ms >= 300 && ms < 3000, "deadline honoured: " + ms + " ms");
    }
  }

  @Test
  public void connectionDroppedMidPushSaysWhichLinesWereApplied() throws IOException {
    ReplayTransport t = replay(LOGGED_IN
        + "S: configure terminal\\r\n"
        + "R: configure terminal\\r\\nEnter configuration commands, one per line.  End with CNTL/Z.\\r\\n"
        + "sv9-4(config)#\n"
        + "S: interface Tunnel0\\r\n"
        + "R: interface Tunnel0\\r\\nsv9-4(config-if)#\n"
        + "S: ip nhrp authentication cisco123\\r\n"
        + "R: ip nhrp authentication cisco123\\r\\nsv9-4(config-if)#\n"
        + "S: ip nhrp network-id 99\\r\n"
        + "CLOSE\n");
    try (IosSession s = open(t, Credentials.NONE)) {
      ConfigureResult r = s.configure(List.of("interface Tunnel0", " ip nhrp authentication cisco123",
          " ip nhrp network-id 99", " ip nhrp holdtime 300"));
      assertFalse(r.ok());
      assertEquals(r.applied().stream().map(ConfigureResult.AppliedLine::number).toList(), List.of(1, 2));
      assertEquals(r.unconfirmed().orElseThrow().number(), 3);
      assertTrue(r.connectionFailure().orElseThrow().contains("closed by the device"), r.toString());
    }
  }

  @Test
  public void logAtTheCursorAfterTheEchoDoesNotHideThePrompt() throws IOException {
    // unicon-plugins-mock_1.yaml line 504: a log printed right after the prompt
    ReplayTransport t = replay(LOGGED_IN
        + "S: show clock\\r\n"
        + "R: show clock\\r\\n*00:12:34.567 UTC Mon Mar 1 1993\\r\\nsv9-4#"
        + "Sep 26 23:05:38.267 IST: %SYS-5-CONFIG_I: Configured from console by console\\r\\n\n");
    try (IosSession s = open(t, Credentials.NONE)) {
      CommandResult r = s.execute("show clock");
      assertEquals(r.output(), "*00:12:34.567 UTC Mon Mar 1 1993");
      assertEquals(r.syslog().size(), 1);
    }
  }

  @Test
  public void aLogAndARedrawnPromptBetweenCommandsAreNotTheAnswer() throws IOException {
    // logging synchronous: the log arrives after the prompt, which IOS redraws; our command's echo follows it
    ReplayTransport t = replay(LOGGED_IN
        + "R: \\r\\n*Mar  1 00:05:00.001: %SYS-5-CONFIG_I: Configured from console by vty1 (127.0.0.1)\\r\\n"
        + "sv9-4#\n"
        + "S: show clock\\r\n"
        + "R: show clock\\r\\n*00:05:00.002 UTC Mon Mar 1 1993\\r\\nsv9-4#\n");
    try (IosSession s = open(t, Credentials.NONE)) {
      CommandResult r = s.execute("show clock");
      assertEquals(r.output(), "*00:05:00.002 UTC Mon Mar 1 1993");
      assertEquals(r.syslog().size(), 1, r.syslog().toString());
    }
  }

  @Test
  public void aRefusedOrUnansweredSecretLineIsMaskedInResultsAndErrors() throws IOException {
    ReplayTransport t = replay(LOGGED_IN
        + "S: configure terminal\\r\n"
        + "R: configure terminal\\r\\nsv9-4(config)#\n"
        + "S: username bob pasword hunter2x\\r\n"
        + "R: username bob pasword hunter2x\\r\\n                ^\\r\\n"
        + "% Invalid input detected at '^' marker.\\r\\n\\r\\nsv9-4(config)#\n"
        + "S: end\\r\n"
        + "R: end\\r\\nsv9-4#\n"
        + "S: configure terminal\\r\n"
        + "R: configure terminal\\r\\nsv9-4(config)#\n"
        + "S: crypto isakmp key hunter2x address 0.0.0.0 0.0.0.0\\r\n"
        + "S: never\n");
    try (IosSession s = open(t, Credentials.NONE)) {
      ConfigureResult r = s.configure(List.of("username bob pasword hunter2x"));
      assertEquals(r.rejected().orElseThrow().number(), 1);
      // the device never answers the key line: the timeout names the line, its key masked
      ConfigureResult cut = s.configure(List.of("crypto isakmp key hunter2x address 0.0.0.0 0.0.0.0"));
      assertTrue(cut.connectionFailure().orElseThrow().contains("crypto isakmp key *****"), cut.toString());
      assertFalse(cut.toString().contains("hunter2x"), cut.toString());
    }
  }

  @Test
  public void aWrongEchoIsAnError() throws IOException {
    ReplayTransport t = replay(LOGGED_IN
        + "S: show clock\\r\n"
        + "R: show clok\\r\\nsv9-4#\n");
    try (IosSession s = open(t, Credentials.NONE)) {
      DriverException e = expectThrows(DriverException.class, () -> s.execute("show clock"));
      assertTrue(e.getMessage().contains("echoed 'show clok'"), e.getMessage());
    }
  }
}
