package dev.dmvpn.ref.l2l3;

import static dev.dmvpn.ref.l2l3.CaptureFixtures.frame;
import static dev.dmvpn.ref.l2l3.CaptureFixtures.readerAt;
import static dev.dmvpn.ref.l2l3.CaptureFixtures.rows;
import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertThrows;
import static org.testng.Assert.assertTrue;

import dev.dmvpn.ref.bytes.ByteReader;
import dev.dmvpn.ref.bytes.DecodeError;
import dev.dmvpn.ref.bytes.Hex;
import dev.dmvpn.ref.bytes.Ipv4Address;
import java.util.Arrays;
import org.testng.annotations.Test;

public class ArpCodecTest {
  private static final String LINUX = "linux-dmvpn-hub-spoke-wan.pcap";

  /**
   * {@code tshark -r linux-dmvpn-hub-spoke-wan.pcap -Y arp -T fields -e frame.number -e arp.hw.type
   * -e arp.proto.type -e arp.hw.size -e arp.proto.size -e arp.opcode -e arp.src.hw_mac -e arp.src.proto_ipv4
   * -e arp.dst.hw_mac -e arp.dst.proto_ipv4}
   */
  static final String ARP = """
      10 1 0x0800 6 4 1 02:00:00:00:00:11 172.16.0.11 00:00:00:00:00:00 172.16.0.1
      11 1 0x0800 6 4 2 02:00:00:00:00:01 172.16.0.1 02:00:00:00:00:11 172.16.0.11
      26 1 0x0800 6 4 1 02:00:00:00:00:01 172.16.0.1 00:00:00:00:00:00 172.16.0.11
      27 1 0x0800 6 4 2 02:00:00:00:00:11 172.16.0.11 02:00:00:00:00:01 172.16.0.1
      """;

  @Test
  public void capturedArpDecodesAsTsharkShowsItAndReencodesExactly() {
    for (String[] row : rows(ARP)) {
      String where = LINUX + " frame " + row[0];
      byte[] data = frame(LINUX, Integer.parseInt(row[0]));
      EthernetFrame eth = EthernetCodec.decode(data).value();
      assertEquals(eth.etherType(), EtherType.ARP, where);
      ArpPacket arp = ArpCodec.decode(readerAt(data, 14)).value();
      assertEquals(arp.hardwareType().value(), Integer.parseInt(row[1]), where);
      assertEquals(arp.protocolType().value(), Integer.parseInt(row[2].substring(2), 16), where);
      assertEquals(arp.hardwareLength(), Integer.parseInt(row[3]), where);
      assertEquals(arp.protocolLength(), Integer.parseInt(row[4]), where);
      assertEquals(arp.operation().value(), Integer.parseInt(row[5]), where);
      assertTrue(arp.isEthernetIpv4(), where);
      assertEquals(arp.senderMac(), MacAddress.parse(row[6]), where);
      assertEquals(arp.senderIp(), Ipv4Address.parse(row[7]), where);
      assertEquals(arp.targetMac(), MacAddress.parse(row[8]), where);
      assertEquals(arp.targetIp(), Ipv4Address.parse(row[9]), where);
      assertEquals(ArpCodec.encode(arp), Arrays.copyOfRange(data, 14, data.length), where);
    }
  }

  @Test
  public void requestBuiltFromTypedFieldsMatchesFrame10() {
    ArpPacket p = ArpPacket.ethernetIpv4(ArpOperation.REQUEST, MacAddress.parse("02:00:00:00:00:11"),
        Ipv4Address.parse("172.16.0.11"), MacAddress.ZERO, Ipv4Address.parse("172.16.0.1"));
    byte[] data = frame(LINUX, 10);
    assertEquals(ArpCodec.encode(p), Arrays.copyOfRange(data, 14, data.length));
    assertEquals(p.toString(), "ArpPacket[request 02:00:00:00:00:11 172.16.0.11 -> 00:00:00:00:00:00 172.16.0.1]");
  }

  @Test
  public void ethernetPaddingAfterTheArpIsLeftUnread() {
    byte[] padded = Arrays.copyOf(frame(LINUX, 11), 60);
    ByteReader r = readerAt(padded, 14);
    assertEquals(ArpCodec.decode(r).value().operation(), ArpOperation.REPLY);
    assertEquals(r.remaining(), 18);
  }

  @Test
  public void otherHardwareTypesKeepRawAddresses() {
    // synthetic: hardware type 7 (ARCNET) with 1-byte hardware addresses, IPv4 protocol
    byte[] msg = Hex.parse("0007 0800 01 04 0001 2a c0000201 00 c0000202");
    ArpPacket p = ArpCodec.decode(ByteReader.of(msg)).value();
    assertEquals(p.hardwareType().name(), "unknown-7");
    assertFalse(p.isEthernetIpv4());
    assertEquals(p.senderHardwareAddress(), new byte[] {0x2a});
    assertEquals(p.targetProtocolAddress(), Hex.parse("c0000202"));
    assertThrows(IllegalStateException.class, p::senderMac);
    assertEquals(ArpCodec.encode(p), msg);
  }

  @Test
  public void hardwareLengthBeyondThePacketFailsAtTheSenderAddress() {
    byte[] data = frame(LINUX, 10).clone();
    data[14 + 4] = (byte) 200;
    DecodeError e = ArpCodec.decode(readerAt(data, 14)).error();
    assertEquals(e.layer(), "arp");
    assertEquals(e.offset(), 22);
    assertTrue(e.message().startsWith("sender hardware address"), e.message());
  }
}
