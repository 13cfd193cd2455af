package dev.dmvpn.ref.l2l3;

import static dev.dmvpn.ref.l2l3.CaptureFixtures.ethIp;
import static dev.dmvpn.ref.l2l3.CaptureFixtures.frame;
import static dev.dmvpn.ref.l2l3.CaptureFixtures.number;
import static dev.dmvpn.ref.l2l3.CaptureFixtures.readerAt;
import static dev.dmvpn.ref.l2l3.CaptureFixtures.rows;
import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

import dev.dmvpn.ref.bytes.ByteReader;
import dev.dmvpn.ref.bytes.ByteWriter;
import dev.dmvpn.ref.bytes.DecodeError;
import dev.dmvpn.ref.bytes.InternetChecksum;
import dev.dmvpn.ref.bytes.Ipv4Address;
import java.util.Arrays;
import org.testng.annotations.Test;

public class UdpCodecTest {
  private static final String IOS_IKE = "ios-ikev1-main-quick-mode.cap";
  private static final String LINUX = "linux-dmvpn-hub-spoke-wan.pcap";

  /**
   * {@code tshark -o udp.check_checksum:TRUE -T fields -e frame.number -e udp.srcport -e udp.dstport
   * -e udp.length -e udp.checksum -e udp.checksum.status} (status 1 = good, 0 = bad).
   */
  static final String UDP = """
      # IOS to IOS Main Mode + Quick Mode: every checksum good
      ios-ikev1-main-quick-mode.cap 1 500 500 156 0x4f74 1
      ios-ikev1-main-quick-mode.cap 2 500 500 116 0xa890 1
      ios-ikev1-main-quick-mode.cap 3 500 500 280 0x5679 1
      ios-ikev1-main-quick-mode.cap 4 500 500 280 0x38a5 1
      ios-ikev1-main-quick-mode.cap 5 500 500 116 0xcbd1 1
      ios-ikev1-main-quick-mode.cap 6 500 500 84 0xce2c 1
      ios-ikev1-main-quick-mode.cap 7 500 500 228 0x9341 1
      ios-ikev1-main-quick-mode.cap 8 500 500 228 0xb890 1
      ios-ikev1-main-quick-mode.cap 9 500 500 68 0x64f3 1
      # strongSwan under UML, captured on the sending side: tshark calls every checksum bad (see below)
      linux-dmvpn-hub-spoke-wan.pcap 12 500 500 184 0x58f6 0
      linux-dmvpn-hub-spoke-wan.pcap 13 500 500 164 0x58e2 0
      linux-dmvpn-hub-spoke-wan.pcap 14 500 500 244 0x5932 0
      linux-dmvpn-hub-spoke-wan.pcap 15 500 500 244 0x5932 0
      linux-dmvpn-hub-spoke-wan.pcap 16 500 500 100 0x58a2 0
      linux-dmvpn-hub-spoke-wan.pcap 17 500 500 76 0x588a 0
      linux-dmvpn-hub-spoke-wan.pcap 18 500 500 172 0x58ea 0
      linux-dmvpn-hub-spoke-wan.pcap 19 500 500 172 0x58ea 0
      linux-dmvpn-hub-spoke-wan.pcap 20 500 500 60 0x587a 0
      """;

  @Test
  public void capturedDatagramsDecodeAsTsharkShowsThem() {
    for (String[] row : rows(UDP)) {
      String where = row[0] + " frame " + row[1];
      byte[] data = frame(row[0], Integer.parseInt(row[1]));
      CaptureFixtures.EthIp ei = ethIp(data);
      assertEquals(ei.ip().protocol(), IpProtocol.UDP, where);
      UdpDatagram udp = UdpCodec.decode(ei.payloadReader(data)).value();
      assertEquals(udp.sourcePort(), Integer.parseInt(row[2]), where);
      assertEquals(udp.destinationPort(), Integer.parseInt(row[3]), where);
      assertEquals(udp.length(), Integer.parseInt(row[4]), where);
      assertEquals(udp.checksum(), number(row[5]), where);
      assertTrue(udp.hasChecksum(), where);
      assertFalse(udp.truncated(), where);
      assertEquals(udp.checksumValid(ei.ip().source(), ei.ip().destination()), row[6].equals("1"), where);
      assertEquals(udp.payload().length, udp.length() - 8, where);
    }
  }

  @Test
  public void reencodingRecomputesTheCapturedChecksumsOfIos() {
    for (int n = 1; n <= 9; n++) {
      byte[] data = frame(IOS_IKE, n);
      CaptureFixtures.EthIp ei = ethIp(data);
      UdpDatagram udp = UdpCodec.decode(ei.payloadReader(data)).value();
      byte[] encoded = UdpCodec.encode(udp, ei.ip().source(), ei.ip().destination());
      assertEquals(encoded, Arrays.copyOfRange(data, ei.payloadOffset(), data.length), IOS_IKE + " frame " + n);
    }
  }

  /**
   * RFC 768, written out independently of the codec: the checksum is the 16-bit one's complement of the
   * one's complement sum of the pseudo-header (source address, destination address, zero, protocol, UDP
   * length), the UDP header with a zero checksum, and the data. ios-ikev1-main-quick-mode.cap frame 1 (MM1,
   * 10.0.0.1 -> 10.0.0.2, length 156) carries 0x4f74, which tshark verifies.
   */
  @Test
  public void rfc768PseudoHeaderChecksumOfIosMainMode1() {
    byte[] data = frame(IOS_IKE, 1);
    int udpStart = 14 + 20;
    int udpLength = ((data[udpStart + 4] & 0xFF) << 8) | (data[udpStart + 5] & 0xFF);
    assertEquals(udpLength, 156);
    byte[] summed = new byte[12 + udpLength];
    System.arraycopy(data, 14 + 12, summed, 0, 8); // source and destination address from the IPv4 header
    summed[8] = 0;
    summed[9] = 17;
    summed[10] = (byte) (udpLength >>> 8);
    summed[11] = (byte) udpLength;
    System.arraycopy(data, udpStart, summed, 12, udpLength);
    summed[12 + 6] = 0;
    summed[12 + 7] = 0;
    assertEquals(InternetChecksum.compute(summed, 0, summed.length), 0x4f74);

    UdpDatagram udp = UdpCodec.decode(readerAt(data, udpStart)).value();
    assertTrue(udp.checksumValid(Ipv4Address.parse("10.0.0.1"), Ipv4Address.parse("10.0.0.2")));
    assertFalse(udp.checksumValid(Ipv4Address.parse("10.0.0.1"), Ipv4Address.parse("10.0.0.3")));
    UdpDatagram fresh = UdpDatagram.of(500, 500, udp.payload());
    byte[] encoded = UdpCodec.encode(fresh, Ipv4Address.parse("10.0.0.1"), Ipv4Address.parse("10.0.0.2"));
    assertEquals(encoded, Arrays.copyOfRange(data, udpStart, data.length));
  }

  /**
   * The Linux sender's checksums are the kernel's CHECKSUM_PARTIAL seed: the folded, not complemented,
   * pseudo-header sum that the (virtual) NIC was meant to finish. Frame 12: 0xac10 + 0x000b + 0xac10 + 0x0001
   * + 17 + 184 = 0x158f5, folded 0x58f6, which is what the frame carries.
   */
  @Test
  public void linuxChecksumsAreThePartialPseudoHeaderSum() {
    for (int n = 12; n <= 20; n++) {
      byte[] data = frame(LINUX, n);
      CaptureFixtures.EthIp ei = ethIp(data);
      UdpDatagram udp = UdpCodec.decode(ei.payloadReader(data)).value();
      long seed = UdpDatagram.pseudoHeaderSum(ei.ip().source(), ei.ip().destination(), udp.length());
      assertEquals(udp.checksum(), InternetChecksum.fold(seed), LINUX + " frame " + n);
      assertFalse(udp.checksumValid(ei.ip().source(), ei.ip().destination()));
    }
  }

  @Test
  public void lengthBeyondTheIpPayloadKeepsWhatIsThere() {
    // malformed-isakmp-delete.pcap frame 1: udp.length 456 but the IPv4 payload holds 146 bytes; checksum 0
    byte[] data = frame("malformed-isakmp-delete.pcap", 1);
    CaptureFixtures.EthIp ei = ethIp(data);
    UdpDatagram udp = UdpCodec.decode(ei.payloadReader(data)).value();
    assertEquals(udp.length(), 456);
    assertEquals(udp.payload().length, 146 - 8);
    assertTrue(udp.truncated());
    assertFalse(udp.hasChecksum());
    assertTrue(udp.checksumValid(ei.ip().source(), ei.ip().destination()));
    ByteWriter w = new ByteWriter();
    UdpCodec.encode(udp, ei.ip().source(), ei.ip().destination(), w);
    assertEquals(w.toByteArray(), Arrays.copyOfRange(data, 34, 34 + 146));
  }

  @Test
  public void lengthBelowTheHeaderIsAnErrorAtTheLengthField() {
    byte[] data = frame(IOS_IKE, 1).clone();
    data[34 + 4] = 0;
    data[34 + 5] = 7;
    DecodeError e = UdpCodec.decode(readerAt(data, 34)).error();
    assertEquals(e.layer(), "udp");
    assertEquals(e.offset(), 38);
    assertTrue(e.message().contains("length 7"), e.message());
  }

  @Test
  public void headerCutShortFailsAtTheChecksum() {
    byte[] data = Arrays.copyOf(frame(IOS_IKE, 1), 34 + 7);
    DecodeError e = UdpCodec.decode(readerAt(data, 34)).error();
    assertEquals(e.layer(), "udp");
    assertEquals(e.offset(), 40);
  }

  @Test
  public void computedZeroIsSentAsAllOnes() {
    // addresses and ports 0, length 10 (counted in pseudo-header and header), protocol 17: a payload word of
    // 0xffff - 17 - 20 makes the sum 0xffff, whose complement 0 must go out as 0xffff (RFC 768)
    Ipv4Address a = Ipv4Address.ANY;
    UdpDatagram d = UdpDatagram.of(0, 0, new byte[] {(byte) 0xff, (byte) (0xff - 17 - 20)});
    byte[] encoded = UdpCodec.encode(d, a, a);
    assertEquals(((encoded[6] & 0xFF) << 8) | (encoded[7] & 0xFF), 0xFFFF);
    assertTrue(UdpCodec.decode(ByteReader.of(encoded)).value().checksumValid(a, a));
    ByteWriter w = new ByteWriter();
    UdpCodec.encodeWithoutChecksum(d, w);
    assertFalse(UdpCodec.decode(ByteReader.of(w.toByteArray())).value().hasChecksum());
  }
}
