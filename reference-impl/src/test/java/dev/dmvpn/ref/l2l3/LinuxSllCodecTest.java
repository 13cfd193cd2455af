package dev.dmvpn.ref.l2l3;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertNull;
import static org.testng.Assert.assertTrue;

import dev.dmvpn.ref.bytes.ByteReader;
import dev.dmvpn.ref.bytes.DecodeError;
import dev.dmvpn.ref.bytes.Hex;
import dev.dmvpn.ref.bytes.Ipv4Address;
import org.testng.annotations.Test;

/**
 * No shared capture uses LINKTYPE_LINUX_SLL, so these vectors were written by hand after the tcpdump.org
 * LINKTYPE_LINUX_SLL layout, wrapped by {@code text2pcap -l 113} and dissected by tshark 4.0, which showed the
 * values asserted here ({@code -e sll.pkttype -e sll.hatype -e sll.halen -e sll.src.eth -e sll.src.ipv4
 * -e sll.etype -e sll.gretype -e ip.src}; ICMP checksum good).
 */
public class LinuxSllCodecTest {
  /** tshark: packet type 4 "Sent by us", ARPHRD 1, length 6, source 02:00:00:00:00:11, unused 0000, IPv4. */
  static final String OUTGOING_ETHERNET = "0004 0001 0006 020000000011 0000 0800"
      + "4500002000010000400122b0ac10000bac100001080021041234000161626364";
  /** tshark: packet type 0 "Unicast to us", ARPHRD 778 "GRE over IP", length 4, source 172.16.0.1, IP. */
  static final String INCOMING_IPGRE = "0000 030a 0004 ac100001 00000000 0800"
      + "4500002000010000400122b0ac10000bac100001080021041234000161626364";

  @Test
  public void outgoingEthernetHeader() {
    byte[] data = Hex.parse(OUTGOING_ETHERNET);
    ByteReader r = ByteReader.of(data);
    LinuxSllHeader h = LinuxSllCodec.decode(r).value();
    assertEquals(h.packetType(), SllPacketType.OUTGOING);
    assertEquals(h.hardwareType(), HardwareType.ETHERNET);
    assertEquals(h.addressLength(), 6);
    assertEquals(h.macAddress(), MacAddress.parse("02:00:00:00:00:11"));
    assertEquals(h.protocol(), EtherType.IPV4);
    assertEquals(r.offset(), LinuxSllHeader.LENGTH);
    Ipv4Packet ip = Ipv4Codec.decode(r).value();
    assertEquals(ip.source(), Ipv4Address.parse("172.16.0.11"));
    assertEquals(LinuxSllCodec.encode(h), java.util.Arrays.copyOf(data, LinuxSllHeader.LENGTH));
  }

  @Test
  public void incomingGreTunnelHeader() {
    byte[] data = Hex.parse(INCOMING_IPGRE);
    LinuxSllHeader h = LinuxSllCodec.decode(ByteReader.of(data)).value();
    assertEquals(h.packetType(), SllPacketType.HOST);
    assertEquals(h.hardwareType(), HardwareType.IPGRE);
    assertEquals(h.hardwareType().name(), "ipgre");
    assertEquals(h.linkAddress(), Ipv4Address.parse("172.16.0.1").toBytes());
    assertNull(h.macAddress());
    assertEquals(h.protocol(), EtherType.IPV4);
    byte[] header = new byte[LinuxSllHeader.LENGTH];
    System.arraycopy(data, 0, header, 0, header.length);
    assertEquals(LinuxSllCodec.encode(h), header);
  }

  @Test
  public void headerCutShortFailsAtTheProtocolField() {
    byte[] data = Hex.parse("0004 0001 0006 020000000011 0000 08");
    DecodeError e = LinuxSllCodec.decode(ByteReader.of(data)).error();
    assertEquals(e.layer(), "sll");
    assertEquals(e.offset(), 14);
    assertTrue(e.message().startsWith("protocol type"), e.message());
  }
}
