package dev.dmvpn.ref.wire.pcap4j;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertNotNull;
import static org.testng.Assert.assertNull;
import static org.testng.Assert.assertTrue;
import static org.testng.Assert.expectThrows;

import dev.dmvpn.ref.capture.CapturedFrame;
import dev.dmvpn.ref.capture.LinkType;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.testng.SkipException;
import org.testng.annotations.AfterClass;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

/**
 * Live injection and capture through libpcap on a veth pair this test creates (both ends in the root
 * namespace, no addresses) and deletes. Only test frames are sent: locally administered MACs (02:...) and the
 * IEEE local experimental EtherTypes 0x88b5 / 0x88b6, and only on the veth created here.
 */
public class Pcap4jNicPortTest {
  private static final int EXPERIMENTAL_1 = 0x88b5;
  private static final int EXPERIMENTAL_2 = 0x88b6;
  private static final Duration WAIT = Duration.ofSeconds(5);
  private VethPair veth;

  @BeforeClass
  public void createVeth() throws IOException {
    if (!"root".equals(System.getProperty("user.name"))) {
      throw new SkipException("live NIC test needs root to create a veth pair (running as "
          + System.getProperty("user.name") + ")");
    }
    if (!Pcap4jHandles.libpcapAvailable()) {
      throw new SkipException("live NIC test needs libpcap (Debian package libpcap0.8)");
    }
    veth = VethPair.create();
  }

  @AfterClass(alwaysRun = true)
  public void deleteVeth() throws IOException {
    if (veth != null) {
      veth.delete();
      assertFalse(VethPair.exists(veth.a), veth.a + " still exists");
    }
  }

  /** 60 bytes: dst 02:00:00:00:00:02, src 02:00:00:00:00:01, the EtherType, a marker text, zero padding. */
  private static byte[] testFrame(int etherType, int sequence) {
    ByteBuffer b = ByteBuffer.allocate(60);
    b.put(new byte[] {2, 0, 0, 0, 0, 2, 2, 0, 0, 0, 0, 1}).putShort((short) etherType);
    b.put("dmvpn-harness veth test".getBytes(StandardCharsets.US_ASCII)).putInt(sequence);
    return b.array();
  }

  private Pcap4jOptions filtered() {
    return Pcap4jOptions.defaults().withFilter("ether proto 0x88b5");
  }

  @Test
  public void frameSentOnOneEndIsReceivedOnTheOther() throws IOException, InterruptedException {
    try (Pcap4jNicPort a = Pcap4jNicPort.open(veth.a, filtered());
        Pcap4jNicPort b = Pcap4jNicPort.open(veth.b, filtered())) {
      assertEquals(a.name(), veth.a);
      assertEquals(b.linkType(), LinkType.ETHERNET);
      byte[] sent = testFrame(EXPERIMENTAL_1, 1);
      long before = System.currentTimeMillis() * 1_000_000L;
      a.send(sent);
      CapturedFrame f = b.receive(WAIT);
      long after = System.currentTimeMillis() * 1_000_000L;
      assertNotNull(f, "nothing arrived on " + veth.b);
      assertTrue(Arrays.equals(f.data(), sent));
      assertEquals(f.originalLength(), 60);
      assertEquals(f.interfaceIndex(), 0);
      assertEquals(f.linkType(), LinkType.ETHERNET);
      long slack = 1_000_000_000L;
      assertTrue(f.timestampNanos() >= before - slack && f.timestampNanos() <= after + slack,
          "capture time " + f.timestampNanos() + " not within [" + before + ", " + after + "]");
      assertEquals(b.droppedFrames(), 0);
    }
  }

  @Test
  public void listenerGetsFramesInOrder() throws IOException, InterruptedException {
    List<CapturedFrame> got = new CopyOnWriteArrayList<>();
    try (Pcap4jNicPort a = Pcap4jNicPort.open(veth.a, filtered());
        Pcap4jNicPort b = Pcap4jNicPort.open(veth.b, filtered())) {
      b.onReceive(got::add);
      for (int i = 0; i < 20; i++) {
        a.send(testFrame(EXPERIMENTAL_1, i));
      }
      long deadline = System.nanoTime() + WAIT.toNanos();
      while (got.size() < 20 && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
    }
    assertEquals(got.size(), 20);
    for (int i = 0; i < 20; i++) {
      assertTrue(Arrays.equals(got.get(i).data(), testFrame(EXPERIMENTAL_1, i)), "frame " + i);
    }
  }

  @Test
  public void bpfFilterKeepsOtherFramesOut() throws IOException, InterruptedException {
    try (Pcap4jNicPort a = Pcap4jNicPort.open(veth.a, filtered());
        Pcap4jNicPort b = Pcap4jNicPort.open(veth.b, filtered())) {
      a.send(testFrame(EXPERIMENTAL_2, 1));
      a.send(testFrame(EXPERIMENTAL_1, 2));
      CapturedFrame f = b.receive(WAIT);
      assertNotNull(f);
      assertEquals(f.data()[12] & 0xff, 0x88);
      assertEquals(f.data()[13] & 0xff, 0xb5);
      assertNull(b.receive(Duration.ofMillis(300)), "the 0x88b6 frame passed the filter");
    }
  }

  /** A second handle on the sending end sees the outgoing frame, unless it captures inbound frames only. */
  @Test
  public void inboundOnlyHidesOutgoingFrames() throws IOException, InterruptedException {
    try (Pcap4jNicPort sender = Pcap4jNicPort.open(veth.a, filtered());
        Pcap4jNicPort both = Pcap4jNicPort.open(veth.a, filtered());
        Pcap4jNicPort inbound = Pcap4jNicPort.open(veth.a, filtered().withInboundOnly(true))) {
      sender.send(testFrame(EXPERIMENTAL_1, 7));
      assertNotNull(both.receive(WAIT), "outgoing frame not seen on " + veth.a);
      assertNull(inbound.receive(Duration.ofMillis(300)), "inbound-only port saw an outgoing frame");
    }
  }

  @Test
  public void closedPortRefusesToSend() throws IOException {
    Pcap4jNicPort a = Pcap4jNicPort.open(veth.a, filtered());
    a.close();
    a.close(); // idempotent
    expectThrows(java.io.UncheckedIOException.class, () -> a.send(testFrame(EXPERIMENTAL_1, 0)));
  }

  @Test
  public void missingInterfaceAndBadFilterAreIoErrorsNamingTheInterface() {
    IOException e = expectThrows(IOException.class, () -> Pcap4jNicPort.open("dmvh-missing0"));
    assertTrue(e.getMessage().startsWith("dmvh-missing0: "), e.getMessage());
    IOException f = expectThrows(IOException.class,
        () -> Pcap4jNicPort.open(veth.a, Pcap4jOptions.defaults().withFilter("ether proto nonsense(")));
    assertTrue(f.getMessage().startsWith(veth.a + ": bad BPF filter"), f.getMessage());
  }
}
