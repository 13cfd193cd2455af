package dev.dmvpn.ref.wire.ip;

import static dev.dmvpn.ref.wire.ip.UdpInbox.ascii;
import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertNull;
import static org.testng.Assert.assertTrue;

import dev.dmvpn.ref.bytes.ByteReader;
import dev.dmvpn.ref.bytes.Ipv4Address;
import dev.dmvpn.ref.capture.CapturedFrame;
import dev.dmvpn.ref.l2l3.ArpCodec;
import dev.dmvpn.ref.l2l3.ArpOperation;
import dev.dmvpn.ref.l2l3.ArpPacket;
import dev.dmvpn.ref.l2l3.EtherType;
import dev.dmvpn.ref.l2l3.EthernetCodec;
import dev.dmvpn.ref.l2l3.EthernetFrame;
import dev.dmvpn.ref.l2l3.Ipv4Codec;
import dev.dmvpn.ref.l2l3.Ipv4Packet;
import dev.dmvpn.ref.l2l3.MacAddress;
import dev.dmvpn.ref.time.SimulatedScheduler;
import dev.dmvpn.ref.wire.EthernetFrames;
import dev.dmvpn.ref.wire.virtual.MemoryTap;
import dev.dmvpn.ref.wire.virtual.VirtualSegment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.testng.annotations.BeforeMethod;
import org.testng.annotations.Test;

/** Two hosts on one virtual segment: ARP, UDP, retries, queue limits, cache lifetime. */
public class HostStackTest {
  static final MacAddress MAC_1 = MacAddress.parse("02:00:00:00:01:01");
  static final MacAddress MAC_2 = MacAddress.parse("02:00:00:00:01:02");
  static final Ipv4Address IP_1 = Ipv4Address.parse("192.0.2.1");
  static final Ipv4Address IP_2 = Ipv4Address.parse("192.0.2.2");

  private SimulatedScheduler s;
  private VirtualSegment lan;
  private MemoryTap tap;
  private HostStack h1;
  private HostStack h2;
  private UdpInbox in1;
  private UdpInbox in2;

  @BeforeMethod
  public void twoHosts() {
    s = new SimulatedScheduler();
    lan = new VirtualSegment("lan", s);
    tap = MemoryTap.attach(lan);
    ArpSettings arp = new ArpSettings(Duration.ofSeconds(10), Duration.ofSeconds(1), 5, 16);
    h1 = new HostStack(lan.attach("h1", MAC_1), new InterfaceAddress(IP_1, 24), s, arp);
    h2 = new HostStack(lan.attach("h2", MAC_2), new InterfaceAddress(IP_2, 24), s, arp);
    in1 = new UdpInbox();
    in2 = new UdpInbox();
    h1.onReceive(in1);
    h2.onReceive(in2);
  }

  private static EthernetFrame eth(CapturedFrame f) {
    return EthernetCodec.decode(f.data()).value();
  }

  private static ArpPacket arp(CapturedFrame f) {
    EthernetFrame e = eth(f);
    assertEquals(e.etherType(), EtherType.ARP, "not ARP: " + e);
    return ArpCodec.decode(ByteReader.of(e.payload())).value();
  }

  private static Ipv4Packet ipv4(CapturedFrame f) {
    EthernetFrame e = eth(f);
    assertEquals(e.etherType(), EtherType.IPV4, "not IPv4: " + e);
    return Ipv4Codec.decode(ByteReader.of(e.payload())).value();
  }

  @Test
  public void firstDatagramWaitsForArpThenBothWaysFlow() {
    assertTrue(h1.sendUdp(5000, IP_2, 6000, ascii("hello")));
    s.runUntilIdle(Duration.ofSeconds(1));
    assertEquals(in2.texts(), List.of("hello"));
    assertEquals(in2.datagrams.get(0).sourcePort(), 5000);
    assertEquals(in2.datagrams.get(0).destinationPort(), 6000);
    assertEquals(in2.packets.get(0).source(), IP_1);
    assertEquals(in2.packets.get(0).ttl(), HostStack.DEFAULT_TTL);
    assertTrue(h2.sendUdp(6000, IP_1, 5000, ascii("world")));
    s.runUntilIdle(Duration.ofSeconds(1));
    assertEquals(in1.texts(), List.of("world"));

    List<CapturedFrame> wire = tap.frames();
    assertEquals(wire.size(), 4, "who-has, is-at, hello, world (h2 learned h1 from the request)");
    ArpPacket whoHas = arp(wire.get(0));
    assertEquals(eth(wire.get(0)).destination(), MacAddress.BROADCAST);
    assertEquals(whoHas.operation(), ArpOperation.REQUEST);
    assertEquals(whoHas.senderIp(), IP_1);
    assertEquals(whoHas.senderMac(), MAC_1);
    assertEquals(whoHas.targetIp(), IP_2);
    assertEquals(whoHas.targetMac(), MacAddress.ZERO);
    ArpPacket isAt = arp(wire.get(1));
    assertEquals(eth(wire.get(1)).destination(), MAC_1);
    assertEquals(isAt.operation(), ArpOperation.REPLY);
    assertEquals(isAt.senderIp(), IP_2);
    assertEquals(isAt.senderMac(), MAC_2);
    assertEquals(isAt.targetIp(), IP_1);
    assertEquals(isAt.targetMac(), MAC_1);
    assertEquals(ipv4(wire.get(2)).destination(), IP_2);
    assertEquals(eth(wire.get(2)).destination(), MAC_2);
    for (CapturedFrame f : wire) {
      assertEquals(f.data().length, 60, "short frames are padded to the Ethernet minimum");
    }
    assertEquals(h1.iface().arp().entries(), Map.of(IP_2, MAC_2));
    assertEquals(h2.iface().arp().entries(), Map.of(IP_1, MAC_1));
    assertEquals(h1.iface().arp().requestsSent(), 1);
    assertEquals(h2.iface().arp().repliesSent(), 1);
  }

  @Test
  public void unansweredArpIsRetriedThenGivenUp() {
    Ipv4Address nobody = Ipv4Address.parse("192.0.2.99");
    List<Ipv4Address> failed = new ArrayList<>();
    h1.iface().arp().onFailure((hop, packets) -> {
      failed.add(hop);
      assertEquals(packets.size(), 2);
    });
    h1.sendUdp(1, nobody, 2, ascii("a"));
    h1.sendUdp(1, nobody, 2, ascii("b"));
    s.advance(Duration.ofMillis(4500));
    assertEquals(h1.iface().arp().requestsSent(), 5, "requests at 0, 1, 2, 3 and 4 s");
    assertTrue(failed.isEmpty());
    s.advance(Duration.ofSeconds(1));
    assertEquals(failed, List.of(nobody));
    assertEquals(h1.iface().arp().failures(), 1);
    assertEquals(h1.iface().arp().pendingAddresses(), 0);
    assertEquals(tap.frames().size(), 5);
    for (CapturedFrame f : tap.frames()) {
      assertEquals(arp(f).targetIp(), nobody);
    }
    assertEquals(s.pending(), 0, "no timer left behind");
  }

  @Test
  public void pendingQueueIsBoundedPerAddress() {
    for (int i = 0; i < 20; i++) {
      h1.sendUdp(1, IP_2, 2, ascii("m" + i));
    }
    s.runUntilIdle(Duration.ofSeconds(1));
    assertEquals(in2.datagrams.size(), 16);
    assertEquals(in2.texts().get(15), "m15");
    assertEquals(h1.iface().arp().pendingDropped(), 4);
  }

  @Test
  public void expiredEntryIsResolvedAgain() {
    h1.sendUdp(1, IP_2, 2, ascii("x"));
    s.advance(Duration.ofMillis(1)); // resolved at time 0, lifetime 10 s
    s.advance(Duration.ofSeconds(9));
    assertEquals(h1.iface().arp().lookup(IP_2), MAC_2);
    s.advance(Duration.ofSeconds(2));
    assertNull(h1.iface().arp().lookup(IP_2));
    h1.sendUdp(1, IP_2, 2, ascii("y"));
    s.runUntilIdle(Duration.ofSeconds(1));
    assertEquals(in2.texts(), List.of("x", "y"));
    assertEquals(h1.iface().arp().requestsSent(), 2);
  }

  @Test
  public void offLinkDestinationNeedsAGateway() {
    Ipv4Address offLink = Ipv4Address.parse("198.51.100.7");
    assertFalse(h1.sendUdp(1, offLink, 2, ascii("nowhere")));
    assertEquals(h1.unroutable(), 1);
    h1.setDefaultGateway(IP_2);
    assertTrue(h1.sendUdp(1, offLink, 2, ascii("via gateway")));
    s.runUntilIdle(Duration.ofSeconds(1));
    // h2 is no router: it receives the frame (its MAC) but does not take a packet for another address
    assertEquals(in2.packets.size(), 0);
    assertEquals(h2.notForUs(), 1);
    assertEquals(ipv4(tap.frames().get(2)).destination(), offLink);
    assertEquals(eth(tap.frames().get(2)).destination(), MAC_2);
  }

  @Test
  public void arpForAnotherAddressIsNotAnswered() {
    MacAddress stranger = MacAddress.parse("02:00:00:00:01:99");
    var port = lan.attach("stranger", stranger);
    ArpPacket req = ArpPacket.ethernetIpv4(ArpOperation.REQUEST, stranger, Ipv4Address.parse("192.0.2.50"),
        MacAddress.ZERO, Ipv4Address.parse("192.0.2.77"));
    port.send(EthernetFrames.build(MacAddress.BROADCAST, stranger, EtherType.ARP,
        ArpCodec.encode(req)));
    s.runUntilIdle(Duration.ofSeconds(1));
    assertEquals(tap.frames().size(), 1, "somebody answered for 192.0.2.77");
    assertTrue(h1.iface().arp().entries().isEmpty(), "learned a sender whose request was not for us");
  }

  @Test
  public void broadcastDatagramReachesEveryHostWithoutArp() {
    h1.sendUdp(68, Ipv4Address.parse("192.0.2.255"), 67, ascii("to all"));
    h1.sendUdp(68, Ipv4Address.parse("255.255.255.255"), 67, ascii("to all again"));
    s.runUntilIdle(Duration.ofSeconds(1));
    assertEquals(in2.texts(), List.of("to all", "to all again"));
    assertEquals(h1.iface().arp().requestsSent(), 0);
  }
}
