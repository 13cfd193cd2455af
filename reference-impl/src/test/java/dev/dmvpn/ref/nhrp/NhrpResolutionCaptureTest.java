package dev.dmvpn.ref.nhrp;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

import dev.dmvpn.ref.bytes.Ipv4Address;
import java.util.List;
import org.testng.annotations.Test;

/**
 * Known answers from capture ios-phase2-resolution-via-hub.cap (PacketLife mGRE_ICMP.cap, captured on the
 * link between spoke A (NBMA 172.16.25.2, tunnel 192.168.0.2) and the hub (172.16.15.2 / 192.168.0.1); spoke B
 * is 172.16.45.2 / 192.168.0.4), values from {@code tshark -r F -o nhrp.auth_ext_has_addr:FALSE -V}.
 */
public class NhrpResolutionCaptureTest {
  private static final String CAPTURE = "ios-phase2-resolution-via-hub.cap";
  private static final Ipv4Address A_NBMA = Ipv4Address.parse("172.16.25.2");
  private static final Ipv4Address A_TUNNEL = Ipv4Address.parse("192.168.0.2");
  private static final Ipv4Address B_NBMA = Ipv4Address.parse("172.16.45.2");
  private static final Ipv4Address B_TUNNEL = Ipv4Address.parse("192.168.0.4");
  private static final Ipv4Address HUB_NBMA = Ipv4Address.parse("172.16.15.2");
  private static final Ipv4Address HUB_TUNNEL = Ipv4Address.parse("192.168.0.1");

  @Test
  public void frame2ResolutionRequestFromSpokeA() {
    NhrpPacket p = NhrpTestFrames.decodeFrame(CAPTURE, 2);
    assertEquals(p.type(), NhrpPacketType.RESOLUTION_REQUEST);
    assertEquals(p.header().hopCount(), 255);
    assertEquals(p.header().packetSize(), 72);
    assertEquals(p.header().checksum(), 0xbce8);
    assertEquals(p.header().extensionOffset(), 52);
    assertTrue(p.checksumValid());
    NhrpMandatoryPart m = p.mandatoryPart();
    assertEquals(m.flags(), 0xc802);
    assertEquals(NhrpFlags.names(p.type(), m.flags()), List.of("Q", "A", "S", "NAT"));
    assertEquals(m.requestId(), 8L);
    assertEquals(m.srcNbmaIpv4(), A_NBMA);
    assertEquals(m.srcProtoIpv4(), A_TUNNEL);
    assertEquals(m.dstProtoIpv4(), B_TUNNEL);
    assertEquals(m.cies().size(), 1);
    assertCie(m.firstCie(), 0, 1514, 7200);
    assertEquals(m.firstCie().clientNbmaLength(), 0);
    // IOS 12.4 here: no authentication extension, empty Cisco NAT extension
    assertEquals(p.extensionTypes(), new int[] {3, 4, 5, 9, 0});
    assertTrue(p.extension(NhrpExtension.CiscoNat.class).cies().isEmpty());
    assertTrue(p.extension(NhrpExtension.ForwardTransit.class).cies().isEmpty());
  }

  @Test
  public void frame5RequestForwardedByHubCarriesHubInForwardTransit() {
    NhrpPacket p = NhrpTestFrames.decodeFrame(CAPTURE, 5);
    assertEquals(p.type(), NhrpPacketType.RESOLUTION_REQUEST);
    assertEquals(p.header().hopCount(), 254);
    assertEquals(p.header().packetSize(), 92);
    assertEquals(p.header().checksum(), 0x02fd);
    assertTrue(p.checksumValid());
    NhrpMandatoryPart m = p.mandatoryPart();
    assertEquals(m.flags(), 0xc802);
    assertEquals(m.requestId(), 6L);
    assertEquals(m.srcNbmaIpv4(), B_NBMA);
    assertEquals(m.srcProtoIpv4(), B_TUNNEL);
    assertEquals(m.dstProtoIpv4(), A_TUNNEL);
    assertCie(m.firstCie(), 0, 1514, 7200);
    List<NhrpCie> fwd = p.extension(NhrpExtension.ForwardTransit.class).cies();
    assertEquals(fwd.size(), 1);
    assertCie(fwd.get(0), 0, 1514, 7200);
    assertEquals(fwd.get(0).clientNbmaIpv4(), HUB_NBMA);
    assertEquals(fwd.get(0).clientProtoIpv4(), HUB_TUNNEL);
    assertTrue(p.extension(NhrpExtension.ReverseTransit.class).cies().isEmpty());
  }

  @Test
  public void frame6ReplyFromSpokeACopiesForwardTransit() {
    NhrpPacket p = NhrpTestFrames.decodeFrame(CAPTURE, 6);
    assertEquals(p.type(), NhrpPacketType.RESOLUTION_REPLY);
    assertEquals(p.header().hopCount(), 255);
    assertEquals(p.header().packetSize(), 120);
    assertEquals(p.header().checksum(), 0x951e);
    assertEquals(p.header().extensionOffset(), 60);
    assertTrue(p.checksumValid());
    NhrpMandatoryPart m = p.mandatoryPart();
    assertEquals(m.flags(), 0xf802);
    assertEquals(NhrpFlags.names(p.type(), m.flags()), List.of("Q", "A", "D", "U", "S", "NAT"));
    assertEquals(m.requestId(), 6L);
    assertEquals(m.srcNbmaIpv4(), B_NBMA);
    assertEquals(m.srcProtoIpv4(), B_TUNNEL);
    assertEquals(m.dstProtoIpv4(), A_TUNNEL);
    assertCie(m.firstCie(), 32, 1514, 7199);
    assertEquals(m.firstCie().clientNbmaIpv4(), A_NBMA);
    assertEquals(m.firstCie().clientProtoIpv4(), A_TUNNEL);
    NhrpCie responder = p.extension(NhrpExtension.ResponderAddress.class).cie();
    assertCie(responder, 0, 1514, 7200);
    assertEquals(responder.clientNbmaIpv4(), A_NBMA);
    assertEquals(responder.clientProtoIpv4(), A_TUNNEL);
    assertEquals(p.extension(NhrpExtension.ForwardTransit.class).cies().get(0).clientNbmaIpv4(), HUB_NBMA);
    assertTrue(p.extension(NhrpExtension.ReverseTransit.class).cies().isEmpty());
  }

  @Test
  public void frame7ReplyForwardedByHubCarriesHubInReverseTransit() {
    NhrpPacket p = NhrpTestFrames.decodeFrame(CAPTURE, 7);
    assertEquals(p.type(), NhrpPacketType.RESOLUTION_REPLY);
    assertEquals(p.header().hopCount(), 254);
    assertEquals(p.header().packetSize(), 140);
    assertEquals(p.header().checksum(), 0xdb2a);
    assertTrue(p.checksumValid());
    NhrpMandatoryPart m = p.mandatoryPart();
    assertEquals(m.flags(), 0xf802);
    assertEquals(m.requestId(), 8L);
    assertEquals(m.srcNbmaIpv4(), A_NBMA);
    assertEquals(m.srcProtoIpv4(), A_TUNNEL);
    assertEquals(m.dstProtoIpv4(), B_TUNNEL);
    assertCie(m.firstCie(), 32, 1514, 7199);
    assertEquals(m.firstCie().clientNbmaIpv4(), B_NBMA);
    assertEquals(m.firstCie().clientProtoIpv4(), B_TUNNEL);
    assertEquals(p.extension(NhrpExtension.ResponderAddress.class).cie().clientNbmaIpv4(), B_NBMA);
    List<NhrpCie> fwd = p.extension(NhrpExtension.ForwardTransit.class).cies();
    List<NhrpCie> rev = p.extension(NhrpExtension.ReverseTransit.class).cies();
    assertEquals(fwd.size(), 1);
    assertEquals(rev.size(), 1);
    assertEquals(fwd.get(0).clientProtoIpv4(), HUB_TUNNEL);
    assertCie(rev.get(0), 0, 1514, 7200);
    assertEquals(rev.get(0).clientNbmaIpv4(), HUB_NBMA);
    assertEquals(rev.get(0).clientProtoIpv4(), HUB_TUNNEL);
    assertEquals(p.extensionTypes(), new int[] {3, 4, 5, 9, 0});
  }

  private static void assertCie(NhrpCie c, int prefix, int mtu, int holdTime) {
    assertEquals(c.code(), NhrpCieCode.SUCCESS);
    assertEquals(c.prefixLength(), prefix);
    assertEquals(c.mtu(), mtu);
    assertEquals(c.holdTime(), holdTime);
    assertEquals(c.preference(), 0);
  }
}
