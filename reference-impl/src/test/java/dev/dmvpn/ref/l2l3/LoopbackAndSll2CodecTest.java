package dev.dmvpn.ref.l2l3;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

import dev.dmvpn.ref.bytes.ByteReader;
import dev.dmvpn.ref.bytes.DecodeResult;
import dev.dmvpn.ref.bytes.Hex;
import org.testng.annotations.Test;

/**
 * Header layouts from tcpdump.org's LINKTYPE_NULL, LINKTYPE_LOOP and LINKTYPE_LINUX_SLL2 pages, written out by
 * hand; LinkTypeCaptureTest checks the same codecs against tshark on whole captures.
 */
public class LoopbackAndSll2CodecTest {

  @Test
  public void nullFamilyIsReadInEitherHostByteOrder() {
    LoopbackHeader le = LoopbackCodec.decodeNull(ByteReader.of(Hex.parse("02000000"))).value();
    assertEquals(le.family(), BsdAddressFamily.INET);
    assertFalse(le.networkOrder());
    LoopbackHeader be = LoopbackCodec.decodeNull(ByteReader.of(Hex.parse("00000002"))).value();
    assertEquals(be.family(), BsdAddressFamily.INET);
    assertTrue(be.networkOrder());
    // FreeBSD AF_INET6 = 28 from a little-endian host
    assertEquals(LoopbackCodec.decodeNull(ByteReader.of(Hex.parse("1c000000"))).value().family().name(), "inet6");
    assertEquals(Hex.of(LoopbackCodec.encode(le)), "02000000");
    assertEquals(Hex.of(LoopbackCodec.encode(be)), "00000002");
  }

  @Test
  public void loopFamilyIsAlwaysNetworkOrder() {
    LoopbackHeader h = LoopbackCodec.decodeLoop(ByteReader.of(Hex.parse("00000002"))).value();
    assertEquals(h.family(), BsdAddressFamily.INET);
    // the same bytes little-endian are an unknown family under LOOP, not IPv4
    assertEquals(LoopbackCodec.decodeLoop(ByteReader.of(Hex.parse("02000000"))).value().family().value(),
        0x02000000);
  }

  @Test
  public void sll2FieldsInWireOrder() {
    // protocol 0x0800, reserved 0, ifindex 3, ARPHRD_ETHER 1, packet type 4 (outgoing), addr len 6, MAC + 2 pad
    byte[] wire = Hex.parse("08000000000000030001" + "0406" + "000c29123456" + "0000" + "45");
    ByteReader r = ByteReader.of(wire);
    LinuxSll2Header h = LinuxSll2Codec.decode(r).value();
    assertEquals(h.protocol(), EtherType.IPV4);
    assertEquals(h.interfaceIndex(), 3);
    assertEquals(h.hardwareType(), HardwareType.ETHERNET);
    assertEquals(h.packetType(), SllPacketType.OUTGOING);
    assertEquals(Hex.of(h.linkAddress()), "000c29123456");
    assertEquals(r.offset(), 20, "the reader is left at the payload");
    assertEquals(Hex.of(LinuxSll2Codec.encode(h)), Hex.of(wire).substring(0, 40));
  }

  @Test
  public void truncatedHeadersAreTypedErrors() {
    DecodeResult<LinuxSll2Header> r = LinuxSll2Codec.decode(ByteReader.of(new byte[19]));
    assertFalse(r.isOk());
    assertEquals(r.error().layer(), "sll2");
    assertEquals(LoopbackCodec.decodeNull(ByteReader.of(new byte[3])).error().layer(), "loopback");
  }
}
