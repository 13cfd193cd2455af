package dev.dmvpn.ref.nhrp;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertNull;
import static org.testng.Assert.assertTrue;

import dev.dmvpn.ref.bytes.Ipv4Address;
import java.util.List;
import org.testng.annotations.Test;

/**
 * Known answers from capture ios-nhrp-registration-key2-auth.pcap (tcpdump NHRP_registration.pcap, IOS spoke
 * 155.1.0.1 registering with NHS 155.1.0.5, GRE key 2), values as printed by
 * {@code tshark -r F -o nhrp.auth_ext_has_addr:FALSE -V} (TShark 4.0.17).
 */
public class NhrpRegistrationCaptureTest {
  private static final String CAPTURE = "ios-nhrp-registration-key2-auth.pcap";
  private static final Ipv4Address SPOKE_NBMA = Ipv4Address.parse("169.254.100.1");
  private static final Ipv4Address SPOKE_TUNNEL = Ipv4Address.parse("155.1.0.1");
  private static final Ipv4Address NHS_NBMA = Ipv4Address.parse("169.254.100.5");
  private static final Ipv4Address NHS_TUNNEL = Ipv4Address.parse("155.1.0.5");

  @Test
  public void frame1RegistrationRequestFixedHeader() {
    NhrpFixedHeader h = NhrpTestFrames.decodeFrame(CAPTURE, 1).header();
    assertEquals(h.afn(), 1);
    assertEquals(h.protocolType(), 0x0800);
    assertEquals(h.protocolSnap(), new byte[5]);
    assertEquals(h.hopCount(), 255);
    assertEquals(h.packetSize(), 108);
    assertEquals(h.checksum(), 0x197b);
    assertEquals(h.extensionOffset(), 52);
    assertEquals(h.version(), 1);
    assertEquals(h.type(), NhrpPacketType.REGISTRATION_REQUEST);
    assertEquals(h.srcNbmaLength(), 4);
    assertEquals(h.srcNbmaSubLength(), 0);
  }

  @Test
  public void frame1RegistrationRequestMandatoryPartAndCie() {
    NhrpPacket p = NhrpTestFrames.decodeFrame(CAPTURE, 1);
    assertTrue(p.checksumValid());
    NhrpMandatoryPart m = p.mandatoryPart();
    assertEquals(m.srcProtoLen(), 4);
    assertEquals(m.dstProtoLen(), 4);
    assertEquals(m.flags(), 0x8002);
    assertEquals(NhrpFlags.names(p.type(), m.flags()), List.of("U", "NAT"));
    assertEquals(m.requestId(), 1L);
    assertEquals(m.srcNbmaIpv4(), SPOKE_NBMA);
    assertEquals(m.srcNbmaSub().length, 0);
    assertEquals(m.srcProtoIpv4(), SPOKE_TUNNEL);
    assertEquals(m.dstProtoIpv4(), NHS_TUNNEL);
    assertEquals(m.cies().size(), 1);
    NhrpCie c = m.firstCie();
    assertEquals(c.code(), NhrpCieCode.SUCCESS);
    assertEquals(c.prefixLength(), 32);
    assertEquals(c.mtu(), 17912);
    assertEquals(c.holdTime(), 7200);
    assertEquals(c.clientNbmaLength(), 0);
    assertEquals(c.clientNbmaSubLength(), 0);
    assertEquals(c.clientProtoLength(), 0);
    assertEquals(c.preference(), 0);
  }

  @Test
  public void frame1ExtensionsInIosOrder() {
    NhrpPacket p = NhrpTestFrames.decodeFrame(CAPTURE, 1);
    assertEquals(p.extensionTypes(), new int[] {3, 4, 5, 7, 9, 0});
    assertTrue(p.extension(NhrpExtension.ResponderAddress.class).cies().isEmpty());
    assertNull(p.extension(NhrpExtension.ResponderAddress.class).cie());
    assertTrue(p.extension(NhrpExtension.ForwardTransit.class).cies().isEmpty());
    assertTrue(p.extension(NhrpExtension.ReverseTransit.class).cies().isEmpty());
    for (NhrpExtension e : p.extensions()) {
      // tshark: Compulsory Flag True on 3,4,5,7,End; False on Cisco NAT (9)
      assertEquals(e.compulsory(), e.type().value() != 9, e.type().name());
    }
    assertEquals(p.trailer().length, 0);
  }

  @Test
  public void frame1AuthenticationAndCiscoNat() {
    NhrpPacket p = NhrpTestFrames.decodeFrame(CAPTURE, 1);
    NhrpExtension.Authentication auth = p.extension(NhrpExtension.Authentication.class);
    assertEquals(auth.spi(), 1L);
    assertEquals(auth.data(), "NHRPAUTH".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    assertEquals(auth.password(), "NHRPAUTH");
    NhrpExtension.CiscoNat nat = p.extension(NhrpExtension.CiscoNat.class);
    assertEquals(nat.flagBits(), 0);
    assertEquals(nat.cies().size(), 1);
    NhrpCie c = nat.cies().get(0);
    assertEquals(c.prefixLength(), 32);
    assertEquals(c.mtu(), 17912);
    assertEquals(c.holdTime(), 0);
    assertEquals(c.clientNbmaIpv4(), NHS_NBMA);
    assertEquals(c.clientProtoIpv4(), NHS_TUNNEL);
  }

  @Test
  public void frame2RegistrationReplyAddsResponderAddress() {
    NhrpPacket p = NhrpTestFrames.decodeFrame(CAPTURE, 2);
    assertEquals(p.type(), NhrpPacketType.REGISTRATION_REPLY);
    assertEquals(p.header().hopCount(), 255);
    assertEquals(p.header().packetSize(), 128);
    assertEquals(p.header().checksum(), 0x060f);
    assertEquals(p.header().extensionOffset(), 52);
    assertTrue(p.checksumValid());
    NhrpMandatoryPart m = p.mandatoryPart();
    assertEquals(m.flags(), 0x8002);
    assertEquals(m.requestId(), 1L);
    assertEquals(m.srcProtoIpv4(), SPOKE_TUNNEL);
    assertEquals(m.dstProtoIpv4(), NHS_TUNNEL);
    assertEquals(m.firstCie().code(), NhrpCieCode.SUCCESS);
    assertEquals(m.firstCie().holdTime(), 7200);
    assertEquals(p.extensionTypes(), new int[] {3, 4, 5, 7, 9, 0});
    NhrpCie responder = p.extension(NhrpExtension.ResponderAddress.class).cie();
    assertEquals(responder.code(), NhrpCieCode.SUCCESS);
    assertEquals(responder.prefixLength(), 32);
    assertEquals(responder.mtu(), 17912);
    assertEquals(responder.holdTime(), 7200);
    assertEquals(responder.clientNbmaIpv4(), NHS_NBMA);
    assertEquals(responder.clientProtoIpv4(), NHS_TUNNEL);
    assertEquals(p.extension(NhrpExtension.Authentication.class).password(), "NHRPAUTH");
  }

  @Test
  public void frames3And4SecondPairUsesRequestId2() {
    NhrpPacket req = NhrpTestFrames.decodeFrame(CAPTURE, 3);
    NhrpPacket rep = NhrpTestFrames.decodeFrame(CAPTURE, 4);
    assertEquals(req.type(), NhrpPacketType.REGISTRATION_REQUEST);
    assertEquals(rep.type(), NhrpPacketType.REGISTRATION_REPLY);
    assertEquals(req.mandatoryPart().requestId(), 2L);
    assertEquals(rep.mandatoryPart().requestId(), 2L);
    assertEquals(req.header().checksum(), 0x197a); // tshark: frame 3 0x197a [correct]
    assertEquals(rep.header().checksum(), 0x060e); // tshark: frame 4 0x060e [correct]
    assertTrue(req.checksumValid());
    assertTrue(rep.checksumValid());
    assertEquals(req.mandatoryPart().flags(), 0x8002);
    assertEquals(rep.mandatoryPart().flags(), 0x8002);
    assertEquals(req.extensionTypes(), new int[] {3, 4, 5, 7, 9, 0});
    assertEquals(rep.extension(NhrpExtension.ResponderAddress.class).cies().size(), 1);
  }
}
