package dev.dmvpn.drivers.parse;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertNull;
import static org.testng.Assert.assertTrue;
import static org.testng.Assert.expectThrows;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.testng.annotations.Test;

/**
 * {@code debug nhrp} and {@code debug crypto isakmp} lines of the seed document in both stamp styles. The document
 * is markdown: its code fences and the bold marks around some lines ({@code ***Mar 1 ...**}) are removed here
 * before parsing, since a console never prints them.
 */
public class DebugParserTest {

  private static String seedDebug(int from, int to) {
    return Arrays.stream(SharedOutputs.seedLines(from, to).split("\n", -1))
        .filter(l -> !l.trim().equals("```"))
        .map(l -> l.replaceFirst("^\\*\\*(?=\\*[A-Z])", "").replaceFirst("\\*\\*$", ""))
        .collect(Collectors.joining("\n"));
  }

  @Test
  public void readsSv94NhrpDebugWithDatetimeStamps() {
    // seed lines 526-549: the "sv9-4#" prompt, then 16 stamped lines
    List<DebugEvent> events = DebugParser.parse("debug nhrp", seedDebug(526, 549));
    assertEquals(events.size(), 16);
    DebugEvent first = events.get(0); // line 527
    assertEquals(first.timestamp(), new DebugTimestamp("*Mar 1 02:06:01.667", false, "Mar", 1,
        Duration.ofHours(2).plusMinutes(6).plusSeconds(1).plusMillis(667), true));
    assertEquals(first.facility(), "NHRP");
    assertEquals(first.message(), "Sending packet to NHS 192.168.1.1 on Tunnel0");
    // lines 530-531: a continuation line joined
    assertEquals(events.get(3).message(), "Encapsulation succeeded. Tunnel IP addr 209.168.202.225");
    // line 534: stamped but untagged, takes NHRP from the event before
    assertEquals(events.get(5).facility(), "NHRP");
    assertEquals(events.get(5).message(), "src: 192.168.1.3, dst: 192.168.1.1");
    // lines 547-548
    assertEquals(events.get(15).message(),
        "No need to delay processing of resolution event nbma src:209.168.202.130 nbma dst:209.168.202.131");
  }

  @Test
  public void readsSv93NhrpDebugWithUptimeStamps() {
    // seed lines 551-573: the "sv9-3#" prompt, 18 stamped lines
    List<DebugEvent> events = DebugParser.parse("debug nhrp", seedDebug(551, 573));
    assertEquals(events.size(), 18);
    assertEquals(events.get(0).timestamp(), new DebugTimestamp("05:31:12", true, null, 0,
        Duration.ofHours(5).plusMinutes(31).plusSeconds(12), false));
    // lines 562-563 (the 11th stamped line)
    assertEquals(events.get(10).message(), "Delaying resolution request nbma src:209.168.202.131 "
        + "nbma dst:209.168.202.130 reason:IPSEC-IFC: need to wait for IPsec SAs.");
    assertEquals(events.get(16).timestamp().time(), Duration.ofHours(5).plusMinutes(31).plusSeconds(13)); // 570
  }

  @Test
  public void readsSv94IsakmpDebug() {
    // seed lines 637-851: "sv9-4#", 98 "*Mar" lines and 4 bold "***Mar ...**" ones
    List<DebugEvent> events = DebugParser.parse("debug crypto isakmp", seedDebug(637, 851));
    assertEquals(events.size(), 102);
    DebugEvent first = events.get(0); // lines 638-639
    assertEquals(first.facility(), "ISAKMP");
    assertEquals(first.context(), "0:0");
    assertEquals(first.message(), "received packet from 209.168.202.131 dport 500 sport 500 Global (N) NEW SA");
    assertNull(events.get(1).context()); // line 640 "ISAKMP: local port 500, remote port 500"
    // lines 806-807: Phase 1 done
    assertTrue(events.stream().anyMatch(e -> e.message().equals("Old State = IKE_R_MM5 New State = IKE_P1_COMPLETE")
        && e.timestamp().printed().equals("*Mar 1 02:25:37.155")));
    // line 791: IPSEC's own tag
    assertTrue(events.stream().anyMatch(e -> e.facility().equals("IPSEC") && e.context().equals("key_engine")
        && e.message().equals("got a queue event...")));
  }

  @Test
  public void readsSv93IsakmpDebug() {
    // seed lines 928-1160 (after the "sv9-3#" prompt at 926 and a fence): 128 uptime-stamped lines
    List<DebugEvent> events = DebugParser.parse("debug crypto isakmp", seedDebug(928, 1160));
    assertEquals(events.size(), 128);
    // lines 1158-1159, then 1160
    assertEquals(events.get(126).message(), "Old State = IKE_QM_I_QM1 New State = IKE_QM_PHASE2_COMPLETE");
    assertEquals(events.get(127).context(), "0:21");
    assertEquals(events.get(127).timestamp().time(), Duration.ofHours(5).plusMinutes(50).plusSeconds(49));
  }

  @Test
  public void dayHourUptimeAndSyslogAmongDebugs() {
    List<DebugEvent> events = DebugParser.parse("debug nhrp",
        "1d02h: NHRP: Send Registration Request via Tunnel0, packet size: 104\n"
            + "1d02h: %LINEPROTO-5-UPDOWN: Line protocol on Interface Tunnel0, changed state to up\n"
            + "1d02h: NHRP: Receive Registration Reply via Tunnel0, packet size: 124\n");
    assertEquals(events.size(), 2);
    assertEquals(events.get(0).timestamp().time(), Duration.ofHours(26));
  }

  @Test
  public void unstampedTextIsRefusedNamingTheDebug() {
    ParseException e = expectThrows(ParseException.class,
        () -> DebugParser.parse("debug crypto isakmp", SharedOutputs.output("show_ip_nhrp_nhs/genieparser-iosxe_1.txt")));
    assertEquals(e.command(), "debug crypto isakmp");
    assertEquals(e.lineNumber(), 1); // "show ip nhrp nhs tunnel 100" is no echo of a debug command
  }
}
