package dev.dmvpn.ref.wire.ip;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertNull;

import dev.dmvpn.ref.bytes.Ipv4Address;
import dev.dmvpn.ref.l2l3.ArpCodec;
import dev.dmvpn.ref.l2l3.ArpOperation;
import dev.dmvpn.ref.l2l3.ArpPacket;
import dev.dmvpn.ref.l2l3.EtherType;
import dev.dmvpn.ref.l2l3.MacAddress;
import dev.dmvpn.ref.time.SimulatedScheduler;
import dev.dmvpn.ref.wire.EthernetFrames;
import dev.dmvpn.ref.wire.virtual.VirtualPort;
import dev.dmvpn.ref.wire.virtual.VirtualSegment;
import java.time.Duration;
import org.testng.annotations.BeforeMethod;
import org.testng.annotations.Test;

/**
 * Broadcast ARP requests for other hosts (what every node on a large segment receives) are ignored without
 * decoding, yet RFC 826 still holds: a known sender's new MAC is merged, and requests for us are answered.
 */
public class ArpFloodTest {
  private static final Ipv4Address US = Ipv4Address.parse("10.0.0.1");
  private static final Ipv4Address OTHER = Ipv4Address.parse("10.0.0.9");
  private static final Ipv4Address SENDER = Ipv4Address.parse("10.0.0.2");
  private static final MacAddress SENDER_MAC = MacAddress.parse("02:00:00:00:00:02");
  private static final MacAddress SENDER_NEW_MAC = MacAddress.parse("02:00:00:00:00:22");

  private SimulatedScheduler s;
  private Ipv4Interface ip;
  private VirtualPort peer;

  @BeforeMethod
  public void oneInterface() {
    s = new SimulatedScheduler();
    VirtualSegment lan = new VirtualSegment("lan", s);
    ip = new Ipv4Interface("us", lan.attach("us", MacAddress.parse("02:00:00:00:00:01")), s,
        ArpSettings.defaults());
    ip.addAddress(new InterfaceAddress(US, 8));
    peer = lan.attach("peer", SENDER_MAC);
  }

  private void request(MacAddress senderMac, Ipv4Address target) {
    ArpPacket req = ArpPacket.ethernetIpv4(ArpOperation.REQUEST, senderMac, SENDER, MacAddress.ZERO, target);
    peer.send(EthernetFrames.build(MacAddress.BROADCAST, senderMac, EtherType.ARP, ArpCodec.encode(req)));
    s.runUntilIdle(Duration.ofSeconds(1));
  }

  @Test
  public void requestForAnotherHostFromAnUnknownSenderIsNeitherLearnedNorAnswered() {
    request(SENDER_MAC, OTHER);
    assertNull(ip.arp().lookup(SENDER));
    assertEquals(ip.arp().repliesSent(), 0);
    assertEquals(ip.framesIn(), 1);
    assertEquals(ip.malformed(), 0);
  }

  @Test
  public void requestForUsIsLearnedAndAnswered() {
    request(SENDER_MAC, US);
    assertEquals(ip.arp().lookup(SENDER), SENDER_MAC);
    assertEquals(ip.arp().repliesSent(), 1);
  }

  @Test
  public void requestForAnotherHostFromAKnownSenderUpdatesItsMac() {
    request(SENDER_MAC, US);
    request(SENDER_NEW_MAC, OTHER); // RFC 826: the merge happens whoever the target is
    assertEquals(ip.arp().lookup(SENDER), SENDER_NEW_MAC);
    assertEquals(ip.arp().repliesSent(), 1);
  }
}
