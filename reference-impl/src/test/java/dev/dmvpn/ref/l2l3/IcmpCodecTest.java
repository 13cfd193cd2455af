package dev.dmvpn.ref.l2l3;

import static dev.dmvpn.ref.l2l3.CaptureFixtures.frame;
import static dev.dmvpn.ref.l2l3.CaptureFixtures.number;
import static dev.dmvpn.ref.l2l3.CaptureFixtures.readerAt;
import static dev.dmvpn.ref.l2l3.CaptureFixtures.rows;
import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

import dev.dmvpn.ref.bytes.ByteReader;
import dev.dmvpn.ref.bytes.DecodeError;
import dev.dmvpn.ref.bytes.Hex;
import java.util.Arrays;
import org.testng.annotations.Test;

public class IcmpCodecTest {

  /**
   * ICMP carried inside GRE, from {@code tshark -T fields -E occurrence=l -e frame.number -e icmp.type
   * -e icmp.code -e icmp.checksum -e icmp.ident -e icmp.seq -e data.len -e ip.len} (inner IPv4 length), with
   * the frame offset of the inner IPv4 header: 38 in ios-phase2-resolution-via-hub.cap (Ethernet 14, IPv4 20,
   * GRE 4 without key) and 54 in gre-variants.pcap (Ethernet+VLAN 18, IPv4 20, GRE 8 with key 0x28, Cisco
   * MetaData 8). tshark reports every ICMP checksum there as good.
   */
  static final String ICMP_IN_GRE = """
      # capture frame innerIpOffset type code checksum ident seq dataLen innerIpLen
      ios-phase2-resolution-via-hub.cap 1 38 8 0 0x03d4 6 0 72 100
      ios-phase2-resolution-via-hub.cap 3 38 0 0 0x0bd4 6 0 72 100
      ios-phase2-resolution-via-hub.cap 4 38 8 0 0x0383 6 1 72 100
      ios-phase2-resolution-via-hub.cap 8 38 0 0 0x0b83 6 1 72 100
      ios-phase2-resolution-via-hub.cap 9 38 8 0 0x02fa 6 2 72 100
      ios-phase2-resolution-via-hub.cap 10 38 0 0 0x0afa 6 2 72 100
      ios-phase2-resolution-via-hub.cap 11 38 8 0 0x029d 6 3 72 100
      ios-phase2-resolution-via-hub.cap 12 38 0 0 0x0a9d 6 3 72 100
      ios-phase2-resolution-via-hub.cap 13 38 8 0 0x0284 6 4 72 100
      ios-phase2-resolution-via-hub.cap 14 38 0 0 0x0a84 6 4 72 100
      ios-phase2-resolution-via-hub.cap 15 38 8 0 0xdd6e 7 0 72 100
      ios-phase2-resolution-via-hub.cap 16 38 0 0 0xe56e 7 0 72 100
      ios-phase2-resolution-via-hub.cap 17 38 8 0 0xdd51 7 1 72 100
      ios-phase2-resolution-via-hub.cap 18 38 0 0 0xe551 7 1 72 100
      ios-phase2-resolution-via-hub.cap 19 38 8 0 0xdd14 7 2 72 100
      ios-phase2-resolution-via-hub.cap 20 38 0 0 0xe514 7 2 72 100
      ios-phase2-resolution-via-hub.cap 21 38 8 0 0xdcef 7 3 72 100
      ios-phase2-resolution-via-hub.cap 22 38 0 0 0xe4ef 7 3 72 100
      ios-phase2-resolution-via-hub.cap 23 38 8 0 0xdcbe 7 4 72 100
      ios-phase2-resolution-via-hub.cap 24 38 0 0 0xe4be 7 4 72 100
      gre-variants.pcap 25 54 8 0 0x64fe 1 0 72 100
      gre-variants.pcap 26 54 0 0 0x6cfe 1 0 72 100
      gre-variants.pcap 27 54 8 0 0x64fd 1 1 72 100
      gre-variants.pcap 28 54 0 0 0x6cfd 1 1 72 100
      gre-variants.pcap 29 54 8 0 0x64fb 1 2 72 100
      gre-variants.pcap 30 54 0 0 0x6cfb 1 2 72 100
      gre-variants.pcap 31 54 8 0 0x64f9 1 3 72 100
      gre-variants.pcap 32 54 0 0 0x6cf9 1 3 72 100
      gre-variants.pcap 33 54 8 0 0x64f8 1 4 72 100
      gre-variants.pcap 34 54 0 0 0x6cf8 1 4 72 100
      """;

  @Test
  public void everyCapturedEchoDecodesAsTsharkShowsItAndReencodesExactly() {
    for (String[] row : rows(ICMP_IN_GRE)) {
      String where = row[0] + " frame " + row[1];
      byte[] data = frame(row[0], Integer.parseInt(row[1]));
      Ipv4Packet inner = Ipv4Codec.decode(readerAt(data, Integer.parseInt(row[2]))).value();
      assertEquals(inner.protocol(), IpProtocol.ICMP, where);
      assertEquals(inner.totalLength(), Integer.parseInt(row[9]), where);
      int icmpOffset = Integer.parseInt(row[2]) + inner.headerLength();
      IcmpPacket icmp = IcmpCodec.decode(readerAt(data, icmpOffset)).value();
      assertEquals(icmp.type().value(), Integer.parseInt(row[3]), where);
      assertEquals(icmp.code(), Integer.parseInt(row[4]), where);
      assertEquals(icmp.checksum(), number(row[5]), where);
      assertTrue(icmp.checksumValid(), where);
      assertTrue(icmp.isEcho(), where);
      assertEquals(icmp.echoIdentifier(), Integer.parseInt(row[6]), where);
      assertEquals(icmp.echoSequence(), Integer.parseInt(row[7]), where);
      assertEquals(icmp.data().length, Integer.parseInt(row[8]), where);
      assertEquals(IcmpCodec.encode(icmp), Arrays.copyOfRange(data, icmpOffset, data.length), where);
    }
  }

  @Test
  public void echoBuiltFromFieldsGetsTheCapturedChecksum() {
    // gre-variants.pcap frame 25: echo request id 1 seq 0, checksum 0x64fe, 72 data bytes
    byte[] data = frame("gre-variants.pcap", 25);
    IcmpPacket p = IcmpPacket.echoRequest(1, 0, Arrays.copyOfRange(data, 82, data.length));
    byte[] encoded = IcmpCodec.encode(p);
    assertEquals(encoded, Arrays.copyOfRange(data, 74, data.length));
    assertEquals(IcmpCodec.decode(ByteReader.of(encoded)).value().checksum(), 0x64fe);
    assertEquals(p.type(), IcmpType.ECHO_REQUEST);
    assertEquals(IcmpPacket.echoReply(1, 0, new byte[0]).type().name(), "echo-reply");
  }

  @Test
  public void flippedDataBitIsReportedAsABadChecksum() {
    byte[] data = frame("gre-variants.pcap", 26).clone();
    data[data.length - 1] ^= 0x01;
    IcmpPacket icmp = IcmpCodec.decode(readerAt(data, 74)).value();
    assertFalse(icmp.checksumValid());
    assertEquals(icmp.checksum(), 0x6cfe);
  }

  @Test
  public void messageShorterThanEightBytesFailsAtTheRestOfHeader() {
    // ICMP at frame offset 58 in ios-phase2-resolution-via-hub.cap frame 1, cut after 6 bytes
    byte[] data = Arrays.copyOf(frame("ios-phase2-resolution-via-hub.cap", 1), 58 + 6);
    DecodeError e = IcmpCodec.decode(readerAt(data, 58)).error();
    assertEquals(e.layer(), "icmp");
    assertEquals(e.offset(), 62);
    assertTrue(e.message().startsWith("rest of header"), e.message());
  }

  @Test
  public void unknownTypeIsKept() {
    byte[] msg = Hex.parse("fe 07 0000 01020304");
    IcmpPacket p = IcmpCodec.decode(ByteReader.of(msg)).value();
    assertEquals(p.type().name(), "unknown-254");
    assertEquals(p.code(), 7);
    assertEquals(p.restOfHeader(), 0x01020304);
    assertFalse(p.isEcho());
  }
}
