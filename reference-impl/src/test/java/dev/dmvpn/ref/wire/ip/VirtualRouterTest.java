package dev.dmvpn.ref.wire.ip;

import static dev.dmvpn.ref.wire.ip.UdpInbox.ascii;
import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

import dev.dmvpn.ref.bytes.ByteReader;
import dev.dmvpn.ref.bytes.InternetChecksum;
import dev.dmvpn.ref.bytes.Ipv4Address;
import dev.dmvpn.ref.capture.CapturedFrame;
import dev.dmvpn.ref.l2l3.EtherType;
import dev.dmvpn.ref.l2l3.EthernetCodec;
import dev.dmvpn.ref.l2l3.EthernetFrame;
import dev.dmvpn.ref.l2l3.IcmpCodec;
import dev.dmvpn.ref.l2l3.IcmpPacket;
import dev.dmvpn.ref.l2l3.IcmpType;
import dev.dmvpn.ref.l2l3.IpProtocol;
import dev.dmvpn.ref.l2l3.Ipv4Codec;
import dev.dmvpn.ref.l2l3.Ipv4Packet;
import dev.dmvpn.ref.l2l3.MacAddress;
import dev.dmvpn.ref.l2l3.UdpCodec;
import dev.dmvpn.ref.l2l3.UdpDatagram;
import dev.dmvpn.ref.time.SimulatedScheduler;
import dev.dmvpn.ref.wire.virtual.DocumentWan;
import dev.dmvpn.ref.wire.virtual.MemoryTap;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.testng.annotations.BeforeMethod;
import org.testng.annotations.Test;

/** The document's public addressing through the WAN router: hub .225/27 on one segment, spokes on another. */
public class VirtualRouterTest {
  static final MacAddress HUB_MAC = MacAddress.parse("02:00:00:00:02:25");
  static final MacAddress SV9_4_MAC = MacAddress.parse("02:00:00:00:01:30");
  static final MacAddress SV9_3_MAC = MacAddress.parse("02:00:00:00:01:31");
  static final Ipv4Address HUB = DocumentWan.HUB.address();
  static final Ipv4Address SV9_4 = DocumentWan.SPOKE_SV9_4.address();
  static final Ipv4Address SV9_3 = DocumentWan.SPOKE_SV9_3.address();

  private SimulatedScheduler s;
  private DocumentWan wan;
  private MemoryTap hubTap;
  private MemoryTap spokeTap;
  private HostStack hub;
  private HostStack sv94;
  private HostStack sv93;
  private UdpInbox hubIn;
  private UdpInbox sv94In;
  private UdpInbox sv93In;

  @BeforeMethod
  public void documentWan() {
    s = new SimulatedScheduler();
    wan = DocumentWan.create(s, 1);
    hubTap = MemoryTap.attach(wan.hubSegment());
    spokeTap = MemoryTap.attach(wan.spokeSegment());
    hub = new HostStack(wan.hubSegment().attach("sv9-2", HUB_MAC), DocumentWan.HUB, s);
    sv94 = new HostStack(wan.spokeSegment().attach("sv9-4", SV9_4_MAC), DocumentWan.SPOKE_SV9_4, s);
    sv93 = new HostStack(wan.spokeSegment().attach("sv9-3", SV9_3_MAC), DocumentWan.SPOKE_SV9_3, s);
    hub.setDefaultGateway(DocumentWan.hubGateway());
    sv94.setDefaultGateway(DocumentWan.spokeGateway());
    sv93.setDefaultGateway(DocumentWan.spokeGateway());
    hubIn = new UdpInbox();
    sv94In = new UdpInbox();
    sv93In = new UdpInbox();
    hub.onReceive(hubIn);
    sv94.onReceive(sv94In);
    sv93.onReceive(sv93In);
  }

  private static List<Ipv4Packet> ipv4On(MemoryTap tap) {
    List<Ipv4Packet> out = new ArrayList<>();
    for (CapturedFrame f : tap.frames()) {
      EthernetFrame e = EthernetCodec.decode(f.data()).value();
      if (e.etherType().equals(EtherType.IPV4)) {
        out.add(Ipv4Codec.decode(ByteReader.of(e.payload())).value());
      }
    }
    return out;
  }

  private static IcmpPacket icmp(Ipv4Packet p) {
    assertEquals(p.protocol(), IpProtocol.ICMP, "not ICMP: " + p);
    return IcmpCodec.decode(ByteReader.of(p.payload())).value();
  }

  @Test
  public void spokeToHubCrossesTheRouterWithTtlDecrementedByOne() {
    assertTrue(sv94.sendUdp(500, HUB, 500, ascii("registration")));
    s.runUntilIdle(Duration.ofSeconds(1));
    assertEquals(hubIn.texts(), List.of("registration"));
    Ipv4Packet sent = ipv4On(spokeTap).get(0);
    Ipv4Packet forwarded = ipv4On(hubTap).get(0);
    assertEquals(sent.source(), SV9_4);
    assertEquals(sent.destination(), HUB);
    assertEquals(sent.ttl(), 255);
    assertEquals(forwarded.ttl(), 254);
    assertTrue(forwarded.checksumValid(), "checksum not updated");
    assertEquals(forwarded.identification(), sent.identification());
    assertEquals(forwarded.source(), SV9_4);
    assertTrue(Arrays.equals(forwarded.payload(), sent.payload()));
    assertEquals(hubIn.packets.get(0).ttl(), 254);
    assertEquals(wan.router().counters().forwarded(), 1);

    assertTrue(hub.sendUdp(500, SV9_4, 500, ascii("reply")));
    s.runUntilIdle(Duration.ofSeconds(1));
    assertEquals(sv94In.texts(), List.of("reply"));
    assertEquals(sv94In.packets.get(0).ttl(), 254);
    assertEquals(wan.router().counters().forwarded(), 2);
  }

  @Test
  public void routerArpsOnEachSideWithItsOwnAddresses() {
    sv94.sendUdp(500, HUB, 500, ascii("x"));
    s.runUntilIdle(Duration.ofSeconds(1));
    Ipv4Interface hubSide = wan.router().interfaces().get(0);
    Ipv4Interface spokeSide = wan.router().interfaces().get(1);
    assertEquals(spokeSide.arp().entries().get(SV9_4), SV9_4_MAC);
    assertEquals(hubSide.arp().entries().get(HUB), HUB_MAC);
    assertEquals(sv94.iface().arp().entries().get(DocumentWan.spokeGateway()),
        DocumentWan.ROUTER_SPOKE_SIDE_MAC);
    assertEquals(hubSide.arp().requestsSent(), 1);
  }

  @Test
  public void spokesOnTheSameSubnetTalkDirectly() {
    sv94.sendUdp(4500, SV9_3, 4500, ascii("direct"));
    s.runUntilIdle(Duration.ofSeconds(1));
    assertEquals(sv93In.texts(), List.of("direct"));
    assertEquals(sv93In.packets.get(0).ttl(), 255);
    assertEquals(wan.router().counters().forwarded(), 0);
    assertTrue(hubTap.frames().isEmpty());
  }

  @Test
  public void ttlOneDrawsTimeExceededFromTheIngressAddress() {
    byte[] udp = UdpCodec.encode(
        UdpDatagram.of(33434, 33434, ascii("trace")), SV9_4, HUB);
    sv94.send(Ipv4Packet.of(IpProtocol.UDP, SV9_4, HUB, 0, 1, 77, false, udp));
    s.runUntilIdle(Duration.ofSeconds(1));
    assertTrue(hubIn.packets.isEmpty());
    assertEquals(sv94In.packets.size(), 1);
    Ipv4Packet err = sv94In.packets.get(0);
    assertEquals(err.source(), DocumentWan.spokeGateway());
    IcmpPacket icmp = icmp(err);
    assertEquals(icmp.type(), IcmpType.TIME_EXCEEDED);
    assertEquals(icmp.code(), 0);
    assertTrue(icmp.checksumValid());
    Ipv4Packet quoted = Ipv4Codec.decode(ByteReader.of(icmp.data())).value();
    assertEquals(quoted.identification(), 77);
    assertEquals(quoted.destination(), HUB);
    assertEquals(icmp.data().length, 28, "header plus 8 bytes");
    assertEquals(wan.router().counters().ttlExceeded(), 1);
  }

  /** The hub's printed default route points at 10.66.79.193, which this WAN has no route to. */
  @Test
  public void noRouteDrawsNetUnreachable() {
    hub.sendUdp(1, Ipv4Address.parse("10.66.79.193"), 2, ascii("lost"));
    s.runUntilIdle(Duration.ofSeconds(1));
    IcmpPacket icmp = icmp(hubIn.packets.get(0));
    assertEquals(icmp.type(), IcmpType.DESTINATION_UNREACHABLE);
    assertEquals(icmp.code(), IcmpErrors.CODE_NET_UNREACHABLE);
    assertEquals(hubIn.packets.get(0).source(), DocumentWan.hubGateway());
    assertEquals(wan.router().counters().noRoute(), 1);
  }

  @Test
  public void silentNeighbourDrawsHostUnreachableAfterArpGivesUp() {
    Ipv4Address absent = Ipv4Address.parse("209.168.202.140");
    hub.sendUdp(1, absent, 2, ascii("anyone?"));
    s.advance(Duration.ofSeconds(4));
    assertTrue(hubIn.packets.isEmpty());
    s.advance(Duration.ofSeconds(2));
    IcmpPacket icmp = icmp(hubIn.packets.get(0));
    assertEquals(icmp.type(), IcmpType.DESTINATION_UNREACHABLE);
    assertEquals(icmp.code(), IcmpErrors.CODE_HOST_UNREACHABLE);
    assertEquals(wan.router().counters().hostUnreachable(), 1);
  }

  @Test
  public void icmpErrorsAreNotAnsweredWithIcmpErrors() {
    IcmpPacket fakeError = new IcmpPacket(IcmpType.DESTINATION_UNREACHABLE, 3, 0, 0, new byte[28]);
    hub.send(Ipv4Packet.of(IpProtocol.ICMP, HUB, Ipv4Address.parse("10.0.0.1"), 0, 255, 9, false,
        IcmpCodec.encode(fakeError)));
    s.runUntilIdle(Duration.ofSeconds(1));
    assertEquals(wan.router().counters().noRoute(), 1);
    assertEquals(wan.router().counters().icmpErrorsSent(), 0);
    assertTrue(hubIn.packets.isEmpty());
  }

  @Test
  public void routerAnswersEchoToItsAddresses() {
    IcmpPacket echo = IcmpPacket.echoRequest(0x1234, 1, ascii("abcdefgh"));
    sv94.send(Ipv4Packet.of(IpProtocol.ICMP, SV9_4, DocumentWan.hubGateway(), 0, 255, 5, false,
        IcmpCodec.encode(echo)));
    s.runUntilIdle(Duration.ofSeconds(1));
    Ipv4Packet reply = sv94In.packets.get(0);
    assertEquals(reply.source(), DocumentWan.hubGateway());
    IcmpPacket icmp = icmp(reply);
    assertEquals(icmp.type(), IcmpType.ECHO_REPLY);
    assertEquals(icmp.echoIdentifier(), 0x1234);
    assertEquals(icmp.echoSequence(), 1);
    assertTrue(Arrays.equals(icmp.data(), ascii("abcdefgh")));
  }

  @Test
  public void staticRouteResolvesThroughAConnectedNextHop() {
    wan.router().addStaticRoute(Ipv4Prefix.parse("3.3.3.0/24"), SV9_4);
    hub.sendUdp(1, Ipv4Address.parse("3.3.3.3"), 2, ascii("behind sv9-4"));
    s.runUntilIdle(Duration.ofSeconds(1));
    List<Ipv4Packet> onSpokes = ipv4On(spokeTap);
    assertEquals(onSpokes.size(), 1);
    assertEquals(onSpokes.get(0).destination(), Ipv4Address.parse("3.3.3.3"));
    EthernetFrame e = EthernetCodec.decode(spokeTap.frames().get(spokeTap.frames().size() - 1).data()).value();
    assertEquals(e.destination(), SV9_4_MAC);
    assertEquals(sv94.notForUs(), 1, "a host does not forward");
  }

  /** RFC 1624 incremental update against a full recomputation, over random headers and every TTL. */
  @Test
  public void incrementalChecksumMatchesFullRecomputation() {
    Random r = new Random(1624);
    for (int i = 0; i < 20_000; i++) {
      byte[] header = new byte[20];
      r.nextBytes(header);
      header[0] = 0x45;
      header[8] = (byte) (2 + r.nextInt(254));
      header[10] = 0;
      header[11] = 0;
      int sum = InternetChecksum.compute(header, 0, 20);
      header[10] = (byte) (sum >>> 8);
      header[11] = (byte) sum;
      byte[] out = VirtualRouter.decrementTtl(header);
      assertEquals(out[8] & 0xFF, (header[8] & 0xFF) - 1);
      assertTrue(InternetChecksum.verify(out, 0, 20), "header " + i);
      byte[] recomputed = out.clone();
      recomputed[10] = 0;
      recomputed[11] = 0;
      int expected = InternetChecksum.compute(recomputed, 0, 20);
      assertEquals(((out[10] & 0xFF) << 8) | (out[11] & 0xFF), expected, "header " + i);
    }
  }
}
