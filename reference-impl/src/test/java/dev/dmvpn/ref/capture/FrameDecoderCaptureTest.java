package dev.dmvpn.ref.capture;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertNotNull;
import static org.testng.Assert.assertNull;
import static org.testng.Assert.assertTrue;

import dev.dmvpn.ref.testing.SharedFiles;
import java.util.ArrayList;
import java.util.List;
import org.testng.annotations.Test;

/**
 * The layered decode of whole frames from the shared captures, with values from their MANIFEST.md (and tshark,
 * as noted per assertion).
 */
public class FrameDecoderCaptureTest {

  private static List<DecodedFrame> decode(String capture) throws Exception {
    List<CapturedFrame> frames = CaptureFiles.readAll(SharedFiles.capture(capture));
    List<DecodedFrame> out = new ArrayList<>();
    for (int i = 0; i < frames.size(); i++) {
      out.add(FrameDecoder.decode(i + 1, frames.get(i)));
    }
    return out;
  }

  @Test
  public void iosRegistrationThroughVlanGreKey2() throws Exception {
    List<DecodedFrame> f = decode("ios-nhrp-registration-key2-auth.pcap");
    assertEquals(f.size(), 4);
    for (DecodedFrame d : f) {
      assertNull(d.error());
      assertEquals(d.ethernet().outerVlanId(), 100); // tshark: vlan.id 100
      assertEquals(d.gre().key().longValue(), 2L); // MANIFEST: GRE key 2
      assertEquals(d.ipv4().tos(), 0xC0); // protocol-notes 1: IOS NHRP outer TOS CS6
      assertEquals(d.nhrp().mandatoryPart().flags(), 0x8002); // MANIFEST: unique + Cisco NAT
    }
    assertEquals(f.get(0).nhrp().mandatoryPart().requestId(), 1);
    assertEquals(f.get(3).nhrp().mandatoryPart().requestId(), 2);
  }

  @Test
  public void phase2CaptureCarriesIcmpInsideGreAndNhrp() throws Exception {
    List<DecodedFrame> f = decode("ios-phase2-resolution-via-hub.cap");
    assertTrue(f.stream().allMatch(DecodedFrame::ok));
    DecodedFrame echo = f.get(0); // tshark frame 1: Echo request 192.168.0.2 -> 192.168.0.4 inside GRE
    assertNull(echo.gre().key());
    assertEquals(echo.innerIpv4().source().toString(), "192.168.0.2");
    assertEquals(echo.icmp().type().value(), 8);
    assertEquals(f.get(4).nhrp().header().hopCount(), 254); // frame 5: forwarded by the hub
  }

  @Test
  public void espCapturesGiveSpiAndSequence() throws Exception {
    List<DecodedFrame> f = decode("esp-3des-tunnel-decryptable.pcap");
    assertEquals(f.size(), 8);
    for (int i = 0; i < f.size(); i++) {
      assertEquals(f.get(i).esp().spi(), 0x12345678); // MANIFEST: SPI 0x12345678
      assertEquals(f.get(i).esp().sequenceNumber(), i + 1); // tshark esp.sequence 1..8
    }
  }

  @Test
  public void linuxDmvpnCaptureDecodesWithoutErrors() throws Exception {
    List<DecodedFrame> f = decode("linux-dmvpn-hub-spoke-wan.pcap");
    assertTrue(f.stream().allMatch(DecodedFrame::ok), "every frame decodes (IPv6 frames stop at Ethernet)");
    assertEquals(f.stream().filter(d -> d.isakmp() != null).count(), 9); // MANIFEST: Main Mode x6, Quick x3
    assertTrue(f.stream().anyMatch(d -> d.esp() != null && d.esp().spi() == 0xc92b34bb)); // the .esp_sa file
    assertNotNull(f.get(9).arp()); // tshark frame 10: ARP who-has 172.16.0.1
  }

  @Test
  public void malformedCapturesEndInTypedErrors() throws Exception {
    DecodedFrame nhrp = decode("malformed-nhrp-loop.pcap").get(0);
    assertEquals(nhrp.error().layer(), "nhrp");
    assertEquals(nhrp.error().offset(), 48); // ar$pktsz at NHRP start (14 + 24-byte IP header) + 10
    assertNotNull(nhrp.ipv4()); // the layers before the bad one are kept
    DecodedFrame delete = decode("malformed-isakmp-delete.pcap").get(0);
    assertEquals(delete.error().layer(), "isakmp");
    assertNotNull(delete.udp());
    DecodedFrame loop = decode("malformed-isakmp-pointer-loop.pcap").get(0);
    assertEquals(loop.error().layer(), "isakmp");
    assertEquals(loop.error().offset(), 66); // header Length field (0) at ISAKMP start 42 + 24
  }

  /** Issue 7: a frame of a link type the decoder does not know is an error naming it, never a silent frame. */
  @Test
  public void unknownLinkTypeIsAnErrorNamingIt() {
    CapturedFrame f = new CapturedFrame(0, new LinkType(147), 0, 3, new byte[] {1, 2, 3});
    DecodedFrame d = FrameDecoder.decode(1, f);
    assertEquals(d.error().layer(), "link");
    assertTrue(d.error().message().startsWith("link type 147 (linktype-147) is not decoded"),
        d.error().message());
    assertNull(d.ipv4());
  }
}
