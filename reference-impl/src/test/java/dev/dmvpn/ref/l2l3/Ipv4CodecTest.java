package dev.dmvpn.ref.l2l3;

import static dev.dmvpn.ref.l2l3.CaptureFixtures.frame;
import static dev.dmvpn.ref.l2l3.CaptureFixtures.number;
import static dev.dmvpn.ref.l2l3.CaptureFixtures.readerAt;
import static dev.dmvpn.ref.l2l3.CaptureFixtures.rows;
import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertNotEquals;
import static org.testng.Assert.assertTrue;

import dev.dmvpn.ref.bytes.ByteReader;
import dev.dmvpn.ref.bytes.DecodeError;
import dev.dmvpn.ref.bytes.Hex;
import dev.dmvpn.ref.bytes.Ipv4Address;
import java.util.Arrays;
import java.util.List;
import org.testng.annotations.Test;

public class Ipv4CodecTest {

  /**
   * The outer IPv4 header of every IPv4 frame, from {@code tshark -r CAPTURE -Y ip -o ip.check_checksum:TRUE
   * -T fields -E occurrence=f -e frame.number -e ip.hdr_len -e ip.dsfield -e ip.len -e ip.id -e ip.flags
   * -e ip.frag_offset -e ip.ttl -e ip.proto -e ip.checksum -e ip.checksum.status -e ip.src -e ip.dst}
   * (checksum status 1 = good, 0 = bad).
   */
  static final String IPV4_HEADERS = """
      # gre-variants.pcap
      gre-variants.pcap 11 20 0xc0 64 0x00a4 0x00 0 255 47 0x24c6 1 10.172.64.7 10.172.64.6
      gre-variants.pcap 12 20 0xc0 28 0x00a3 0x00 0 254 47 0x25eb 1 10.172.64.6 10.172.64.7
      gre-variants.pcap 16 20 0xc0 64 0x0090 0x00 0 255 47 0x24da 1 10.172.64.6 10.172.64.7
      gre-variants.pcap 17 20 0xc0 28 0x008f 0x00 0 254 47 0x25ff 1 10.172.64.7 10.172.64.6
      gre-variants.pcap 25 20 0x00 136 0x0091 0x00 0 255 47 0x2551 1 10.172.64.6 10.172.64.7
      gre-variants.pcap 26 20 0x00 136 0x00a5 0x00 0 255 47 0x253d 1 10.172.64.7 10.172.64.6
      gre-variants.pcap 27 20 0x00 136 0x0092 0x00 0 255 47 0x2550 1 10.172.64.6 10.172.64.7
      gre-variants.pcap 28 20 0x00 136 0x00a6 0x00 0 255 47 0x253c 1 10.172.64.7 10.172.64.6
      gre-variants.pcap 29 20 0x00 136 0x0093 0x00 0 255 47 0x254f 1 10.172.64.6 10.172.64.7
      gre-variants.pcap 30 20 0x00 136 0x00a7 0x00 0 255 47 0x253b 1 10.172.64.7 10.172.64.6
      gre-variants.pcap 31 20 0x00 136 0x0094 0x00 0 255 47 0x254e 1 10.172.64.6 10.172.64.7
      gre-variants.pcap 32 20 0x00 136 0x00a8 0x00 0 255 47 0x253a 1 10.172.64.7 10.172.64.6
      gre-variants.pcap 33 20 0x00 136 0x0095 0x00 0 255 47 0x254d 1 10.172.64.6 10.172.64.7
      gre-variants.pcap 34 20 0x00 136 0x00a9 0x00 0 255 47 0x2539 1 10.172.64.7 10.172.64.6
      gre-variants.pcap 41 20 0xc0 64 0x00ab 0x00 0 255 47 0x24bf 1 10.172.64.7 10.172.64.6
      gre-variants.pcap 42 20 0xc0 28 0x00aa 0x00 0 254 47 0x25e4 1 10.172.64.6 10.172.64.7
      gre-variants.pcap 46 20 0xc0 64 0x0097 0x00 0 255 47 0x24d3 1 10.172.64.6 10.172.64.7
      gre-variants.pcap 47 20 0xc0 28 0x0096 0x00 0 254 47 0x25f8 1 10.172.64.7 10.172.64.6
      gre-variants.pcap 49 20 0x00 381 0x0098 0x00 0 255 47 0x2455 1 10.172.64.6 10.172.64.7
      gre-variants.pcap 63 20 0x00 381 0x00ac 0x00 0 255 47 0x2441 1 10.172.64.7 10.172.64.6
      gre-variants.pcap 64 20 0xc0 64 0x00ae 0x00 0 255 47 0x24bc 1 10.172.64.7 10.172.64.6
      gre-variants.pcap 65 20 0xc0 28 0x00ad 0x00 0 254 47 0x25e1 1 10.172.64.6 10.172.64.7
      gre-variants.pcap 67 20 0xc0 94 0x0099 0x00 0 255 47 0x24b3 1 10.172.64.6 10.172.64.7
      gre-variants.pcap 70 20 0xc0 64 0x009b 0x00 0 255 47 0x24cf 1 10.172.64.6 10.172.64.7
      gre-variants.pcap 71 20 0xc0 28 0x009a 0x00 0 254 47 0x25f4 1 10.172.64.7 10.172.64.6
      gre-variants.pcap 73 20 0xc0 94 0x00af 0x00 0 255 47 0x249d 1 10.172.64.7 10.172.64.6
      gre-variants.pcap 87 20 0xc0 64 0x00b1 0x00 0 255 47 0x24b9 1 10.172.64.7 10.172.64.6
      gre-variants.pcap 88 20 0xc0 28 0x00b0 0x00 0 254 47 0x25de 1 10.172.64.6 10.172.64.7
      gre-variants.pcap 92 20 0xc0 64 0x009d 0x00 0 255 47 0x24cd 1 10.172.64.6 10.172.64.7
      gre-variants.pcap 93 20 0xc0 28 0x009c 0x00 0 254 47 0x25f2 1 10.172.64.7 10.172.64.6
      # ios-nhrp-registration-key2-auth.pcap
      ios-nhrp-registration-key2-auth.pcap 1 20 0xc0 136 0x0010 0x00 0 255 47 0x9e73 1 169.254.100.1 169.254.100.5
      ios-nhrp-registration-key2-auth.pcap 2 20 0xc0 156 0x0010 0x00 0 255 47 0x9e5f 1 169.254.100.5 169.254.100.1
      ios-nhrp-registration-key2-auth.pcap 3 20 0xc0 136 0x0011 0x00 0 255 47 0x9e72 1 169.254.100.1 169.254.100.5
      ios-nhrp-registration-key2-auth.pcap 4 20 0xc0 156 0x0011 0x00 0 255 47 0x9e5e 1 169.254.100.5 169.254.100.1
      # ios-phase2-resolution-via-hub.cap
      ios-phase2-resolution-via-hub.cap 1 20 0x00 124 0x001c 0x00 0 255 47 0x3b12 1 172.16.25.2 172.16.15.2
      ios-phase2-resolution-via-hub.cap 2 20 0xc0 96 0x001d 0x00 0 255 47 0x3a6d 1 172.16.25.2 172.16.15.2
      ios-phase2-resolution-via-hub.cap 3 20 0x00 124 0x0013 0x00 0 254 47 0x3c1b 1 172.16.15.2 172.16.25.2
      ios-phase2-resolution-via-hub.cap 4 20 0x00 124 0x001e 0x00 0 255 47 0x3b10 1 172.16.25.2 172.16.15.2
      ios-phase2-resolution-via-hub.cap 5 20 0xc0 116 0x0014 0x00 0 254 47 0x3b62 1 172.16.15.2 172.16.25.2
      ios-phase2-resolution-via-hub.cap 6 20 0xc0 144 0x001f 0x00 0 255 47 0x3a3b 1 172.16.25.2 172.16.15.2
      ios-phase2-resolution-via-hub.cap 7 20 0xc0 164 0x0015 0x00 0 254 47 0x3b31 1 172.16.15.2 172.16.25.2
      ios-phase2-resolution-via-hub.cap 8 20 0x00 124 0x0018 0x00 0 254 47 0x3c16 1 172.16.15.2 172.16.25.2
      ios-phase2-resolution-via-hub.cap 9 20 0x00 124 0x0020 0x00 0 255 47 0x1d0e 1 172.16.25.2 172.16.45.2
      ios-phase2-resolution-via-hub.cap 10 20 0x00 124 0x0006 0x00 0 254 47 0x1e28 1 172.16.45.2 172.16.25.2
      ios-phase2-resolution-via-hub.cap 11 20 0x00 124 0x0021 0x00 0 255 47 0x1d0d 1 172.16.25.2 172.16.45.2
      ios-phase2-resolution-via-hub.cap 12 20 0x00 124 0x0007 0x00 0 254 47 0x1e27 1 172.16.45.2 172.16.25.2
      ios-phase2-resolution-via-hub.cap 13 20 0x00 124 0x0022 0x00 0 255 47 0x1d0c 1 172.16.25.2 172.16.45.2
      ios-phase2-resolution-via-hub.cap 14 20 0x00 124 0x0008 0x00 0 254 47 0x1e26 1 172.16.45.2 172.16.25.2
      ios-phase2-resolution-via-hub.cap 15 20 0x00 124 0x0023 0x00 0 255 47 0x1d0b 1 172.16.25.2 172.16.45.2
      ios-phase2-resolution-via-hub.cap 16 20 0x00 124 0x0009 0x00 0 254 47 0x1e25 1 172.16.45.2 172.16.25.2
      ios-phase2-resolution-via-hub.cap 17 20 0x00 124 0x0024 0x00 0 255 47 0x1d0a 1 172.16.25.2 172.16.45.2
      ios-phase2-resolution-via-hub.cap 18 20 0x00 124 0x000a 0x00 0 254 47 0x1e24 1 172.16.45.2 172.16.25.2
      ios-phase2-resolution-via-hub.cap 19 20 0x00 124 0x0025 0x00 0 255 47 0x1d09 1 172.16.25.2 172.16.45.2
      ios-phase2-resolution-via-hub.cap 20 20 0x00 124 0x000b 0x00 0 254 47 0x1e23 1 172.16.45.2 172.16.25.2
      ios-phase2-resolution-via-hub.cap 21 20 0x00 124 0x0026 0x00 0 255 47 0x1d08 1 172.16.25.2 172.16.45.2
      ios-phase2-resolution-via-hub.cap 22 20 0x00 124 0x000c 0x00 0 254 47 0x1e22 1 172.16.45.2 172.16.25.2
      ios-phase2-resolution-via-hub.cap 23 20 0x00 124 0x0027 0x00 0 255 47 0x1d07 1 172.16.25.2 172.16.45.2
      ios-phase2-resolution-via-hub.cap 24 20 0x00 124 0x000d 0x00 0 254 47 0x1e21 1 172.16.45.2 172.16.25.2
      # esp-3des-tunnel-decryptable.pcap
      esp-3des-tunnel-decryptable.pcap 1 20 0x00 136 0xff67 0x00 0 64 50 0xf695 1 192.1.2.23 192.1.2.45
      esp-3des-tunnel-decryptable.pcap 2 20 0x00 136 0xff68 0x00 0 64 50 0xf694 1 192.1.2.23 192.1.2.45
      esp-3des-tunnel-decryptable.pcap 3 20 0x00 136 0xff69 0x00 0 64 50 0xf693 1 192.1.2.23 192.1.2.45
      esp-3des-tunnel-decryptable.pcap 4 20 0x00 136 0xff6a 0x00 0 64 50 0xf692 1 192.1.2.23 192.1.2.45
      esp-3des-tunnel-decryptable.pcap 5 20 0x00 136 0xff6b 0x00 0 64 50 0xf691 1 192.1.2.23 192.1.2.45
      esp-3des-tunnel-decryptable.pcap 6 20 0x00 136 0xff6c 0x00 0 64 50 0xf690 1 192.1.2.23 192.1.2.45
      esp-3des-tunnel-decryptable.pcap 7 20 0x00 136 0xff6d 0x00 0 64 50 0xf68f 1 192.1.2.23 192.1.2.45
      esp-3des-tunnel-decryptable.pcap 8 20 0x00 136 0xff6e 0x00 0 64 50 0xf68e 1 192.1.2.23 192.1.2.45
      # linux-dmvpn-hub-spoke-wan.pcap
      linux-dmvpn-hub-spoke-wan.pcap 12 20 0x00 204 0x17a5 0x02 0 64 17 0xca4f 1 172.16.0.11 172.16.0.1
      linux-dmvpn-hub-spoke-wan.pcap 13 20 0x00 184 0xa6ad 0x02 0 64 17 0x3b5b 1 172.16.0.1 172.16.0.11
      linux-dmvpn-hub-spoke-wan.pcap 14 20 0x00 264 0x17a6 0x02 0 64 17 0xca12 1 172.16.0.11 172.16.0.1
      linux-dmvpn-hub-spoke-wan.pcap 15 20 0x00 264 0xa6ae 0x02 0 64 17 0x3b0a 1 172.16.0.1 172.16.0.11
      linux-dmvpn-hub-spoke-wan.pcap 16 20 0x00 120 0x17a7 0x02 0 64 17 0xcaa1 1 172.16.0.11 172.16.0.1
      linux-dmvpn-hub-spoke-wan.pcap 17 20 0x00 96 0xa6af 0x02 0 64 17 0x3bb1 1 172.16.0.1 172.16.0.11
      linux-dmvpn-hub-spoke-wan.pcap 18 20 0x00 192 0x17a9 0x02 0 64 17 0xca57 1 172.16.0.11 172.16.0.1
      linux-dmvpn-hub-spoke-wan.pcap 19 20 0x00 192 0xa6b0 0x02 0 64 17 0x3b50 1 172.16.0.1 172.16.0.11
      linux-dmvpn-hub-spoke-wan.pcap 20 20 0x00 80 0x17f8 0x02 0 64 17 0xca78 1 172.16.0.11 172.16.0.1
      linux-dmvpn-hub-spoke-wan.pcap 21 20 0x00 152 0xfbaa 0x02 0 64 50 0xe65c 1 172.16.0.11 172.16.0.1
      linux-dmvpn-hub-spoke-wan.pcap 23 20 0x00 152 0xfc37 0x02 0 64 50 0xe5cf 1 172.16.0.11 172.16.0.1
      linux-dmvpn-hub-spoke-wan.pcap 24 20 0x00 168 0xcbf7 0x02 0 64 50 0x1600 1 172.16.0.1 172.16.0.11
      linux-dmvpn-hub-spoke-wan.pcap 28 20 0x00 144 0xfcf5 0x02 0 64 50 0xe519 1 172.16.0.11 172.16.0.1
      linux-dmvpn-hub-spoke-wan.pcap 29 20 0x00 144 0xcd43 0x02 0 64 50 0x14cc 1 172.16.0.1 172.16.0.11
      linux-dmvpn-hub-spoke-wan.pcap 30 20 0x00 144 0xfd49 0x02 0 64 50 0xe4c5 1 172.16.0.11 172.16.0.1
      linux-dmvpn-hub-spoke-wan.pcap 31 20 0x00 144 0xcd8c 0x02 0 64 50 0x1483 1 172.16.0.1 172.16.0.11
      # ios-ikev1-main-quick-mode.cap
      ios-ikev1-main-quick-mode.cap 1 20 0xc0 176 0x0065 0x00 0 255 17 0xa615 1 10.0.0.1 10.0.0.2
      ios-ikev1-main-quick-mode.cap 2 20 0xc0 136 0x0031 0x00 0 255 17 0xa671 1 10.0.0.2 10.0.0.1
      ios-ikev1-main-quick-mode.cap 3 20 0xc0 300 0x0066 0x00 0 255 17 0xa598 1 10.0.0.1 10.0.0.2
      ios-ikev1-main-quick-mode.cap 4 20 0xc0 300 0x0032 0x00 0 255 17 0xa5cc 1 10.0.0.2 10.0.0.1
      ios-ikev1-main-quick-mode.cap 5 20 0xc0 136 0x0067 0x00 0 255 17 0xa63b 1 10.0.0.1 10.0.0.2
      ios-ikev1-main-quick-mode.cap 6 20 0xc0 104 0x0033 0x00 0 255 17 0xa68f 1 10.0.0.2 10.0.0.1
      ios-ikev1-main-quick-mode.cap 7 20 0xc0 248 0x0068 0x00 0 255 17 0xa5ca 1 10.0.0.1 10.0.0.2
      ios-ikev1-main-quick-mode.cap 8 20 0xc0 248 0x0034 0x00 0 255 17 0xa5fe 1 10.0.0.2 10.0.0.1
      ios-ikev1-main-quick-mode.cap 9 20 0xc0 88 0x0069 0x00 0 255 17 0xa669 1 10.0.0.1 10.0.0.2
      # malformed-nhrp-loop.pcap
      malformed-nhrp-loop.pcap 1 24 0x0c 64 0x0000 0x04 0 0 54 0x0101 0 62.41.66.144 191.215.63.14
      # malformed-isakmp-delete.pcap
      malformed-isakmp-delete.pcap 1 20 0x00 166 0x002f 0x02 0 64 17 0x3c21 0 127.0.0.1 127.0.0.1
      """;

  @Test
  public void everyCapturedIpv4HeaderDecodesAsTsharkShowsIt() {
    List<String[]> table = rows(IPV4_HEADERS);
    assertEquals(table.size(), 93);
    for (String[] row : table) {
      String where = row[0] + " frame " + row[1];
      byte[] data = frame(row[0], Integer.parseInt(row[1]));
      EthernetFrame eth = EthernetCodec.decode(data).value();
      Ipv4Packet ip = Ipv4Codec.decode(readerAt(data, eth.headerLength())).value();
      assertEquals(ip.version(), 4, where);
      assertEquals(ip.headerLength(), Integer.parseInt(row[2]), where);
      assertEquals(ip.tos(), number(row[3]), where);
      assertEquals(ip.totalLength(), Integer.parseInt(row[4]), where);
      assertEquals(ip.identification(), number(row[5]), where);
      assertEquals(ip.flags(), number(row[6]), where);
      assertEquals(ip.fragmentOffset(), Integer.parseInt(row[7]), where);
      assertEquals(ip.ttl(), Integer.parseInt(row[8]), where);
      assertEquals(ip.protocol().value(), Integer.parseInt(row[9]), where);
      assertEquals(ip.headerChecksum(), number(row[10]), where);
      assertEquals(ip.checksumValid(), row[11].equals("1"), where);
      assertEquals(ip.source(), Ipv4Address.parse(row[12]), where);
      assertEquals(ip.destination(), Ipv4Address.parse(row[13]), where);
      assertFalse(ip.truncated(), where);
      assertEquals(ip.payload().length, ip.totalLength() - ip.headerLength(), where);
    }
  }

  @Test
  public void reencodingRecomputesTheCapturedChecksumAndLength() {
    for (String[] row : rows(IPV4_HEADERS)) {
      String where = row[0] + " frame " + row[1];
      byte[] data = frame(row[0], Integer.parseInt(row[1]));
      int off = EthernetCodec.decode(data).value().headerLength();
      Ipv4Packet ip = Ipv4Codec.decode(readerAt(data, off)).value();
      byte[] captured = Arrays.copyOfRange(data, off, off + ip.totalLength());
      byte[] encoded = Ipv4Codec.encode(ip);
      if (ip.checksumValid()) {
        assertEquals(encoded, captured, where);
      } else {
        // the two malformed captures carry a wrong checksum: only those two bytes may differ
        assertNotEquals(encoded, captured, where);
        encoded[10] = captured[10];
        encoded[11] = captured[11];
        assertEquals(encoded, captured, where);
      }
    }
  }

  @Test
  public void oddFieldsOfTheMalformedNhrpCaptureAreKept() {
    // malformed-nhrp-loop.pcap frame 1: IHL 6 with option bytes 6b 25 0d 14, flags 0x4 (reserved bit), TTL 0,
    // protocol 54, checksum 0x0101 (tshark: bad); 84 bytes captured, IPv4 ends at 14 + 64 = 78
    byte[] data = frame("malformed-nhrp-loop.pcap", 1);
    ByteReader r = readerAt(data, 14);
    Ipv4Packet ip = Ipv4Codec.decode(r).value();
    assertEquals(ip.ihl(), 6);
    assertEquals(ip.options(), Hex.parse("6b250d14"));
    assertTrue(ip.reservedFlag());
    assertFalse(ip.dontFragment());
    assertEquals(ip.protocol(), IpProtocol.NHRP);
    assertEquals(ip.protocol().name(), "nhrp");
    assertFalse(ip.checksumValid());
    assertEquals(r.offset(), 78);
    assertEquals(r.remaining(), 6);
  }

  @Test
  public void ethernetTrailerIsLeftUnread() {
    // malformed-isakmp-delete.pcap frame 1: 681 bytes captured, IPv4 total length 166 -> 501 trailing bytes
    byte[] data = frame("malformed-isakmp-delete.pcap", 1);
    ByteReader r = readerAt(data, 14);
    Ipv4Packet ip = Ipv4Codec.decode(r).value();
    assertEquals(ip.payload().length, 146);
    assertFalse(ip.truncated());
    assertEquals(r.remaining(), 681 - 14 - 166);
  }

  @Test
  public void paddingOfAShortFrameIsLeftUnread() {
    // ios-phase2-resolution-via-hub.cap frame 2 padded with 18 zero bytes, as a switch would pad a short frame
    byte[] orig = frame("ios-phase2-resolution-via-hub.cap", 2);
    byte[] padded = Arrays.copyOf(orig, orig.length + 18);
    ByteReader r = readerAt(padded, 14);
    Ipv4Packet ip = Ipv4Codec.decode(r).value();
    assertEquals(ip.totalLength(), 96);
    assertEquals(ip.payload().length, 76);
    assertEquals(r.remaining(), 18);
    assertEquals(Ipv4Codec.encode(ip), Arrays.copyOfRange(orig, 14, orig.length));
  }

  @Test
  public void ihlThreeAtFrameOffset14IsAnIpv4ErrorAtOffset14() {
    byte[] data = frame("ios-phase2-resolution-via-hub.cap", 1).clone();
    data[14] = 0x43;
    DecodeError e = Ipv4Codec.decode(readerAt(data, 14)).error();
    assertEquals(e.layer(), "ipv4");
    assertEquals(e.offset(), 14);
    assertTrue(e.message().contains("IHL 3"), e.message());
  }

  @Test
  public void versionSixIsAnIpv4ErrorAtOffset14() {
    byte[] data = frame("ios-phase2-resolution-via-hub.cap", 1).clone();
    data[14] = 0x65;
    DecodeError e = Ipv4Codec.decode(readerAt(data, 14)).error();
    assertEquals(e.layer(), "ipv4");
    assertEquals(e.offset(), 14);
    assertTrue(e.message().contains("version 6"), e.message());
  }

  @Test
  public void totalLengthShorterThanTheHeaderIsAnErrorAtOffset16() {
    byte[] data = frame("ios-phase2-resolution-via-hub.cap", 1).clone();
    data[16] = 0;
    data[17] = 19;
    DecodeError e = Ipv4Codec.decode(readerAt(data, 14)).error();
    assertEquals(e.layer(), "ipv4");
    assertEquals(e.offset(), 16);
    assertTrue(e.message().contains("total length 19"), e.message());
  }

  @Test
  public void totalLengthBeyondTheCapturedBytesKeepsWhatIsThereAndMarksTruncated() {
    // ios-phase2-resolution-via-hub.cap frame 1 (ip.len 124) snapped to 60 bytes, as a 60-byte snaplen would
    byte[] data = Arrays.copyOf(frame("ios-phase2-resolution-via-hub.cap", 1), 60);
    Ipv4Packet ip = Ipv4Codec.decode(readerAt(data, 14)).value();
    assertTrue(ip.truncated());
    assertEquals(ip.totalLength(), 124);
    assertEquals(ip.payload().length, 60 - 14 - 20);
    assertTrue(ip.checksumValid());
    assertEquals(Ipv4Codec.encode(ip), Arrays.copyOfRange(data, 14, 60));
  }

  @Test
  public void headerCutShortFailsAtTheFieldThatRunsOut() {
    // 14 + 15 bytes: the source address at frame offset 26 has only 3 bytes
    byte[] data = Arrays.copyOf(frame("ios-phase2-resolution-via-hub.cap", 1), 14 + 15);
    DecodeError e = Ipv4Codec.decode(readerAt(data, 14)).error();
    assertEquals(e.layer(), "ipv4");
    assertEquals(e.offset(), 26);
    assertTrue(e.message().startsWith("source address"), e.message());
  }

  @Test
  public void ihlFifteenWithoutTheOptionBytesFailsAtTheOptions() {
    byte[] data = Arrays.copyOf(frame("ios-phase2-resolution-via-hub.cap", 2), 14 + 40);
    data[14] = 0x4f;
    data[16] = 0;
    data[17] = 60;
    DecodeError e = Ipv4Codec.decode(readerAt(data, 14)).error();
    assertEquals(e.layer(), "ipv4");
    assertEquals(e.offset(), 34);
    assertTrue(e.message().startsWith("options"), e.message());
  }

  @Test
  public void aNewPacketGetsLengthAndChecksumFromTheEncoder() {
    // rebuild ios-phase2-resolution-via-hub.cap frame 2 (NHRP in GRE, tshark: id 0x001d, TTL 255, TOS 0xc0,
    // checksum 0x3a6d) from its fields alone
    byte[] orig = frame("ios-phase2-resolution-via-hub.cap", 2);
    byte[] payload = Arrays.copyOfRange(orig, 34, orig.length);
    Ipv4Packet p = Ipv4Packet.of(IpProtocol.GRE, Ipv4Address.parse("172.16.25.2"),
        Ipv4Address.parse("172.16.15.2"), 0xc0, 255, 0x001d, false, payload);
    byte[] encoded = Ipv4Codec.encode(p);
    assertEquals(encoded, Arrays.copyOfRange(orig, 14, orig.length));
    assertEquals(Ipv4Codec.decode(ByteReader.of(encoded)).value().headerChecksum(), 0x3a6d);
  }

  @Test
  public void ipProtocolIsAnOpenEnum() {
    assertEquals(IpProtocol.valueOf(47), IpProtocol.GRE);
    assertEquals(IpProtocol.valueOf(50).name(), "esp");
    assertEquals(IpProtocol.valueOf(51), IpProtocol.AH);
    assertEquals(IpProtocol.valueOf(253).name(), "unknown-253");
  }
}
