package dev.dmvpn.drivers.ios;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;
import static org.testng.Assert.expectThrows;

import dev.dmvpn.drivers.channel.SyslogLine;
import dev.dmvpn.drivers.channel.Transcript;
import dev.dmvpn.drivers.parse.DebugEvent;
import dev.dmvpn.drivers.parse.NhrpEntry;
import dev.dmvpn.drivers.parse.ShowIpNhrpParser;
import dev.dmvpn.drivers.transport.ReplayScript;
import dev.dmvpn.drivers.transport.ReplayTransport;
import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.testng.annotations.Test;

/**
 * The operations of issue 9 over recorded transcripts: reload on a console (boot text and {@code Press RETURN} from
 * unicon's {@code ios_mock_reload.yaml}, {@code _dialog_transcripts/unicon-plugins-mock_2.yaml}) and over a VTY
 * (drop, refused reconnects, login), extended ping (the unicon mock's questions, {@code unicon-plugins-mock_3.yaml})
 * and traceroute, debug lines and log messages interleaved with a command's output (debug texts from the seed
 * document's sv9-4 and sv9-3 debugs, lines 526-549 and 791-856), and a configure rollback.
 */
public class ReplayedOperationsTest {
  private static final String ENABLED = "R: \\r\\nsv9-4#\n";
  private static final Credentials CREDS = new Credentials(null, null, "enable-sec-0815");

  private static ReplayTransport replay(String script) {
    return new ReplayTransport(ReplayScript.parse(script), "test");
  }

  private static IosSession open(ReplayTransport t) throws IOException {
    return IosSession.open(t, CREDS,
        SessionOptions.IOS_DEFAULT.withPaging().withCommandTimeout(Duration.ofMillis(500)), Transcript.none());
  }

  private static final String RELOAD_DIALOG = "S: reload\\r\n"
      + "R: reload\\r\\nSystem configuration has been modified. Save? [yes/no]:\\x20\n"
      + "S: no\\r\n"
      + "R: no\\r\\nProceed with reload? [confirm]\n"
      + "S: \\r\n";

  /**
   * A log message that arrives while IOS waits at a question is printed at the cursor; once the channel has moved it
   * out, a line break follows the question. The driver must still see the question (CI met this on the virtual
   * rack: the {@code %SYS-5-CONFIG_I} of the preceding configuration landed just after {@code Save? [yes/no]:}).
   */
  @Test
  public void aLogLineAfterTheReloadQuestionsDoesNotHideThem() throws IOException {
    ReplayTransport t = replay(ENABLED
        + "S: reload\\r\n"
        + "R: reload\\r\\nSystem configuration has been modified. Save? [yes/no]:\\x20"
        + "\\r\\n*Mar  1 00:10:00.001: %SYS-5-CONFIG_I: Configured from console by console\\r\\n\n"
        + "S: no\\r\n"
        + "R: no\\r\\nProceed with reload? [confirm]"
        + "\\r\\n*Mar  1 00:10:00.002: %LINK-3-UPDOWN: Interface Tunnel0, changed state to up\\r\\n\n"
        + "S: \\r\n"
        + "R: \\r\\n*Mar  1 00:10:00.123: %SYS-5-RELOAD: Reload requested by console.\\r\\n\\r\\n"
        + "\\r\\n\\r\\nPress RETURN to get started!\\r\\n\\r\\n\n"
        + "S: \\r\n"
        + "R: \\r\\nsv9-4>\n"
        + "S: enable\\r\n"
        + "R: enable\\r\\nPassword:\\x20\n"
        + "S: enable-sec-0815\\r\n"
        + "R: \\r\\nsv9-4#\n");
    try (IosSession s = open(t)) {
      ReloadResult r = Reload.onConsole(s, ReloadOptions.DEFAULT);
      assertTrue(r.saveAsked());
      assertEquals(s.prompt().toString(), "sv9-4#");
    }
    assertTrue(t.finished());
  }

  @Test
  public void reloadOnTheConsoleWaitsForTheBootAndLogsInAgain() throws IOException {
    ReplayTransport t = replay(ENABLED + RELOAD_DIALOG
        + "R: \\r\\n*Mar  1 00:10:00.123: %SYS-5-RELOAD: Reload requested by console.\\r\\n\\r\\n"
        + "System Bootstrap, Version 12.2(8r)T2, RELEASE SOFTWARE (fc1)\\r\\n\\r\\n"
        + "                      Restricted Rights Legend\\r\\n\\r\\n"
        + "Use, duplication, or disclosure by the Government is\\r\\n"
        + "                   cisco Systems, Inc.\\r\\n                   170 West Tasman Drive\\r\\n"
        + "cisco 2691 (R7000) processor (revision 0.1) with 119808K/11264K bytes of memory.\\r\\n\n"
        + "R: \\r\\n\\r\\nPress RETURN to get started!\\r\\n\\r\\n\n"
        + "S: \\r\n"
        + "R: \\r\\nsv9-4>\n"
        + "S: enable\\r\n"
        + "R: enable\\r\\nPassword:\\x20\n"
        + "S: enable-sec-0815\\r\n"
        + "R: \\r\\nsv9-4#\n");
    try (IosSession s = open(t)) {
      ReloadResult r = Reload.onConsole(s, ReloadOptions.DEFAULT);
      assertTrue(r.saveAsked());
      assertEquals(r.saveAnswer().orElseThrow(), "no");
      assertEquals(r.attempts(), 0);
      assertTrue(r.session() == s, "a console keeps its connection");
      assertEquals(s.prompt().toString(), "sv9-4#", "back in privileged exec");
    }
    assertTrue(t.finished());
  }

  @Test
  public void reloadOverAVtyReconnectsWithBackOffUntilTheDeviceAnswers() throws IOException {
    ReplayTransport first = replay(ENABLED
        + "S: reload\\r\n"
        + "R: reload\\r\\nProceed with reload? [confirm]\n"
        + "S: \\r\n"
        + "R: \\r\\n*Mar  1 00:10:00.123: %SYS-5-RELOAD: Reload requested by admin on vty0 (127.0.0.1).\\r\\n\n"
        + "CLOSE\n");
    ReplayTransport after = replay("R: \\r\\n\\r\\nUser Access Verification\\r\\n\\r\\nPassword:\\x20\n"
        + "S: vty-pass\\r\n"
        + "R: \\r\\nsv9-4>\n"
        + "S: enable\\r\n"
        + "R: enable\\r\\nPassword:\\x20\n"
        + "S: enable-sec-0815\\r\n"
        + "R: \\r\\nsv9-4#\n");
    Deque<Object> attempts = new ArrayDeque<>(List.of(new ConnectException("Connection refused"),
        new ConnectException("Connection refused"), after));
    long[] at = new long[3];
    int[] n = {0};
    SessionFactory factory = () -> {
      at[n[0]++] = System.nanoTime();
      Object next = attempts.pop();
      if (next instanceof IOException e) {
        throw e;
      }
      return IosSession.open((ReplayTransport) next, new Credentials(null, "vty-pass", "enable-sec-0815"),
          SessionOptions.IOS_DEFAULT.withPaging(), Transcript.none());
    };
    ReloadOptions o = ReloadOptions.DEFAULT.withTimes(Duration.ofSeconds(2), Duration.ofSeconds(5),
        Duration.ofMillis(40), Duration.ofMillis(100));
    IosSession s = open(first);
    ReloadResult r = Reload.overVty(s, factory, o);
    try (IosSession fresh = r.session()) {
      assertFalse(r.saveAsked(), "no Save? question: nothing was modified");
      assertEquals(r.attempts(), 3);
      assertEquals(fresh.prompt().toString(), "sv9-4#");
      assertEquals(r.syslog().stream().map(SyslogLine::text).filter(l -> l.contains("%SYS-5-RELOAD")).count(), 1L);
      long gap1 = (at[1] - at[0]) / 1_000_000;
      long gap2 = (at[2] - at[1]) / 1_000_000;
      assertTrue(gap1 >= 40 && gap2 >= 80, "back-off doubles: " + gap1 + " ms, then " + gap2 + " ms");
    }
    assertTrue(after.finished());
  }

  @Test
  public void aDeviceThatNeverComesBackNamesTheAttempts() throws IOException {
    ReplayTransport first = replay(ENABLED
        + "S: reload\\r\n"
        + "R: reload\\r\\nProceed with reload? [confirm]\n"
        + "S: \\r\n"
        + "CLOSE\n");
    SessionFactory refused = () -> {
      throw new ConnectException("Connection refused");
    };
    ReloadOptions o = ReloadOptions.DEFAULT.withTimes(Duration.ofSeconds(2), Duration.ofMillis(200),
        Duration.ofMillis(20), Duration.ofMillis(50));
    long t0 = System.nanoTime();
    DriverException e = expectThrows(DriverException.class, () -> Reload.overVty(open(first), refused, o));
    long ms = (System.nanoTime() - t0) / 1_000_000;
    assertTrue(e.getMessage().contains("did not answer within 200 ms"), e.getMessage());
    assertTrue(e.getMessage().contains("Connection refused"), e.getMessage());
    assertTrue(ms >= 200 && ms < 2000, ms + " ms");
  }

  @Test
  public void extendedPingAnswersEveryQuestionAndParsesTheResult() throws IOException {
    ReplayTransport t = replay(ENABLED
        + "S: ping\\r\n"
        + "R: ping\\r\\nProtocol [ip]:\\x20\n"
        + "S: \\r\n"
        + "R: \\r\\nTarget IP address:\\x20\n"
        + "S: 2.2.2.2\\r\n"
        + "R: 2.2.2.2\\r\\nRepeat count [5]:\\x20\n"
        + "S: 10\\r\n"
        + "R: 10\\r\\nDatagram size [100]:\\x20\n"
        + "S: 1400\\r\n"
        + "R: 1400\\r\\nTimeout in seconds [2]:\\x20\n"
        + "S: \\r\n"
        + "R: \\r\\nExtended commands [n]:\\x20\n"
        + "S: y\\r\n"
        + "R: y\\r\\nSource address or interface:\\x20\n"
        + "S: Loopback0\\r\n"
        + "R: Loopback0\\r\\nType of service [0]:\\x20\n"
        + "S: \\r\n"
        + "R: \\r\\nSet DF bit in IP header? [no]:\\x20\n"
        + "S: \\r\n"
        + "R: \\r\\nValidate reply data? [no]:\\x20\n"
        + "S: \\r\n"
        + "R: \\r\\nData pattern [0xABCD]:\\x20\n"
        + "S: \\r\n"
        + "R: \\r\\nLoose, Strict, Record, Timestamp, Verbose[none]:\\x20\n"
        + "S: \\r\n"
        + "R: \\r\\nSweep range of sizes [n]:\\x20\n"
        + "S: n\\r\n"
        + "R: n\\r\\nType escape sequence to abort.\\r\\n"
        + "Sending 10, 1400-byte ICMP Echos to 2.2.2.2, timeout is 2 seconds:\\r\\n"
        + "Packet sent with a source address of 4.4.4.4\\r\\n!!!!!!!!!!\\r\\n"
        + "Success rate is 100 percent (10/10), round-trip min/avg/max = 8/9/12 ms\\r\\nsv9-4#\n");
    try (IosSession s = open(t)) {
      PingOutcome p = Reachability.ping(s, PingRequest.to("2.2.2.2").repeat(10).size(1400).source("Loopback0"));
      assertEquals(p.result().count(), 10);
      assertEquals(p.result().sizeBytes(), 1400);
      assertEquals(p.result().source(), "4.4.4.4");
      assertEquals(p.result().received(), 10);
      assertEquals(p.result().avgMs(), Integer.valueOf(9));
    }
    assertTrue(t.finished());
  }

  @Test
  public void extendedTracerouteAnswersTheDialogAndParsesHops() throws IOException {
    ReplayTransport t = replay(ENABLED
        + "S: traceroute\\r\n"
        + "R: traceroute\\r\\nProtocol [ip]:\\x20\n"
        + "S: \\r\n"
        + "R: \\r\\nTarget IP address:\\x20\n"
        + "S: 2.2.2.2\\r\n"
        + "R: 2.2.2.2\\r\\nSource address:\\x20\n"
        + "S: 4.4.4.4\\r\n"
        + "R: 4.4.4.4\\r\\nNumeric display [n]:\\x20\n"
        + "S: y\\r\n"
        + "R: y\\r\\nTimeout in seconds [3]:\\x20\n"
        + "S: \\r\n"
        + "R: \\r\\nProbe count [3]:\\x20\n"
        + "S: 2\\r\n"
        + "R: 2\\r\\nMinimum Time to Live [1]:\\x20\n"
        + "S: 1\\r\n"
        + "R: 1\\r\\nMaximum Time to Live [30]:\\x20\n"
        + "S: 5\\r\n"
        + "R: 5\\r\\nPort Number [33434]:\\x20\n"
        + "S: \\r\n"
        + "R: \\r\\nLoose, Strict, Record, Timestamp, Verbose[none]:\\x20\n"
        + "S: \\r\n"
        + "R: \\r\\nType escape sequence to abort.\\r\\nTracing the route to 2.2.2.2\\r\\n\\r\\n"
        + "  1 192.168.1.1 8 msec 4 msec\\r\\n  2 192.168.1.2 12 msec *\\r\\nsv9-4#\n");
    try (IosSession s = open(t)) {
      TracerouteOutcome r = Reachability.traceroute(s,
          TracerouteRequest.to("2.2.2.2").source("4.4.4.4").numericDisplay().probes(2).ttl(1, 5));
      assertEquals(r.result().target(), "2.2.2.2");
      assertEquals(r.result().hops().size(), 2);
      assertEquals(r.result().hops().get(1).probes().size(), 2);
    }
    assertTrue(t.finished());
  }

  @Test
  public void debugLinesAndLogsAmongCommandOutputBecomeEvents() throws IOException {
    ReplayTransport t = replay(ENABLED
        + "S: terminal monitor\\r\n"
        + "R: terminal monitor\\r\\nsv9-4#\n"
        + "S: debug nhrp\\r\n"
        + "R: debug nhrp\\r\\nNHRP protocol debugging is on\\r\\nsv9-4#\n"
        + "S: debug crypto ipsec\\r\n"
        + "R: debug crypto ipsec\\r\\nCrypto IPSEC debugging is on\\r\\nsv9-4#\n"
        + "S: show ip nhrp\\r\n"
        + "R: show ip nhrp\\r\\n*Mar  1 02:06:01.679: NHRP: Encapsulation succeeded.\\r\\n"
        + "    Tunnel IP addr 209.168.202.225\\r\\n"
        + "192.168.1.1/32 via 192.168.1.1, Tunnel0 created 00:10:03, never expire\\x20\\r\\n\n"
        + "R:   Type: static, Flags: authoritative\\r\\n"
        + "*Mar  1 02:06:01.680: %LINEPROTO-5-UPDOWN: Line protocol on Interface Tunnel0, changed state to up\\r\\n"
        + "  NBMA address: 209.168.202.225\\r\\n"
        + "*Mar  1 02:06:01.683: IPSEC(validate_proposal_request): proposal part #1,\\r\\n"
        + "  (key eng. msg.) INBOUND local= 209.168.202.130, remote= 209.168.202.131,\\r\\n"
        + "    protocol= ESP, transform= esp-3des esp-md5-hmac ,\\r\\nsv9-4#\n"
        + "R: \\r\\n05:50:48: ISAKMP (0:26): processing NONCE payload.\\r\\n\n"
        + "S: undebug all\\r\n"
        + "R: undebug all\\r\\nAll possible debugging has been turned off\\r\\nsv9-4#\n"
        + "S: terminal no monitor\\r\n"
        + "R: terminal no monitor\\r\\nsv9-4#\n");
    try (IosSession s = open(t)) {
      DebugCapture c = DebugCapture.start(s, List.of("debug nhrp", "debug crypto ipsec"), true);
      CommandResult nhrp = s.execute("show ip nhrp");
      List<NhrpEntry> entries = ShowIpNhrpParser.parse(nhrp.output());
      assertEquals(entries.size(), 1, nhrp.output());
      assertEquals(entries.get(0).nbma(), "209.168.202.225");
      assertFalse(nhrp.output().contains("NHRP:") || nhrp.output().contains("IPSEC"), nhrp.output());
      DebugEvent nonce = c.await(e -> "ISAKMP".equals(e.facility()), Duration.ofMillis(200), "ISAKMP");
      assertEquals(nonce.context(), "0:26");
      assertTrue(nonce.timestamp().uptime(), "uptime stamp");
      DebugCaptureResult r = c.stop();
      assertEquals(r.events().size(), 3, r.events().toString());
      DebugEvent encap = r.events().get(0);
      assertEquals(encap.facility(), "NHRP");
      assertEquals(encap.message(), "Encapsulation succeeded. Tunnel IP addr 209.168.202.225");
      assertFalse(encap.timestamp().uptime(), "datetime stamp");
      DebugEvent ipsec = r.events().get(1);
      assertEquals(ipsec.facility(), "IPSEC");
      assertEquals(ipsec.context(), "validate_proposal_request");
      assertTrue(ipsec.message().contains("INBOUND local= 209.168.202.130")
          && ipsec.message().contains("transform= esp-3des esp-md5-hmac"), ipsec.message());
      assertEquals(r.syslog().size(), 1);
      assertTrue(r.syslog().get(0).text().contains("%LINEPROTO-5-UPDOWN"));
    }
    assertTrue(t.finished());
  }

  @Test
  public void awaitingAnEventThatNeverComesTimesOut() throws IOException {
    ReplayTransport t = replay(ENABLED
        + "S: debug nhrp\\r\n"
        + "R: debug nhrp\\r\\nNHRP protocol debugging is on\\r\\nsv9-4#\n"
        + "S: undebug all\\r\n");
    try (IosSession s = open(t)) {
      DebugCapture c = DebugCapture.start(s, List.of("debug nhrp"), false);
      DriverException e = expectThrows(DriverException.class,
          () -> c.await(x -> true, Duration.ofMillis(150), "of any kind"));
      assertTrue(e.getMessage().contains("no debug event of any kind"), e.getMessage());
      assertTrue(c.events().isEmpty());
    }
  }

  @Test
  public void rejectedLineRollsBackWithInverseThenRepairLines() throws IOException {
    String showRun = "R: show running-config\\r\\nBuilding configuration...\\r\\n\\r\\n"
        + "Current configuration : 95 bytes\\r\\n!\\r\\nhostname sv9-4\\r\\n!\\r\\ninterface Tunnel0\\r\\n"
        + " ip address 10.0.0.4 255.255.255.0\\r\\n ip nhrp holdtime 300\\r\\n!\\r\\nend\\r\\n\\r\\nsv9-4#\n";
    ReplayTransport t = replay(ENABLED
        + "S: show running-config\\r\n" + showRun
        + "S: configure terminal\\r\n"
        + "R: configure terminal\\r\\nEnter configuration commands, one per line.  End with CNTL/Z.\\r\\n"
        + "sv9-4(config)#\n"
        + "S: interface Tunnel0\\r\n"
        + "R: interface Tunnel0\\r\\nsv9-4(config-if)#\n"
        + "S: ip nhrp holdtime 600\\r\n"
        + "R: ip nhrp holdtime 600\\r\\nsv9-4(config-if)#\n"
        + "S: ip nhrp map multicast dynamic\\r\n"
        + "R: ip nhrp map multicast dynamic\\r\\nsv9-4(config-if)#\n"
        + "S: tunnel mode gre multipiont\\r\n"
        + "R: tunnel mode gre multipiont\\r\\n                                   ^\\r\\n"
        + "% Invalid input detected at '^' marker.\\r\\n\\r\\nsv9-4(config-if)#\n"
        + "S: end\\r\n"
        + "R: end\\r\\nsv9-4#\n"
        // the inverse: the two new lines' no forms, in reverse order, inside their block
        + "S: configure terminal\\r\n"
        + "R: configure terminal\\r\\nsv9-4(config)#\n"
        + "S: interface Tunnel0\\r\n"
        + "R: interface Tunnel0\\r\\nsv9-4(config-if)#\n"
        + "S: no ip nhrp map multicast dynamic\\r\n"
        + "R: no ip nhrp map multicast dynamic\\r\\nsv9-4(config-if)#\n"
        + "S: no ip nhrp holdtime 600\\r\n"
        + "R: no ip nhrp holdtime 600\\r\\nsv9-4(config-if)#\n"
        + "S: end\\r\n"
        + "R: end\\r\\nsv9-4#\n"
        // the holdtime is back to its default, not to 300: the comparison finds it
        + "S: show running-config\\r\n"
        + "R: show running-config\\r\\nBuilding configuration...\\r\\n\\r\\n"
        + "Current configuration : 73 bytes\\r\\n!\\r\\nhostname sv9-4\\r\\n!\\r\\ninterface Tunnel0\\r\\n"
        + " ip address 10.0.0.4 255.255.255.0\\r\\n!\\r\\nend\\r\\n\\r\\nsv9-4#\n"
        + "S: configure terminal\\r\n"
        + "R: configure terminal\\r\\nsv9-4(config)#\n"
        + "S: interface Tunnel0\\r\n"
        + "R: interface Tunnel0\\r\\nsv9-4(config-if)#\n"
        + "S: ip nhrp holdtime 300\\r\n"
        + "R: ip nhrp holdtime 300\\r\\nsv9-4(config-if)#\n"
        + "S: exit\\r\n"
        + "R: exit\\r\\nsv9-4(config)#\n"
        + "S: end\\r\n"
        + "R: end\\r\\nsv9-4#\n"
        + "S: show running-config\\r\n" + showRun);
    try (IosSession s = open(t)) {
      GuardedConfigureResult r = ConfigRollback.configure(s, List.of("interface Tunnel0", " ip nhrp holdtime 600",
          " ip nhrp map multicast dynamic", " tunnel mode gre multipiont", " ip nhrp network-id 99"), true);
      assertFalse(r.ok());
      assertEquals(r.push().rejected().orElseThrow().number(), 4);
      RollbackResult rb = r.rollback().orElseThrow();
      assertEquals(rb.inverse(), List.of("interface Tunnel0", " no ip nhrp map multicast dynamic",
          " no ip nhrp holdtime 600"));
      assertEquals(rb.repair(), List.of("interface Tunnel0", " ip nhrp holdtime 300", "exit"));
      assertTrue(rb.exact(), rb.differences().toString());
      assertTrue(rb.refused().isEmpty());
    }
    assertTrue(t.finished());
  }

  @Test
  public void withoutRollbackNothingIsUndone() throws IOException {
    ReplayTransport t = replay(ENABLED
        + "S: configure terminal\\r\n"
        + "R: configure terminal\\r\\nsv9-4(config)#\n"
        + "S: ip host x 1.2.3.4\\r\n"
        + "R: ip host x 1.2.3.4\\r\\nsv9-4(config)#\n"
        + "S: ip hots y\\r\n"
        + "R: ip hots y\\r\\n      ^\\r\\n% Invalid input detected at '^' marker.\\r\\n\\r\\nsv9-4(config)#\n"
        + "S: end\\r\n"
        + "R: end\\r\\nsv9-4#\n");
    try (IosSession s = open(t)) {
      GuardedConfigureResult r = ConfigRollback.configure(s, List.of("ip host x 1.2.3.4", "ip hots y"), false);
      assertEquals(r.push().rejected().orElseThrow().number(), 2);
      assertTrue(r.rollback().isEmpty());
    }
    assertTrue(t.finished());
  }

  /** Escapes a device text for a replay script's {@code R:} line. */
  private static String r(String text) {
    return "R: " + text.replace("\\", "\\\\").replace("\r", "\\r").replace("\n", "\\n") + "\n";
  }

  @Test
  public void theSeedsNhrpDebugInterleavedWithOutputGivesTheSameEventsAsTheDebugAlone() throws IOException {
    // seed lines 527-548: sv9-4's debug nhrp (datetime stamps, indented continuation lines)
    List<String> seed = java.nio.file.Files.readAllLines(java.nio.file.Path.of(
        System.getProperty("project.root", ".."), "..", "shared", "seed", "000_6291f1acd3ce46b9.txt"))
        .subList(526, 548);
    String debug = String.join("\r\n", seed) + "\r\n";
    List<DebugEvent> alone = dev.dmvpn.drivers.parse.DebugParser.parse("debug nhrp", String.join("\n", seed));
    assertEquals(alone.size(), 16, "16 stamped lines in seed lines 527-548");
    String head = "Interface              IP-Address      OK? Method Status                Protocol\r\n";
    String fa = "FastEthernet0/0        209.168.202.130 YES NVRAM  up                    up      \r\n";
    String tu = "Tunnel0                192.168.1.3     YES NVRAM  up                    up      \r\n";
    int half = debug.indexOf("*Mar 1 02:06:03.507: NHRP: Encapsulation");
    ReplayTransport t = replay(ENABLED
        + "S: debug nhrp\\r\n"
        + "R: debug nhrp\\r\\nNHRP protocol debugging is on\\r\\nsv9-4#\n"
        + "S: show ip interface brief\\r\n"
        + r("show ip interface brief\r\n" + head + debug.substring(0, half) + fa)
        + r("*Mar 1 02:06:03.400: %SYS-5-CONFIG_I: Configured from console by vty1 (127.0.0.1)\r\n")
        + r(debug.substring(half) + tu + "sv9-4#")
        + "S: undebug all\\r\n"
        + "R: undebug all\\r\\nAll possible debugging has been turned off\\r\\nsv9-4#\n");
    try (IosSession s = open(t)) {
      DebugCapture c = DebugCapture.start(s, List.of("debug nhrp"), false);
      CommandResult brief = s.execute("show ip interface brief");
      String rows = (head + fa + tu).replace("\r\n", "\n");
      assertEquals(brief.output(), rows.substring(0, rows.length() - 1), "the rows alone, as printed");
      DebugCaptureResult d = c.stop();
      assertEquals(d.events().stream().map(DebugEvent::message).toList(),
          alone.stream().map(DebugEvent::message).toList());
      assertEquals(d.events().get(3).message(), "Encapsulation succeeded. Tunnel IP addr 209.168.202.225");
      assertEquals(d.syslog().size(), 1);
    }
    assertTrue(t.finished());
  }
}
