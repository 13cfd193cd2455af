package dev.dmvpn.harness.correlate;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

import dev.dmvpn.drivers.parse.DebugParser;
import dev.dmvpn.harness.sequence.FrameView;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.testng.annotations.Test;

/**
 * Hand-made debug lines (IOS 12.3 wording, seed "NHRP Debugs") against hand-made frames: the clock offset found
 * from unambiguous pairs, ambiguous lines paired by time, the vote when nothing is unambiguous, the previous
 * line's tunnel address telling two replies apart, and what stays unpaired.
 */
public class CorrelatorTest {
  private static final String SV94 = "209.168.202.130";
  private static final String SV93 = "209.168.202.131";
  private static final String HUB = "209.168.202.225";
  /** The capture host's clock when the router's reads *Mar 1 02:06:00.000 (a real router: years apart). */
  private static final long BASE = Instant.parse("2026-12-04T18:00:00Z").toEpochMilli() * 1_000_000L;
  /** *Mar 1 02:06:00 on the router's datetime axis (1 March of a non-leap year is day 60). */
  private static final long ROUTER_BASE = (59L * 86_400 + 2 * 3600 + 6 * 60) * 1_000_000_000L;

  private static long ms(double millis) {
    return BASE + (long) (millis * 1_000_000L);
  }

  private static WireFrame nhrp(long number, long time, String src, String dst, String op, long size) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("ip.src", src);
    f.put("ip.dst", dst);
    f.put("esp.spi", "0x11223344");
    f.put("nhrp.op", op);
    f.put("nhrp.size", size);
    return new WireFrame("spoke-side", new FrameView(number, time, f));
  }

  private static WireFrame esp(long number, long time, String src, String dst) {
    return new WireFrame("spoke-side", new FrameView(number, time, Map.of("ip.src", src, "ip.dst", dst,
        "esp.spi", "0x11223344")));
  }

  private static DeviceDebug sv94(String text) {
    return new DeviceDebug("sv9-4", Set.of(SV94), DebugParser.parse("debug nhrp", text));
  }

  private static Correlation correlate(DeviceDebug d, List<WireFrame> frames) {
    return Correlator.ios123().correlate(List.of(d), Map.of(d.device(), frames));
  }

  private static long frameOf(Correlation c, String device, String text, int nth) {
    return c.saying(device, text).get(nth).frame().orElseThrow().number();
  }

  /** Two identical registration requests (same size) are ambiguous; the one resolution request fixes the clock. */
  @Test
  public void theUniqueResolutionRequestFixesTheOffsetAndTheAmbiguousRequestsPairByTime() {
    DeviceDebug d = sv94("""
        *Mar  1 02:06:00.010: NHRP: Encapsulation succeeded. Tunnel IP addr 209.168.202.225
        *Mar  1 02:06:00.010: NHRP: Send Registration Request via Tunnel0, packet size: 108
        *Mar  1 02:06:00.010: src: 192.168.1.3, dst: 192.168.1.1
        *Mar  1 02:06:01.010: NHRP: Encapsulation succeeded. Tunnel IP addr 209.168.202.225
        *Mar  1 02:06:01.010: NHRP: Send Registration Request via Tunnel0, packet size: 108
        *Mar  1 02:06:01.679: NHRP: Encapsulation succeeded. Tunnel IP addr 209.168.202.225
        *Mar  1 02:06:01.679: NHRP: Send Resolution Request via Tunnel0, packet size: 84
        *Mar  1 02:06:01.679: src: 192.168.1.3, dst: 192.168.1.1
        *Mar  1 02:06:01.679: NHRP: 84 bytes out Tunnel0
        *Mar  1 02:06:01.695: NHRP: Receive Resolution Reply via Tunnel0, packet size: 132
        *Mar  1 02:06:01.695: NHRP: netid_in = 0, to_us = 1
        """);
    // the capture clock is 2026's; the wire shows each packet 1-3 ms after the router's stamp
    List<WireFrame> frames = List.of(
        esp(1, ms(5), SV93, SV94),
        nhrp(2, ms(12), SV94, HUB, "registration-request", 108),
        nhrp(3, ms(1011), SV94, HUB, "registration-request", 108),
        nhrp(4, ms(1681), SV94, HUB, "resolution-request", 84),
        nhrp(5, ms(1693), SV93, SV94, "resolution-reply", 132));
    Correlation c = correlate(d, frames);

    ClockOffset o = c.offsets().get("sv9-4").orElseThrow();
    // the resolution request and the reply are unambiguous; the received one is preferred
    assertEquals(o.method(), "received anchors", o.toString());
    assertEquals(o.candidates(), 1, o.toString());
    long expected = BASE - ROUTER_BASE;
    assertTrue(Math.abs(o.nanos() - expected) < 3_000_000, o + " vs " + expected);
    assertEquals(frameOf(c, "sv9-4", "Send Registration Request", 0), 2);
    assertEquals(frameOf(c, "sv9-4", "Send Registration Request", 1), 3);
    assertEquals(frameOf(c, "sv9-4", "Send Resolution Request", 0), 4);
    assertEquals(frameOf(c, "sv9-4", "Receive Resolution Reply", 0), 5);
    assertEquals(c.pairedCount(), 4);
    assertEquals(c.unpairedCount(), 0);
    assertTrue(c.unclaimedFrames().get("sv9-4").isEmpty(), "the ESP frame is no rule's kind");
    assertFalse(c.saying("sv9-4", "netid_in").get(0).rule().isPresent(), "a context line stands for no frame");
    String table = c.table();
    assertTrue(table.contains("Send Resolution Request via Tunnel0, packet size: 84"), table);
    assertTrue(table.contains("spoke-side:4"), table);
  }

  /**
   * The virtual rack's case: router uptime and capture stamps run on one (scaled) clock, the router counting from
   * its boot; the offset found is the boot instant, to the stamp's millisecond.
   */
  @Test
  public void onOneClockTheOffsetIsTheRoutersBootInstant() {
    long boot = ms(0) - 63_000_000_000L; // booted 63 s before BASE
    DeviceDebug d = new DeviceDebug("sv9-4", Set.of(SV94), DebugParser.parse("debug nhrp", """
        00:01:03.000: NHRP: Send Registration Request via Tunnel0, packet size: 108
        00:01:04.500: NHRP: Send Resolution Request via Tunnel0, packet size: 84
        """));
    List<WireFrame> frames = List.of(
        nhrp(1, boot + 63_000_400_000L, SV94, HUB, "registration-request", 108),
        nhrp(2, boot + 64_500_400_000L, SV94, HUB, "resolution-request", 84));
    Correlation c = correlate(d, frames);
    ClockOffset o = c.offsets().get("sv9-4").orElseThrow();
    assertTrue(Math.abs(o.nanos() - boot) <= 500_000, o + " vs boot " + boot);
    assertTrue(o.spreadNanos() < 1_000_000, o.toString());
    assertEquals(c.pairedCount(), 2);
  }

  /** Nothing unambiguous: three requests of one size, three frames; the offset most pairs agree on wins. */
  @Test
  public void withoutAnchorsTheVotePicksTheOffsetMostPairsAgreeOn() {
    DeviceDebug d = sv94("""
        *Mar  1 02:06:00.000: NHRP: Send Registration Request via Tunnel0, packet size: 108
        *Mar  1 02:06:01.000: NHRP: Send Registration Request via Tunnel0, packet size: 108
        *Mar  1 02:06:03.000: NHRP: Send Registration Request via Tunnel0, packet size: 108
        """);
    List<WireFrame> frames = List.of(
        nhrp(7, ms(4), SV94, HUB, "registration-request", 108),
        nhrp(8, ms(1003), SV94, HUB, "registration-request", 108),
        nhrp(9, ms(3005), SV94, HUB, "registration-request", 108));
    Correlation c = correlate(d, frames);
    ClockOffset o = c.offsets().get("sv9-4").orElseThrow();
    assertEquals(o.method(), "vote");
    assertEquals(o.support(), 3, o.toString());
    assertEquals(o.candidates(), 9, "every line against every frame");
    List<Long> paired = c.saying("sv9-4", "Send").stream().map(l -> l.frame().orElseThrow().number()).toList();
    assertEquals(paired, List.of(7L, 8L, 9L));
  }

  /** The first request found no IPsec SA and never reached the wire; a frame no line tells of stays unclaimed. */
  @Test
  public void aLineWithoutItsFrameAndAFrameWithoutItsLineAreReported() {
    DeviceDebug d = sv94("""
        *Mar  1 02:06:00.000: NHRP: Send Registration Request via Tunnel0, packet size: 108
        *Mar  1 02:06:01.000: NHRP: Send Registration Request via Tunnel0, packet size: 108
        *Mar  1 02:06:01.500: NHRP: Send Resolution Request via Tunnel0, packet size: 84
        """);
    List<WireFrame> frames = new ArrayList<>(List.of(
        nhrp(1, ms(1002), SV94, HUB, "registration-request", 108),
        nhrp(2, ms(1502), SV94, HUB, "resolution-request", 84),
        nhrp(3, ms(5002), SV94, HUB, "registration-request", 108)));
    Correlation c = correlate(d, frames);
    assertEquals(c.offsets().get("sv9-4").orElseThrow().method(), "anchors");
    PairedLine first = c.saying("sv9-4", "Send Registration Request").get(0);
    assertTrue(first.unpaired(), first.toString());
    assertEquals(frameOf(c, "sv9-4", "Send Registration Request", 1), 1);
    assertEquals(frameOf(c, "sv9-4", "Send Resolution Request", 0), 2);
    assertEquals(c.unclaimedFrames().get("sv9-4").stream().map(WireFrame::number).toList(), List.of(3L));
    assertTrue(c.table().contains("UNPAIRED"), c.table());
    assertTrue(c.table().contains("(no debug line)"), c.table());
  }

  /** The hub answers both spokes in one millisecond with equal sizes: the tunnel address line tells which is which. */
  @Test
  public void theEncapsulationLineTellsTwoRepliesOfOneSizeApart() {
    DeviceDebug hub = new DeviceDebug("sv9-2", Set.of(HUB), DebugParser.parse("debug nhrp", """
        *Mar  1 06:03:40.100: NHRP: Send Resolution Request via Tunnel0, packet size: 84
        *Mar  1 06:03:40.182: NHRP: Encapsulation succeeded. Tunnel IP addr 209.168.202.131
        *Mar  1 06:03:40.182: NHRP: Send Registration Reply via Tunnel0, packet size: 128
        *Mar  1 06:03:40.182: NHRP: Encapsulation succeeded. Tunnel IP addr 209.168.202.130
        *Mar  1 06:03:40.182: NHRP: Send Registration Reply via Tunnel0, packet size: 128
        """));
    long t = BASE;
    List<WireFrame> frames = List.of(
        nhrp(1, t, HUB, SV93, "resolution-request", 84),
        nhrp(2, t + 82_000_000L, HUB, SV94, "registration-reply", 128),  // to .130 first on the wire
        nhrp(3, t + 83_000_000L, HUB, SV93, "registration-reply", 128));
    Correlation c = Correlator.ios123().correlate(List.of(hub), Map.of("sv9-2", frames));
    List<PairedLine> replies = c.saying("sv9-2", "Send Registration Reply");
    assertEquals(replies.get(0).frame().orElseThrow().view().destination(), SV93);
    assertEquals(replies.get(1).frame().orElseThrow().view().destination(), SV94);
  }

  /**
   * A sent frame may follow its line by the window plus the lag (the router's work), never precede it by more than
   * the window; a received packet's line the other way round.
   */
  @Test
  public void theLagIsAllowedOnTheCausalSideOnly() {
    DeviceDebug d = sv94("""
        *Mar  1 02:06:00.000: NHRP: Receive Registration Reply via Tunnel0, packet size: 104
        *Mar  1 02:06:10.000: NHRP: Send Resolution Request via Tunnel0, packet size: 84
        *Mar  1 02:06:20.000: NHRP: Send Purge Request via Tunnel0, packet size: 72
        *Mar  1 02:06:30.400: NHRP: Receive Resolution Reply via Tunnel0, packet size: 132
        *Mar  1 02:06:40.000: NHRP: Receive Purge Reply via Tunnel0, packet size: 72
        """);
    List<WireFrame> frames = List.of(
        nhrp(1, ms(0), HUB, SV94, "registration-reply", 104),          // fixes the offset: 0
        nhrp(2, ms(10_400), SV94, HUB, "resolution-request", 84),      // 400 ms after its line: sent, pairs
        nhrp(3, ms(19_600), SV94, HUB, "purge-request", 72),           // 400 ms before its line: not a send
        nhrp(4, ms(30_000), SV93, SV94, "resolution-reply", 132),      // line 400 ms after: received, pairs
        nhrp(5, ms(40_400), HUB, SV94, "purge-reply", 72));            // line 400 ms before its frame: no
    Correlation c = correlate(d, frames);
    assertEquals(c.offsets().get("sv9-4").orElseThrow().nanos(), BASE - ROUTER_BASE - 500_000L,
        "the received anchors, half a millisecond into each stamp");
    assertTrue(c.saying("sv9-4", "Send Resolution Request").get(0).paired());
    assertTrue(c.saying("sv9-4", "Send Purge Request").get(0).unpaired());
    assertTrue(c.saying("sv9-4", "Receive Resolution Reply").get(0).paired());
    assertTrue(c.saying("sv9-4", "Receive Purge Reply").get(0).unpaired());
  }

  /** A known offset is used as given (the caller knows both clocks). */
  @Test
  public void aGivenOffsetIsUsed() {
    DeviceDebug d = sv94("*Mar  1 02:06:00.000: NHRP: Send Resolution Request via Tunnel0, packet size: 84\n");
    List<WireFrame> frames = List.of(nhrp(1, ms(2), SV94, HUB, "resolution-request", 84));
    Correlation wrong = Correlator.ios123().withOffset("sv9-4", Duration.ofNanos(BASE - ROUTER_BASE)
        .plusSeconds(5)).correlate(List.of(d), Map.of("sv9-4", frames));
    assertEquals(wrong.offsets().get("sv9-4").orElseThrow().method(), "given");
    assertEquals(wrong.unpairedCount(), 1, "5 s off: outside the window");
    Correlation right = Correlator.ios123().withOffset("sv9-4", Duration.ofNanos(BASE - ROUTER_BASE))
        .correlate(List.of(d), Map.of("sv9-4", frames));
    assertEquals(right.pairedCount(), 1);
  }

  /** No rule line has any candidate frame: no offset, nothing placed, said so. */
  @Test
  public void withoutAnyCandidateTheDeviceHasNoOffset() {
    DeviceDebug d = sv94("*Mar  1 02:06:00.000: NHRP: Send Resolution Request via Tunnel0, packet size: 84\n");
    Correlation c = correlate(d, List.of(esp(1, ms(0), SV94, HUB)));
    assertTrue(c.offsets().get("sv9-4").isEmpty());
    assertEquals(c.unpairedCount(), 1);
    assertTrue(c.summary().contains("unknown"), c.summary());
    assertTrue(c.table().contains("(no offset)"), c.table());
  }
}
