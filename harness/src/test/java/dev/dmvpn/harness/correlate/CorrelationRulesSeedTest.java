package dev.dmvpn.harness.correlate;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

import dev.dmvpn.drivers.parse.DebugEvent;
import dev.dmvpn.drivers.parse.DebugParser;
import dev.dmvpn.harness.sequence.FrameView;
import dev.dmvpn.ref.testing.SharedFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.testng.annotations.Test;

/**
 * The rules against the routers' own words: sv9-4's and the hub's debug lines as the seed prints them (Cisco
 * document 29240, "NHRP Debugs" and "ISAKMP and IPsec Negotiation Debugs"), parsed by the drivers' DebugParser.
 */
public class CorrelationRulesSeedTest {

  private static List<String> seed() throws IOException {
    return Files.readAllLines(SharedFiles.shared("seed/000_6291f1acd3ce46b9.txt"));
  }

  /** The seed's lines from the first starting with {@code from} through the first containing {@code to}. */
  private static List<DebugEvent> block(String from, String to) throws IOException {
    List<String> lines = seed();
    int a = -1;
    for (int i = 0; i < lines.size(); i++) {
      if (a < 0 && lines.get(i).startsWith(from)) {
        a = i;
      }
      if (a >= 0 && lines.get(i).contains(to)) {
        // the seed's extraction wraps some lines in ** (bold); they are not the router's
        String text = String.join("\n", lines.subList(a, i + 1)).replace("**", "").replace("```", "");
        return DebugParser.parse("debug", text);
      }
    }
    throw new AssertionError("seed block " + from + " .. " + to + " not found");
  }

  private static RuleMatch match(List<DebugEvent> events, String text) {
    DebugEvent previous = null;
    for (DebugEvent e : events) {
      if (e.message().contains(text)) {
        return RuleMatch.find(DebugRules.ios123(), e, previous).orElseThrow(
            () -> new AssertionError("no rule matches the seed's '" + e.message() + "'"));
      }
      previous = e.facility() != null && e.facility().equals("NHRP") ? e : previous;
    }
    throw new AssertionError("the seed has no line with '" + text + "'");
  }

  @Test
  public void sv94sResolutionRequestAndReplyLinesMatchTheNhrpRules() throws IOException {
    List<DebugEvent> sv94 = block("*Mar 1 02:06:01.667", "nbma src:209.168.202.130 nbma dst:209.168.202.131");
    RuleMatch send = match(sv94, "Send Resolution Request");
    assertEquals(send.rule().name(), "nhrp-send");
    assertEquals(send.groups(), Map.of("type", "Resolution Request", "size", "84", "peer", "209.168.202.225"));
    RuleMatch reply = match(sv94, "Receive Resolution Reply");
    assertEquals(reply.rule().name(), "nhrp-receive");
    assertEquals(reply.groups(), Map.of("type", "Resolution Reply", "size", "132"));
    // and the frame a send line stands for: from sv9-4 to the hub, a resolution request of 84 bytes
    FrameView ok = new FrameView(1, 0, Map.of("ip.src", "209.168.202.130", "ip.dst", "209.168.202.225",
        "nhrp.op", "resolution-request", "nhrp.size", 84L));
    assertTrue(send.accepts(new WireFrame("c", ok), java.util.Set.of("209.168.202.130")));
    FrameView otherPeer = new FrameView(2, 0, Map.of("ip.src", "209.168.202.130", "ip.dst", "209.168.202.131",
        "nhrp.op", "resolution-request", "nhrp.size", 84L));
    assertTrue(!send.accepts(new WireFrame("c", otherPeer), java.util.Set.of("209.168.202.130")),
        "the Tunnel IP addr line names the hub");
  }

  @Test
  public void theHubsForwardingLineMatchesAsASend() throws IOException {
    List<DebugEvent> hub = block("*Mar 1 06:03:40.174", "112 bytes out Tunnel0");
    RuleMatch fwd = match(hub, "Forwarding Resolution Request");
    assertEquals(fwd.rule().name(), "nhrp-send");
    assertEquals(fwd.groups().get("size"), "104");
    assertEquals(fwd.groups().get("peer"), "209.168.202.131");
    assertEquals(match(hub, "Send Resolution Reply").groups().get("size"), "112");
  }

  @Test
  public void sv94sIsakmpSendAndReceiveLinesMatchTheIsakmpRules() throws IOException {
    List<DebugEvent> isakmp = block("*Mar 1 02:25:37.107: ISAKMP (0:0): received packet", "(R) MM_SA_SETUP");
    RuleMatch received = match(isakmp, "received packet from");
    assertEquals(received.rule().name(), "isakmp-receive-main-mode");
    assertEquals(received.groups().get("peer"), "209.168.202.131");
    RuleMatch sent = match(isakmp, "sending packet to");
    assertEquals(sent.rule().name(), "isakmp-send-main-mode");
    assertEquals(sent.groups().get("peerport"), "500");
  }
}
