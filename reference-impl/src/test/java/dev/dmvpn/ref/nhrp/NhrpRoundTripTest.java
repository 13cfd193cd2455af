package dev.dmvpn.ref.nhrp;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

import dev.dmvpn.ref.bytes.ByteReader;
import dev.dmvpn.ref.bytes.Hex;
import dev.dmvpn.ref.capture.CapturedFrame;
import java.util.List;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

/**
 * encode(decode(bytes)) == bytes for every real NHRP packet we have: this checks size, extension offset and
 * checksum computation against IOS and FRR, including an odd-length packet.
 */
public class NhrpRoundTripTest {

  /** FRR nhrpd packets from linux-dmvpn-hub-spoke-wan.pcap, decrypted by tshark with the .esp_sa table. */
  private static final String FRR_FRAME21_REGISTRATION_REQUEST =
      "00010800000000000001005c78890034010304000404000200000001ac10000b0a00000b0a00000b00200000"
          + "0000012c0000000080040000800500008003000000090014002000000000000004000400ac100001000000"
          + "0080000000";
  private static final String FRR_FRAME24_REGISTRATION_REPLY =
      "000108000000000000400070b8ec0034010404000404000200000001ac10000b0a00000b0a00000100200000"
          + "0000012c00000000800400008005000080030014000000000000012c04000400ac1000010a000001000900"
          + "14002000000000000004000400ac1000010000000080000000";
  /**
   * A registration request built by this codec with Cisco password 'CISCO': 81 bytes, odd like IOS's own
   * (protocol-notes 2.1); wrapped in Ethernet/IPv4/GRE, tshark 4.0.17 reports "0x44b6 [correct]", status Good.
   */
  static final String ODD_LENGTH_CISCO_AUTH =
      "000108000000000000ff005144b60034010304000404800000000007d1a8ca82c0a80103c0a8010100ff0000"
          + "05ea1c20000000008003000080040000800500008007000900000001434953434f80000000";

  @DataProvider
  public Object[][] capturedFrames() {
    return new Object[][] {
      {"ios-nhrp-registration-key2-auth.pcap", 4},
      {"ios-phase2-resolution-via-hub.cap", 4},
    };
  }

  @Test(dataProvider = "capturedFrames")
  public void everyCapturedNhrpPacketReEncodesByteForByte(String capture, int expectedNhrpFrames) {
    int seen = 0;
    List<CapturedFrame> frames = NhrpTestFrames.frames(capture);
    for (int i = 0; i < frames.size(); i++) {
      byte[] f = frames.get(i).data();
      if (NhrpTestFrames.nhrpOffset(f) < 0) {
        continue;
      }
      seen++;
      NhrpPacket p = NhrpCodec.decode(NhrpTestFrames.nhrpReader(f)).value();
      assertTrue(p.checksumValid(), capture + " frame " + (i + 1));
      assertEquals(NhrpCodec.encode(p), NhrpTestFrames.nhrpBytes(f), capture + " frame " + (i + 1));
    }
    assertEquals(seen, expectedNhrpFrames);
  }

  @Test
  public void frrRegistrationRequestFrame21() {
    NhrpPacket p = roundTrip(FRR_FRAME21_REGISTRATION_REQUEST);
    // tshark: hop count 1, flags 0x0002, request ID 1, CIE prefix 32 MTU 0 holdtime 300, ext order 4,5,3,9,End
    assertEquals(p.type(), NhrpPacketType.REGISTRATION_REQUEST);
    assertEquals(p.header().hopCount(), 1);
    assertEquals(p.header().checksum(), 0x7889);
    assertEquals(p.mandatoryPart().flags(), 0x0002);
    assertEquals(p.mandatoryPart().firstCie().holdTime(), 300);
    assertEquals(p.extensionTypes(), new int[] {4, 5, 3, 9, 0});
    NhrpCie nat = p.extension(NhrpExtension.CiscoNat.class).cies().get(0);
    assertEquals(nat.clientNbmaIpv4().toString(), "172.16.0.1");
    assertEquals(nat.clientProtoIpv4().toString(), "0.0.0.0");
  }

  @Test
  public void frrRegistrationReplyFrame24() {
    NhrpPacket p = roundTrip(FRR_FRAME24_REGISTRATION_REPLY);
    // tshark: hop count 64, pktsz 112, checksum 0xb8ec, responder 172.16.0.1 / 10.0.0.1 holdtime 300
    assertEquals(p.type(), NhrpPacketType.REGISTRATION_REPLY);
    assertEquals(p.header().hopCount(), 64);
    assertEquals(p.header().packetSize(), 112);
    NhrpCie responder = p.extension(NhrpExtension.ResponderAddress.class).cie();
    assertEquals(responder.clientNbmaIpv4().toString(), "172.16.0.1");
    assertEquals(responder.clientProtoIpv4().toString(), "10.0.0.1");
    assertEquals(responder.holdTime(), 300);
  }

  @Test
  public void oddLengthPacketChecksumPadsWithVirtualZero() {
    NhrpPacket p = roundTrip(ODD_LENGTH_CISCO_AUTH);
    assertEquals(p.header().packetSize(), 81);
    assertEquals(p.header().checksum(), 0x44b6);
    assertEquals(p.extension(NhrpExtension.Authentication.class).password(), "CISCO");
  }

  private static NhrpPacket roundTrip(String hex) {
    byte[] bytes = Hex.parse(hex);
    NhrpPacket p = NhrpCodec.decode(ByteReader.of(bytes)).value();
    assertTrue(p.checksumValid());
    assertEquals(Hex.of(NhrpCodec.encode(p)), hex);
    return p;
  }
}
