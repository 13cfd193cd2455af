package dev.dmvpn.ref.ipsec;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertNull;
import static org.testng.Assert.assertTrue;

import dev.dmvpn.ref.bytes.Hex;
import dev.dmvpn.ref.bytes.Ipv4Address;
import dev.dmvpn.ref.crypto.RandomSource;
import dev.dmvpn.ref.time.SimulatedScheduler;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.testng.annotations.BeforeMethod;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

/**
 * Two data planes back to back (A's output is B's input): GRE framed per mode, plain ESP or ESP-in-UDP, and every
 * refusal reported with its reason. Keys are random; the ESP format itself is checked against RFC vectors and
 * tshark in EspProcessorTest / EspTsharkExportTest and, through the node, DocumentScenarioTsharkTest.
 */
public class EspDataPlaneTest {
  private static final Ipv4Address A = Ipv4Address.parse("209.168.202.131");
  private static final Ipv4Address B = Ipv4Address.parse("209.168.202.130");
  private static final byte[] GRE = Hex.parse("20002001000000000001");

  /** What one plane handed to its output. */
  record Sent(Ipv4Address peer, int tos, boolean udp, int localPort, int remotePort, byte[] esp) {}

  private final SimulatedScheduler clock = new SimulatedScheduler();
  private final RandomSource random = RandomSource.of(new SplittableRandom(5));
  private final List<Sent> wire = new ArrayList<>();
  private final List<String> drops = new ArrayList<>();
  private final List<String> softLimits = new ArrayList<>();

  @BeforeMethod
  public void clear() {
    wire.clear();
    drops.clear();
    softLimits.clear();
  }

  private EspDataPlane<String> plane(long softLimitBytes) {
    EspDataPlane<String> p = new EspDataPlane<>(new EspProcessor(random), clock.clock(), new EspDataPlane.Output() {
      @Override
      public boolean sendEsp(Ipv4Address peer, int tos, byte[] esp) {
        return wire.add(new Sent(peer, tos, false, 0, 0, esp));
      }

      @Override
      public boolean sendUdp(int localPort, Ipv4Address peer, int remotePort, int tos, byte[] esp) {
        return wire.add(new Sent(peer, tos, true, localPort, remotePort, esp));
      }
    }, (pair, bytes) -> bytes >= softLimitBytes);
    p.onDrop((reason, detail) -> drops.add(reason));
    p.onSoftLimit(softLimits::add);
    return p;
  }

  private EspSaParameters params(int spi, EspDirection d, EspMode mode) {
    return new EspSaParameters(spi, d, mode, EspEncryption.TDES_CBC, random.bytes(24), EspIntegrity.HMAC_MD5_96,
        random.bytes(16), 120, 4_608_000);
  }

  /** Installs one pair between a (at A) and b (at B): a sends with SPI 0xb0, b with 0xa0. */
  private void pair(EspDataPlane<String> a, EspDataPlane<String> b, EspMode mode, UdpEncapsulation udp) {
    EspSaParameters aToB = params(0xb0, EspDirection.OUTBOUND, mode);
    EspSaParameters bToA = params(0xa0, EspDirection.OUTBOUND, mode);
    a.sad().install(B, "pair", bToA.reversed(), aToB, udp);
    b.sad().install(A, "pair", aToB.reversed(), bToA, udp);
  }

  @DataProvider
  public Object[][] modes() {
    return new Object[][] {{EspMode.TRANSPORT, null}, {EspMode.TUNNEL, null}, {EspMode.TUNNEL,
        new UdpEncapsulation(4500, 4500)}, {EspMode.TRANSPORT, new UdpEncapsulation(4500, 1025)}};
  }

  @Test(dataProvider = "modes")
  public void greCrossesInEveryModeAndEncapsulation(EspMode mode, UdpEncapsulation udp) {
    EspDataPlane<String> a = plane(Long.MAX_VALUE);
    EspDataPlane<String> b = plane(Long.MAX_VALUE);
    pair(a, b, mode, udp);
    List<byte[]> received = new ArrayList<>();
    b.onReceive((from, entry, nextHeader, buf, off, len) -> {
      GreInEsp.Unframed u = GreInEsp.unframe(entry.mode(), from, B, nextHeader, buf, off, len);
      assertTrue(u.ok(), u.refusal());
      received.add(u.gre());
    });
    assertEquals(a.sendGre(A, B, GRE, 0xc0, 255, 1), EspDataPlane.SendResult.SENT);
    Sent s = wire.get(0);
    assertEquals(s.peer(), B);
    assertEquals(s.tos(), 0xc0, "the outer TOS is the GRE packet's (IOS copies it)");
    assertEquals(s.udp(), udp != null);
    if (udp != null) {
      assertEquals(List.of(s.localPort(), s.remotePort()), List.of(udp.localPort(), udp.remotePort()));
    }
    assertEquals(Hex.of(s.esp()).substring(0, 16), "000000b000000001", "SPI, then sequence number 1");
    b.receive(A, s.esp(), 0, s.esp().length);
    assertEquals(received.size(), 1);
    assertEquals(received.get(0), GRE);
    assertEquals(b.delivered(), 1);
    assertEquals(a.sent(), 1);
    assertTrue(drops.isEmpty(), drops.toString());
  }

  @Test
  public void refusalsAreCountedWithTheirReason() {
    EspDataPlane<String> a = plane(Long.MAX_VALUE);
    EspDataPlane<String> b = plane(Long.MAX_VALUE);
    assertEquals(a.sendGre(A, B, GRE, 0, 255, 1), EspDataPlane.SendResult.NO_SA);
    assertEquals(a.noSa(), 1);
    pair(a, b, EspMode.TUNNEL, null);
    a.sendGre(A, B, GRE, 0, 255, 1);
    byte[] esp = wire.get(0).esp();
    b.receive(Ipv4Address.parse("198.51.100.9"), esp, 0, esp.length); // right SPI, wrong peer
    byte[] tampered = esp.clone();
    tampered[20] ^= 0x10;
    b.receive(A, tampered, 0, tampered.length);
    b.receive(A, esp, 0, esp.length);
    b.receive(A, esp, 0, esp.length); // replayed
    b.receive(A, esp, 0, 5);
    assertEquals(drops, List.of("ipsec: no SA for SPI", "ipsec: ICV_FAILED", "ipsec: REPLAY", "ipsec: ESP too short"));
    assertEquals(b.delivered(), 1);
    assertEquals(b.dropped(), 2);
    assertEquals(b.unknownSpi(), 2);
  }

  @Test
  public void softLimitIsReportedInBothDirections() {
    EspDataPlane<String> a = plane(8);
    EspDataPlane<String> b = plane(8);
    pair(a, b, EspMode.TRANSPORT, null);
    a.sendGre(A, B, GRE, 0, 255, 1);
    assertEquals(softLimits, List.of("pair"), "10 bytes protected >= 8");
    b.receive(A, wire.get(0).esp(), 0, wire.get(0).esp().length);
    assertEquals(softLimits, List.of("pair", "pair"), "and 10 bytes delivered");
  }

  @Test
  public void afterRemovalNothingIsSentOrOpened() {
    EspDataPlane<String> a = plane(Long.MAX_VALUE);
    EspDataPlane<String> b = plane(Long.MAX_VALUE);
    pair(a, b, EspMode.TUNNEL, null);
    a.sendGre(A, B, GRE, 0, 255, 1);
    b.sad().remove("pair");
    b.receive(A, wire.get(0).esp(), 0, wire.get(0).esp().length);
    assertEquals(drops, List.of("ipsec: no SA for SPI"));
    a.sad().remove("pair");
    assertNull(a.outboundMode(B));
    assertEquals(a.sendGre(A, B, GRE, 0, 255, 2), EspDataPlane.SendResult.NO_SA);
  }
}
