package dev.dmvpn.ref.peer;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertNull;
import static org.testng.Assert.assertTrue;

import dev.dmvpn.ref.bytes.Ipv4Address;
import dev.dmvpn.ref.crypto.RandomSource;
import dev.dmvpn.ref.ike.ChildSa;
import dev.dmvpn.ref.ike.IkeConfig;
import dev.dmvpn.ref.ike.IkeListener;
import dev.dmvpn.ref.ike.IkeSa;
import dev.dmvpn.ref.ike.IpsecProfile;
import dev.dmvpn.ref.ike.TransformSet;
import dev.dmvpn.ref.ipsec.EspEncryption;
import dev.dmvpn.ref.ipsec.EspIntegrity;
import dev.dmvpn.ref.ipsec.EspMode;
import dev.dmvpn.ref.ipsec.EspSa;
import dev.dmvpn.ref.l2l3.MacAddress;
import dev.dmvpn.ref.time.SimulatedScheduler;
import dev.dmvpn.ref.wire.ip.InterfaceAddress;
import dev.dmvpn.ref.wire.virtual.VirtualSegment;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

/**
 * Two {@link IpsecHost}s with {@link GreOverIpsec} inner hosts on an in-process segment and a simulated clock: the
 * document's IKE (DES/MD5/group 1, PSK cisco123), then ICMP echo in GRE between the inner addresses through ESP, in
 * transport and tunnel mode, as plain ESP and forced into UDP 4500; a Delete removes the pair from both data planes.
 * (The live counterpart against strongSwan is {@code StrongSwanJavaPeerInteropTest}.)
 */
public class IpsecHostTest {
  private static final Ipv4Address A = Ipv4Address.parse("198.51.100.1");
  private static final Ipv4Address B = Ipv4Address.parse("198.51.100.2");
  private static final Ipv4Address A_INNER = Ipv4Address.parse("10.1.0.1");
  private static final Ipv4Address B_INNER = Ipv4Address.parse("10.2.0.1");

  /** Records phase-2 results and deletions. */
  private static final class Events implements IkeListener {
    final List<ChildSa> up = new ArrayList<>();
    final List<String> deleted = new ArrayList<>();

    @Override
    public void phase2Up(IkeSa sa, ChildSa child) {
      up.add(child);
    }

    @Override
    public void childSaDeleted(IkeSa sa, ChildSa child, String reason) {
      deleted.add(reason);
    }
  }

  @DataProvider
  public Object[][] dataPaths() {
    return new Object[][] {{EspMode.TRANSPORT, false}, {EspMode.TUNNEL, false}, {EspMode.TRANSPORT, true},
        {EspMode.TUNNEL, true}};
  }

  @Test(dataProvider = "dataPaths")
  public void greEchoCrossesTheTunnelBothWays(EspMode mode, boolean udp) {
    SimulatedScheduler clock = new SimulatedScheduler();
    VirtualSegment wan = new VirtualSegment("wan", clock);
    Events eventsA = new Events();
    Events eventsB = new Events();
    IpsecHost a = host(wan, clock, A, "02:00:00:00:00:0a", mode, udp, eventsA, 1);
    IpsecHost b = host(wan, clock, B, "02:00:00:00:00:0b", mode, udp, eventsB, 2);
    GreOverIpsec innerA = new GreOverIpsec(a, A_INNER);
    GreOverIpsec innerB = new GreOverIpsec(b, B_INNER);
    assertFalse(innerA.sendEcho(B, B_INNER, 7, 1, ascii("early")), "no SA yet: nothing is sent in clear");

    a.connect(B); // MM1..MM6, QM1..QM3
    clock.runUntilIdle(Duration.ofSeconds(5));
    assertEquals(eventsA.up.size(), 1);
    assertEquals(eventsB.up.size(), 1);
    ChildSa childA = eventsA.up.get(0);
    assertEquals(childA.isUdpEncapsulated(), udp, childA.toString());
    assertEquals(childA.outbound().spi(), eventsB.up.get(0).inbound().spi());
    assertEquals(a.esp().outboundMode(B), mode);

    List<String> replies = new ArrayList<>();
    innerA.onEchoReply(p -> replies.add(p.source() + "->" + p.destination()));
    assertTrue(innerA.sendEcho(B, B_INNER, 7, 1, ascii("ping 1")));
    assertTrue(innerA.sendEcho(B, B_INNER, 7, 2, ascii("ping 2")));
    clock.runUntilIdle(Duration.ofSeconds(1));
    assertEquals(innerB.echoRequestsAnswered(), 2);
    assertEquals(replies, List.of("10.2.0.1->10.1.0.1", "10.2.0.1->10.1.0.1"));
    assertEquals(a.esp().sent(), 2);
    assertEquals(b.esp().delivered(), 2);
    assertEquals(a.esp().delivered(), 2);
    assertEquals(b.esp().dropped() + b.esp().unknownSpi(), 0);
    assertEquals(b.esp().inboundSa(childA.outbound().spi()).packets(), 2);

    a.deleteAll(); // Delete (IPsec SPI), Delete (ISAKMP cookies)
    clock.runUntilIdle(Duration.ofSeconds(1));
    assertNull(a.esp().outboundSa(B));
    assertNull(b.esp().outboundSa(A), "the peer's Delete removed B's pair too");
    assertEquals(eventsB.deleted, List.of("deleted by peer"));
    assertFalse(innerB.sendEcho(A, A_INNER, 9, 1, ascii("late")));
  }

  @Test
  public void kilobyteLifetimeRekeysWithoutLosingAnEcho() {
    SimulatedScheduler clock = new SimulatedScheduler();
    VirtualSegment wan = new VirtualSegment("wan", clock);
    Events eventsA = new Events();
    Events eventsB = new Events();
    IpsecHost a = host(wan, clock, A, "02:00:00:00:00:0a", EspMode.TRANSPORT, false, eventsA, 1, 100);
    IpsecHost b = host(wan, clock, B, "02:00:00:00:00:0b", EspMode.TRANSPORT, false, eventsB, 2, 100);
    GreOverIpsec innerA = new GreOverIpsec(a, A_INNER);
    GreOverIpsec innerB = new GreOverIpsec(b, B_INNER);
    a.connect(B);
    clock.runUntilIdle(Duration.ofSeconds(5));
    int[] replies = new int[1];
    innerA.onEchoReply(p -> replies[0]++);
    byte[] data = new byte[1000];
    // 400 echoes of 1000 bytes every 5 ms: about 410 KB each way through SAs that live for 100 KB
    for (int seq = 1; seq <= 400; seq++) {
      assertTrue(innerA.sendEcho(B, B_INNER, 7, seq, data), "echo " + seq + " has an SA to go out on");
      clock.advance(Duration.ofMillis(5));
    }
    clock.runUntilIdle(Duration.ofSeconds(1));
    assertEquals(innerB.echoRequestsAnswered(), 400);
    assertEquals(replies[0], 400, "no echo lost across the volume rekeys");
    assertTrue(eventsA.up.size() >= 5, "rekeyed about every 90 KB: " + eventsA.up.size() + " pairs");
    assertEquals(eventsB.up.size(), eventsA.up.size());
    assertEquals(a.esp().dropped() + a.esp().unknownSpi() + b.esp().dropped() + b.esp().unknownSpi(), 0);
    assertEquals(a.esp().noSa() + b.esp().noSa(), 0);
    for (ChildSa child : eventsA.up) {
      EspSa out = b.esp().inboundSa(child.outbound().spi());
      assertTrue(out == null || out.bytes() < 100 * 1024, "no SA used beyond its volume: " + out);
    }
  }

  private static IpsecHost host(VirtualSegment wan, SimulatedScheduler clock, Ipv4Address ip, String mac,
      EspMode mode, boolean udp, IkeListener events, long seed) {
    return host(wan, clock, ip, mac, mode, udp, events, seed, IpsecProfile.DEFAULT_LIFETIME_KILOBYTES);
  }

  private static IpsecHost host(VirtualSegment wan, SimulatedScheduler clock, Ipv4Address ip, String mac,
      EspMode mode, boolean udp, IkeListener events, long seed, long kilobytes) {
    IpsecProfile profile = new IpsecProfile("cisco",
        List.of(new TransformSet("strong", EspEncryption.TDES_CBC, EspIntegrity.HMAC_MD5_96, mode)), 120,
        kilobytes);
    IkeConfig config = IkeConfig.document(ip).withProfile(profile).withForcedUdpEncapsulation(udp);
    return new IpsecHost(wan.attach(ip.toString(), MacAddress.parse(mac)), new InterfaceAddress(ip, 24), config,
        clock, RandomSource.of(new SplittableRandom(seed)), events);
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
