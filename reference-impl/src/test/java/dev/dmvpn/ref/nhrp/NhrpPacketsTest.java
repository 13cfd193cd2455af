package dev.dmvpn.ref.nhrp;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

import dev.dmvpn.ref.bytes.ByteReader;
import dev.dmvpn.ref.bytes.Hex;
import dev.dmvpn.ref.bytes.InternetChecksum;
import dev.dmvpn.ref.bytes.Ipv4Address;
import java.util.Arrays;
import java.util.List;
import org.testng.annotations.Test;

/** Packets built with IOS defaults must equal what IOS put on the wire in the captures. */
public class NhrpPacketsTest {
  private static final String REGISTRATION = "ios-nhrp-registration-key2-auth.pcap";
  private static final String RESOLUTION = "ios-phase2-resolution-via-hub.cap";

  private static Ipv4Address ip(String s) {
    return Ipv4Address.parse(s);
  }

  private static byte[] captured(String capture, int frame) {
    return NhrpTestFrames.nhrpBytes(NhrpTestFrames.frame(capture, frame));
  }

  @Test
  public void documentRegistrationRequestCarriesCiscoAuthExtension() {
    NhrpAddresses a = NhrpAddresses.ipv4(ip("209.168.202.130"), ip("192.168.1.3"), ip("192.168.1.1"));
    NhrpCie cie = NhrpCie.withoutAddresses(NhrpCieCode.SUCCESS, 255, 1514, 7200);
    List<NhrpExtension> ext = NhrpPackets.iosExtensions(null, List.of(), List.of(), "cisco123", List.of());
    byte[] bytes = NhrpCodec.encode(NhrpPackets.registrationRequest(a, 1, NhrpFlags.IOS_REGISTRATION, cie, ext));
    // extoff 52, then Responder/Fwd/Rev (4 bytes each), then Authentication at 64 (protocol-notes 2.6)
    assertEquals(
        Arrays.copyOfRange(bytes, 64, 80), Hex.parse("80 07 00 0c 00 00 00 01 63 69 73 63 6f 31 32 33"));
    assertTrue(InternetChecksum.verify(bytes, 0, bytes.length));
    // wrapped in Ethernet/IPv4/GRE, tshark 4.0.17 shows pktsz 88, checksum 0x3282 [correct], ext 3,4,5,7,9,0
    assertEquals(
        Hex.of(bytes),
        "000108000000000000ff005832820034010304000404800200000001d1a8ca82c0a80103c0a8010100ff0000"
            + "05ea1c20000000008003000080040000800500008007000c00000001636973636f3132330009000080000000");
  }

  @Test
  public void registrationRequestEqualsIosFrame1() {
    // capture ios-nhrp-registration-key2-auth.pcap frame 1
    NhrpAddresses a = NhrpAddresses.ipv4(ip("169.254.100.1"), ip("155.1.0.1"), ip("155.1.0.5"));
    NhrpCie cie = NhrpCie.withoutAddresses(NhrpCieCode.SUCCESS, 32, 17912, 7200);
    NhrpCie nat = NhrpCie.ipv4(NhrpCieCode.SUCCESS, 32, 17912, 0, ip("169.254.100.5"), ip("155.1.0.5"));
    List<NhrpExtension> ext = NhrpPackets.iosExtensions(null, List.of(), List.of(), "NHRPAUTH", List.of(nat));
    NhrpPacket p = NhrpPackets.registrationRequest(a, 1, NhrpFlags.IOS_REGISTRATION, cie, ext);
    assertEquals(NhrpCodec.encode(p), captured(REGISTRATION, 1));
  }

  @Test
  public void registrationReplyBuiltFromFrame1EqualsFrame2() {
    NhrpPacket request = NhrpTestFrames.decodeFrame(REGISTRATION, 1);
    NhrpCie nhs = NhrpCie.ipv4(NhrpCieCode.SUCCESS, 32, 17912, 7200, ip("169.254.100.5"), ip("155.1.0.5"));
    NhrpPacket reply = NhrpPackets.registrationReply(request, NhrpCieCode.SUCCESS, nhs, "NHRPAUTH");
    assertEquals(NhrpCodec.encode(reply), captured(REGISTRATION, 2));
  }

  @Test
  public void resolutionRequestEqualsIosFrame2() {
    // capture ios-phase2-resolution-via-hub.cap frame 2: spoke A asks for 192.168.0.4
    NhrpAddresses a = NhrpAddresses.ipv4(ip("172.16.25.2"), ip("192.168.0.2"), ip("192.168.0.4"));
    NhrpCie cie = NhrpCie.withoutAddresses(NhrpCieCode.SUCCESS, 0, 1514, 7200);
    List<NhrpExtension> ext = NhrpPackets.iosExtensions(null, List.of(), List.of(), null, List.of());
    NhrpPacket p = NhrpPackets.resolutionRequest(a, 8, NhrpFlags.IOS_RESOLUTION_REQUEST, cie, ext);
    assertEquals(NhrpCodec.encode(p), captured(RESOLUTION, 2));
  }

  @Test
  public void resolutionReplyBuiltFromFrame5EqualsFrame6() {
    NhrpPacket request = NhrpTestFrames.decodeFrame(RESOLUTION, 5);
    NhrpCie answer = NhrpCie.ipv4(NhrpCieCode.SUCCESS, 32, 1514, 7199, ip("172.16.25.2"), ip("192.168.0.2"));
    NhrpCie self = NhrpCie.ipv4(NhrpCieCode.SUCCESS, 0, 1514, 7200, ip("172.16.25.2"), ip("192.168.0.2"));
    NhrpPacket reply = NhrpPackets.resolutionReply(request, NhrpFlags.IOS_RESOLUTION_REPLY, answer, self, null);
    assertEquals(NhrpCodec.encode(reply), captured(RESOLUTION, 6));
  }

  @Test
  public void forwardedReplyEqualsHubFrame7() {
    // frame 7 is B's reply after the hub: undo the hub's step (hop 254 -> 255, drop its reverse-transit CIE)
    NhrpPacket atHub = NhrpTestFrames.decodeFrame(RESOLUTION, 7);
    List<NhrpExtension> fromB = new java.util.ArrayList<>(atHub.extensions());
    fromB.set(2, NhrpExtension.reverseTransit(List.of()));
    NhrpPacket original = new NhrpPacket(atHub.header().withHopCount(255), atHub.body(), fromB);
    NhrpCie hub = NhrpCie.ipv4(NhrpCieCode.SUCCESS, 0, 1514, 7200, ip("172.16.15.2"), ip("192.168.0.1"));
    assertEquals(NhrpCodec.encode(NhrpPackets.forwarded(original, hub)), captured(RESOLUTION, 7));
  }

  @Test
  public void purgeRequestAndReply() {
    NhrpAddresses a = NhrpAddresses.ipv4(ip("172.16.15.2"), ip("192.168.0.1"), ip("192.168.0.2"));
    NhrpCie gone = NhrpCie.ipv4(NhrpCieCode.SUCCESS, 0xFF, 0, 0, ip("172.16.45.2"), ip("192.168.0.4"));
    List<NhrpExtension> ext = NhrpPackets.iosExtensions(null, List.of(), List.of(), "cisco123", null);
    NhrpPacket req = NhrpPackets.purgeRequest(a, 77, 0, List.of(gone), ext);
    NhrpPacket decoded = decode(NhrpCodec.encode(req));
    assertEquals(decoded.type(), NhrpPacketType.PURGE_REQUEST);
    assertEquals(decoded.mandatoryPart().requestId(), 77L);
    assertEquals(decoded.mandatoryPart().firstCie().clientProtoIpv4(), ip("192.168.0.4"));
    assertEquals(decoded.extensionTypes(), new int[] {3, 4, 5, 7, 0});
    NhrpPacket reply = decode(NhrpCodec.encode(NhrpPackets.purgeReply(decoded, "cisco123")));
    assertEquals(reply.type(), NhrpPacketType.PURGE_REPLY);
    assertEquals(reply.mandatoryPart().requestId(), 77L);
    assertEquals(reply.extension(NhrpExtension.Authentication.class).password(), "cisco123");
    assertEquals(NhrpFlags.names(NhrpPacketType.PURGE_REQUEST, NhrpFlags.PURGE_N), List.of("N"));
  }

  @Test
  public void errorIndicationCarriesTheOffendingPacket() {
    byte[] bad = captured(REGISTRATION, 1);
    NhrpAddresses a = NhrpAddresses.ipv4(ip("169.254.100.5"), ip("155.1.0.5"), ip("155.1.0.1"));
    NhrpPacket p = NhrpPackets.errorIndication(a, NhrpErrorCode.AUTHENTICATION_FAILURE, 64, bad);
    byte[] bytes = NhrpCodec.encode(p);
    assertEquals(bytes.length, 20 + 8 + 12 + bad.length);
    assertEquals(bytes[14] | bytes[15], 0); // no extensions: ar$extoff 0
    NhrpPacket d = decode(bytes);
    NhrpErrorIndication e = (NhrpErrorIndication) d.body();
    assertEquals(d.header().hopCount(), 255);
    assertEquals(e.errorCode(), NhrpErrorCode.AUTHENTICATION_FAILURE);
    assertEquals(e.errorCode().value(), 11);
    assertEquals(e.errorOffset(), 64);
    assertEquals(e.addresses().dstProtoIpv4(), ip("155.1.0.1"));
    assertEquals(e.erroneousPacket(), bad);
  }

  @Test
  public void trafficIndicationKeepsEmbeddedPacketBeforeExtensions() {
    // IOS phase 3 shape (protocol-notes 2.2): IP header + 8 bytes embedded, extoff 68, ext 4,5,7,9,End
    byte[] embedded = new byte[28];
    embedded[0] = 0x45;
    NhrpAddresses a = NhrpAddresses.ipv4(ip("172.16.15.2"), ip("192.168.0.1"), ip("192.168.0.2"));
    List<NhrpExtension> ext =
        List.of(
            NhrpExtension.forwardTransit(List.of()), NhrpExtension.reverseTransit(List.of()),
            NhrpExtension.ciscoAuthentication("cisco123"), NhrpExtension.ciscoNat(List.of()),
            NhrpExtension.end());
    byte[] bytes = NhrpCodec.encode(NhrpPackets.trafficIndication(a, embedded, ext));
    NhrpPacket d = decode(bytes);
    assertEquals(d.header().extensionOffset(), 68);
    NhrpTrafficIndication t = (NhrpTrafficIndication) d.body();
    assertEquals(t.trafficCode(), NhrpTrafficIndication.CODE_REDIRECT);
    assertEquals(t.addresses().srcProtoIpv4(), ip("192.168.0.1"));
    assertEquals(t.embeddedPacket(), embedded);
    assertEquals(d.extensionTypes(), new int[] {4, 5, 7, 9, 0});
    assertEquals(NhrpCodec.encode(d), bytes);
  }

  private static NhrpPacket decode(byte[] bytes) {
    NhrpPacket p = NhrpCodec.decode(ByteReader.of(bytes)).value();
    assertTrue(p.checksumValid());
    return p;
  }
}
