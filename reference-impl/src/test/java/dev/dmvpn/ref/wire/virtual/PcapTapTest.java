package dev.dmvpn.ref.wire.virtual;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;
import static org.testng.Assert.expectThrows;

import dev.dmvpn.ref.capture.CaptureFiles;
import dev.dmvpn.ref.capture.CapturedFrame;
import dev.dmvpn.ref.capture.LinkType;
import dev.dmvpn.ref.l2l3.MacAddress;
import dev.dmvpn.ref.testing.Tshark;
import dev.dmvpn.ref.time.SimulatedScheduler;
import dev.dmvpn.ref.wire.ip.HostStack;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.testng.annotations.Test;

/**
 * A UDP exchange between sv9-4 and the hub through the WAN router, tapped on both segments to pcap files that
 * our reader and tshark both read back: ARP who-has/is-at, then IPv4 with TTL 255 before the router and 254
 * after it.
 */
public class PcapTapTest {
  private static final MacAddress HUB_MAC = MacAddress.parse("02:00:00:00:02:25");
  private static final MacAddress SV9_4_MAC = MacAddress.parse("02:00:00:00:01:30");
  private static final List<String> FIELDS = List.of("frame.time_epoch", "eth.src", "eth.dst", "arp.opcode",
      "arp.src.proto_ipv4", "arp.dst.proto_ipv4", "ip.src", "ip.dst", "ip.ttl", "ip.checksum.status",
      "udp.srcport", "udp.dstport");

  private record Taps(List<CapturedFrame> hubSide, List<CapturedFrame> spokeSide) {}

  /** Runs the exchange with pcap and memory taps on both segments; segments add 1 ms of latency. */
  private static Taps exchange(Path hubPcap, Path spokePcap) throws IOException {
    SimulatedScheduler s = new SimulatedScheduler(); // epoch 2026-01-01T00:00:00Z = 1767225600 s
    DocumentWan wan = DocumentWan.create(s, 5);
    FaultProfile oneMs = FaultProfile.NONE.withDelay(Duration.ofMillis(1), Duration.ZERO);
    wan.hubSegment().setFaults(oneMs);
    wan.spokeSegment().setFaults(oneMs);
    MemoryTap hubMem = MemoryTap.attach(wan.hubSegment());
    MemoryTap spokeMem = MemoryTap.attach(wan.spokeSegment());
    try (PcapTap hubTap = PcapTap.attach(wan.hubSegment(), hubPcap);
        PcapTap spokeTap = PcapTap.attach(wan.spokeSegment(), spokePcap)) {
      HostStack hub = new HostStack(wan.hubSegment().attach("sv9-2", HUB_MAC), DocumentWan.HUB, s);
      HostStack sv94 = new HostStack(wan.spokeSegment().attach("sv9-4", SV9_4_MAC), DocumentWan.SPOKE_SV9_4, s);
      hub.setDefaultGateway(DocumentWan.hubGateway());
      sv94.setDefaultGateway(DocumentWan.spokeGateway());
      hub.onReceive(p -> hub.sendUdp(500, p.source(), 500, "pong".getBytes(StandardCharsets.US_ASCII)));
      sv94.sendUdp(500, DocumentWan.HUB.address(), 500, "ping".getBytes(StandardCharsets.US_ASCII));
      s.runUntilIdle(Duration.ofSeconds(1));
      assertEquals(hubTap.framesWritten(), 4);
      assertEquals(spokeTap.framesWritten(), 4);
    }
    return new Taps(hubMem.frames(), spokeMem.frames());
  }

  @Test
  public void tapFilesReadBackIdenticallyAndTsharkSeesArpAndTtls() throws Exception {
    Path dir = Files.createTempDirectory("pcaptap");
    Path hubPcap = dir.resolve("wan-hub.pcap");
    Path spokePcap = dir.resolve("wan-spokes.pcap");
    try {
      Taps mem = exchange(hubPcap, spokePcap);
      assertSameFrames(CaptureFiles.readAll(hubPcap), mem.hubSide);
      assertSameFrames(CaptureFiles.readAll(spokePcap), mem.spokeSide);
      assertSpokeSide(Tshark.fields(spokePcap, List.of(), FIELDS));
      assertHubSide(Tshark.fields(hubPcap, List.of(), FIELDS));
    } finally {
      Files.deleteIfExists(hubPcap);
      Files.deleteIfExists(spokePcap);
      Files.deleteIfExists(dir);
    }
  }

  private static void assertSameFrames(List<CapturedFrame> read, List<CapturedFrame> seen) {
    assertEquals(read.size(), seen.size());
    for (int i = 0; i < read.size(); i++) {
      assertEquals(read.get(i).linkType(), LinkType.ETHERNET);
      assertEquals(read.get(i).timestampNanos(), seen.get(i).timestampNanos(), "frame " + i);
      assertTrue(Arrays.equals(read.get(i).data(), seen.get(i).data()), "frame " + i);
    }
  }

  /** sv9-4 ARPs for its gateway .158, then ping goes out with TTL 255 and pong comes back with 254. */
  private static void assertSpokeSide(List<Map<String, String>> rows) {
    assertEquals(rows.size(), 4);
    assertEquals(rows.get(0).get("frame.time_epoch"), "1767225600.001000000");
    assertRow(rows.get(0), "02:00:00:00:01:30", "ff:ff:ff:ff:ff:ff", "1", "209.168.202.130", "209.168.202.158");
    assertRow(rows.get(1), "02:00:00:00:fe:02", "02:00:00:00:01:30", "2", "209.168.202.158", "209.168.202.130");
    assertIp(rows.get(2), "209.168.202.130", "209.168.202.225", "255");
    assertIp(rows.get(3), "209.168.202.225", "209.168.202.130", "254");
    assertEquals(rows.get(2).get("eth.dst"), "02:00:00:00:fe:02");
    assertEquals(rows.get(3).get("eth.src"), "02:00:00:00:fe:02");
  }

  /** The router ARPs for the hub from .254; the hub already learned the router's MAC from that request. */
  private static void assertHubSide(List<Map<String, String>> rows) {
    assertEquals(rows.size(), 4);
    assertRow(rows.get(0), "02:00:00:00:fe:01", "ff:ff:ff:ff:ff:ff", "1", "209.168.202.254", "209.168.202.225");
    assertRow(rows.get(1), "02:00:00:00:02:25", "02:00:00:00:fe:01", "2", "209.168.202.225", "209.168.202.254");
    assertIp(rows.get(2), "209.168.202.130", "209.168.202.225", "254");
    assertIp(rows.get(3), "209.168.202.225", "209.168.202.130", "255");
  }

  private static void assertRow(Map<String, String> row, String src, String dst, String opcode, String spa,
      String tpa) {
    assertEquals(row.get("eth.src"), src, row.toString());
    assertEquals(row.get("eth.dst"), dst, row.toString());
    assertEquals(row.get("arp.opcode"), opcode, row.toString());
    assertEquals(row.get("arp.src.proto_ipv4"), spa, row.toString());
    assertEquals(row.get("arp.dst.proto_ipv4"), tpa, row.toString());
  }

  private static void assertIp(Map<String, String> row, String src, String dst, String ttl) {
    assertEquals(row.get("ip.src"), src, row.toString());
    assertEquals(row.get("ip.dst"), dst, row.toString());
    assertEquals(row.get("ip.ttl"), ttl, row.toString());
    assertEquals(row.get("udp.srcport"), "500", row.toString());
    assertEquals(row.get("udp.dstport"), "500", row.toString());
  }

  @Test
  public void writeErrorStopsTheTapAndSurfacesOnClose() throws IOException {
    SimulatedScheduler s = new SimulatedScheduler(java.time.Instant.parse("1960-01-01T00:00:00Z"));
    VirtualSegment seg = new VirtualSegment("old", s);
    Path file = Files.createTempFile("pcaptap", ".pcap");
    try {
      PcapTap tap = PcapTap.attach(seg, file);
      VirtualPort a = seg.attach("a", HUB_MAC);
      a.send(VirtualSegmentTest.frame(MacAddress.BROADCAST, HUB_MAC, 1)); // before 1970: pcap cannot say
      s.runUntilIdle(Duration.ofSeconds(1));
      assertEquals(seg.counters().onWire(), 1, "the segment carries on");
      IOException e = expectThrows(IOException.class, tap::close);
      assertTrue(String.valueOf(e.getCause()).contains("1970"), String.valueOf(e.getCause()));
    } finally {
      Files.deleteIfExists(file);
    }
  }
}
