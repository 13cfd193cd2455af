package dev.dmvpn.ref.eigrp;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

import dev.dmvpn.ref.bytes.ByteReader;
import dev.dmvpn.ref.bytes.DecodeResult;
import dev.dmvpn.ref.bytes.Hex;
import dev.dmvpn.ref.bytes.Ipv4Address;
import dev.dmvpn.ref.capture.CaptureFiles;
import dev.dmvpn.ref.capture.CapturedFrame;
import dev.dmvpn.ref.wire.ip.Ipv4Prefix;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.testng.annotations.Test;

/**
 * Known answers from outside: FRR 8.4.4 eigrpd, an independent implementation, captured on a veth between two
 * network namespaces ({@code vectors/eigrp/frr84-eigrpd-adjacency.pcap}, 10.99.0.2 and 10.99.0.1, AS 90). The
 * field values below are tshark 4.0's decode of those frames.
 */
public class EigrpCodecTest {
  static final Path CAPTURE = Path.of("src/test/resources/vectors/eigrp/frr84-eigrpd-adjacency.pcap");
  /** Ethernet 14 + IPv4 20 bytes before the EIGRP header in the capture. */
  static final int EIGRP_OFFSET = 34;

  /** Frame 1: hello from 10.99.0.2 to 224.0.0.10 (tshark: checksum 0xf272 correct, K 1 0 1 0 0, hold 15). */
  static final String FRR_HELLO = "0205f272 00000000 00000000 00000000 0000005a"
      + "0001000c 01000100 0000000f 00040008 08040102";
  /** Frame 7: update, flags EOT, seq 2, ack 1, internal route 10.77.1.0/24 delay 2560 bw 25600. */
  static final String FRR_UPDATE = "0201296e 00000008 00000002 00000001 0000005a"
      + "0102001c 00000000 00000a00 00006400 00000100 ff010000 180a4d01";

  static byte[] eigrpOfFrame(int frame) throws Exception {
    List<CapturedFrame> frames = CaptureFiles.readAll(CAPTURE);
    byte[] data = frames.get(frame - 1).data();
    return Arrays.copyOfRange(data, EIGRP_OFFSET, data.length);
  }

  @Test
  public void vectorsAreTheCapturedBytes() throws Exception {
    assertEquals(Hex.of(eigrpOfFrame(1)), Hex.of(Hex.parse(FRR_HELLO)));
    assertEquals(Hex.of(eigrpOfFrame(7)), Hex.of(Hex.parse(FRR_UPDATE)));
  }

  @Test
  public void decodesFrrHello() {
    EigrpPacket p = EigrpCodec.decode(ByteReader.of(Hex.parse(FRR_HELLO))).value();
    assertEquals(p.version(), 2);
    assertEquals(p.opcode(), EigrpOpcode.HELLO);
    assertEquals(p.checksum(), 0xf272);
    assertEquals(p.flags(), 0);
    assertEquals(p.sequence(), 0);
    assertEquals(p.ack(), 0);
    assertEquals(p.asNumber(), 90);
    assertEquals(p.tlvs(), List.of(new ParameterTlv(new KValues(1, 0, 1, 0, 0), 0, 15),
        new SoftwareVersionTlv(8, 4, 1, 2)));
    assertFalse(p.isAck());
  }

  @Test
  public void decodesFrrUpdateWithInternalRoute() {
    EigrpPacket p = EigrpCodec.decode(ByteReader.of(Hex.parse(FRR_UPDATE))).value();
    assertEquals(p.opcode(), EigrpOpcode.UPDATE);
    assertTrue(p.hasFlag(EigrpPacket.FLAG_EOT));
    assertFalse(p.hasFlag(EigrpPacket.FLAG_INIT));
    assertEquals(p.sequence(), 2);
    assertEquals(p.ack(), 1);
    // tshark: NextHop 0.0.0.0, Scaled Delay 2560, Scaled BW 25600, MTU 1, Hop Count 0, Reliability 255, Load 1
    assertEquals(p.tlvs(), List.of(new InternalRouteTlv(Ipv4Address.ANY, new VectorMetric(2560, 25600, 1, 0, 255, 1),
        0, 0, Ipv4Prefix.parse("10.77.1.0/24"))));
  }

  @Test
  public void reencodesCapturedBytesExactly() throws Exception {
    for (int frame = 1; frame <= 10; frame++) {
      byte[] bytes = eigrpOfFrame(frame);
      EigrpPacket p = EigrpCodec.decode(ByteReader.of(bytes)).value();
      assertTrue(EigrpCodec.checksumValid(bytes), "frame " + frame);
      assertEquals(Hex.of(EigrpCodec.encode(p)), Hex.of(bytes), "frame " + frame);
    }
  }

  @Test
  public void frame4IsTheInitUpdate() throws Exception {
    // tshark: Update, flags 0x00000001 (Init), seq 1, ack 0, no TLVs
    EigrpPacket p = EigrpCodec.decode(ByteReader.of(eigrpOfFrame(4))).value();
    assertEquals(p.opcode(), EigrpOpcode.UPDATE);
    assertEquals(p.flags(), EigrpPacket.FLAG_INIT);
    assertEquals(p.sequence(), 1);
    assertTrue(p.tlvs().isEmpty());
    // frame 9: the ACK of seq 2, a hello without TLVs
    EigrpPacket ack = EigrpCodec.decode(ByteReader.of(eigrpOfFrame(9))).value();
    assertEquals(ack.opcode(), EigrpOpcode.HELLO);
    assertEquals(ack.ack(), 2);
    // frame 9 carries parameters: FRR acks with a full hello, not the bare IOS ACK
    assertFalse(ack.isAck());
  }

  @Test
  public void badChecksumIsDetected() {
    byte[] b = Hex.parse(FRR_HELLO);
    b[EigrpCodec.OFFSET_CHECKSUM + 1] ^= 1;
    assertFalse(EigrpCodec.checksumValid(b));
    assertTrue(EigrpCodec.decode(ByteReader.of(b)).isOk(), "a bad checksum still decodes (the caller checks)");
  }

  @Test
  public void tlvLengthBelowFourFailsAtItsOffset() {
    byte[] b = Hex.parse(FRR_HELLO);
    b[20 + 3] = 3; // first TLV's length
    DecodeResult<EigrpPacket> r = EigrpCodec.decode(ByteReader.of(b));
    assertFalse(r.isOk());
    assertEquals(r.error().layer(), "eigrp");
    assertEquals(r.error().offset(), 22);
    assertTrue(r.error().message().contains("shorter than its own header"), r.error().message());
  }

  @Test
  public void tlvLongerThanThePacketFails() {
    byte[] b = Hex.parse(FRR_UPDATE);
    b[20 + 3] = 0x40; // internal route TLV claims 64 bytes, 28 left
    DecodeResult<EigrpPacket> r = EigrpCodec.decode(ByteReader.of(b));
    assertFalse(r.isOk());
    assertTrue(r.error().message().contains("ipv4-internal"), r.error().message());
  }

  @Test
  public void prefixLengthAbove32Fails() {
    byte[] b = Hex.parse(FRR_UPDATE);
    b[20 + 24] = 33; // prefix length byte of the route TLV
    DecodeResult<EigrpPacket> r = EigrpCodec.decode(ByteReader.of(b));
    assertFalse(r.isOk());
    assertEquals(r.error().offset(), 44);
  }

  @Test
  public void parametersWithWrongLengthFail() {
    byte[] b = Hex.parse(FRR_HELLO);
    b[20 + 3] = 8; // parameters TLV length 8 (must be 12)
    DecodeResult<EigrpPacket> r = EigrpCodec.decode(ByteReader.of(b));
    assertFalse(r.isOk());
  }

  @Test
  public void unknownTlvIsKeptAndReencoded() {
    // the FRR hello with its software version TLV retyped to 0x00f0
    byte[] b = Hex.parse(FRR_HELLO);
    b[32] = 0x00;
    b[33] = (byte) 0xf0;
    EigrpPacket p = EigrpCodec.decode(ByteReader.of(b)).value();
    assertEquals(p.tlvs().get(1), new UnknownTlv(new EigrpTlvType(0xf0), Hex.parse("08040102")));
    byte[] again = EigrpCodec.encode(p);
    assertEquals(Arrays.copyOfRange(again, 4, again.length), Arrays.copyOfRange(b, 4, b.length));
  }

  @Test
  public void truncatedAnywhereFailsNeverThrows() {
    byte[] b = Hex.parse(FRR_UPDATE);
    for (int n = 0; n < b.length; n++) {
      if (n == EigrpPacket.HEADER_LENGTH) {
        continue; // a bare header is a valid packet without TLVs
      }
      DecodeResult<EigrpPacket> r = EigrpCodec.decode(ByteReader.of(Arrays.copyOf(b, n)));
      assertFalse(r.isOk(), "truncated at " + n);
      assertFalse(r.error().message().startsWith("internal"), r.error().message());
    }
  }
}
