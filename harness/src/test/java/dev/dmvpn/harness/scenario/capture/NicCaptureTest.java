package dev.dmvpn.harness.scenario.capture;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

import dev.dmvpn.ref.capture.CaptureFiles;
import dev.dmvpn.ref.capture.CapturedFrame;
import dev.dmvpn.ref.interop.HostCommand;
import dev.dmvpn.ref.wire.pcap4j.Pcap4jNicPort;
import dev.dmvpn.ref.wire.pcap4j.Pcap4jOptions;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.testng.annotations.Test;

/**
 * The real-rack capture on a live NIC: a per-run namespace holds a bridge with two veth pairs; the JVM opens the
 * two root-side ends, sends test frames on one and captures the other with a pcap filter, as the harness captures
 * a lab NIC. The frames are read back from the pcap file with the project's reader: the filter's EtherType only,
 * in order, bytes unchanged. Group {@code interop}: needs root, iproute2 and libpcap; the namespace is deleted
 * (taking the veths with it) whatever happens.
 */
@Test(groups = "interop")
public class NicCaptureTest {
  private static final Duration CMD = Duration.ofSeconds(30);
  private static final int KEPT = 0x88b5;
  private static final int FILTERED_OUT = 0x88b6;

  public void capturesWhatCrossesTheNicThroughThePointsFilter() throws Exception {
    String ns = "dmvc" + ProcessHandle.current().pid() % 100000;
    String a = ns + "a";
    String b = ns + "b";
    Path pcap = Files.createTempDirectory("nic").resolve("point.pcap");
    try {
      ip("netns", "add", ns);
      ip("-n", ns, "link", "add", "br0", "type", "bridge");
      ip("-n", ns, "link", "set", "dev", "br0", "up");
      for (String end : List.of(a, b)) {
        ip("link", "add", end, "type", "veth", "peer", "name", end + "p", "netns", ns);
        ip("-n", ns, "link", "set", "dev", end + "p", "master", "br0");
        ip("-n", ns, "link", "set", "dev", end + "p", "up");
        ip("link", "set", "dev", end, "addrgenmode", "none");
        ip("link", "set", "dev", end, "up");
      }
      Awaitility.await(a + " and " + b + " up").atMost(Duration.ofSeconds(10)).until(() ->
          operstate(a).equals("up") && operstate(b).equals("up"));
      try (NicCapture capture = NicCapture.start("point", b, "ether proto 0x88b5", pcap);
          Pcap4jNicPort sender = Pcap4jNicPort.open(a, Pcap4jOptions.defaults().withFilter("ether proto 0x88b7"))) {
        for (int i = 0; i < 3; i++) {
          sender.send(frame(FILTERED_OUT, i));
          sender.send(frame(KEPT, i));
        }
        Awaitility.await("three frames captured").atMost(Duration.ofSeconds(10))
            .until(() -> capture.framesWritten() >= 3);
      }
      List<CapturedFrame> frames = CaptureFiles.readAll(pcap);
      assertEquals(frames.size(), 3, "only the filter's EtherType");
      for (int i = 0; i < 3; i++) {
        assertEquals(frames.get(i).data(), frame(KEPT, i), "frame " + (i + 1));
      }
    } finally {
      HostCommand.run(CMD, "ip", "netns", "del", ns);
      for (String end : List.of(a, b)) {
        if (Files.exists(Path.of("/sys/class/net", end))) {
          HostCommand.run(CMD, "ip", "link", "del", "dev", end);
        }
      }
    }
    assertFalse(Files.exists(Path.of("/run/netns", ns)), "namespace removed");
    assertTrue(Files.size(pcap) > 24);
  }

  /** 60 bytes: locally administered MACs, the EtherType, a marker and the sequence number. */
  private static byte[] frame(int etherType, int sequence) {
    ByteBuffer buf = ByteBuffer.allocate(60);
    buf.put(new byte[] {2, 0, 0, 0, 0, 2, 2, 0, 0, 0, 0, 1}).putShort((short) etherType);
    buf.put("dmvpn-harness nic capture".getBytes(StandardCharsets.US_ASCII)).putInt(sequence);
    return buf.array();
  }

  private static String operstate(String dev) throws java.io.IOException {
    return Files.readString(Path.of("/sys/class/net", dev, "operstate"), StandardCharsets.US_ASCII).strip();
  }

  private static void ip(String... args) {
    String[] cmd = new String[args.length + 1];
    cmd[0] = "ip";
    System.arraycopy(args, 0, cmd, 1, args.length);
    HostCommand.run(CMD, cmd).requireOk();
  }
}
