package dev.dmvpn.ref.esp;

import static dev.dmvpn.ref.l2l3.CaptureFixtures.ethIp;
import static dev.dmvpn.ref.l2l3.CaptureFixtures.frame;
import static dev.dmvpn.ref.l2l3.CaptureFixtures.number;
import static dev.dmvpn.ref.l2l3.CaptureFixtures.readerAt;
import static dev.dmvpn.ref.l2l3.CaptureFixtures.rows;
import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

import dev.dmvpn.ref.bytes.ByteReader;
import dev.dmvpn.ref.bytes.DecodeError;
import dev.dmvpn.ref.bytes.Hex;
import dev.dmvpn.ref.l2l3.CaptureFixtures;
import dev.dmvpn.ref.l2l3.IpProtocol;
import java.util.Arrays;
import org.testng.annotations.Test;

public class EspCodecTest {

  /**
   * Every ESP frame, from {@code tshark -r CAPTURE -Y esp -T fields -e frame.number -e esp.spi -e esp.sequence
   * -e ip.len}. The 3DES tunnel capture: SPI 0x12345678 (MANIFEST) with sequence 1..8; the Linux hub/spoke
   * capture: one SA per direction, transport mode ESP in IP protocol 50 (no NAT-T).
   */
  static final String ESP = """
      esp-3des-tunnel-decryptable.pcap 1 0x12345678 1 136
      esp-3des-tunnel-decryptable.pcap 2 0x12345678 2 136
      esp-3des-tunnel-decryptable.pcap 3 0x12345678 3 136
      esp-3des-tunnel-decryptable.pcap 4 0x12345678 4 136
      esp-3des-tunnel-decryptable.pcap 5 0x12345678 5 136
      esp-3des-tunnel-decryptable.pcap 6 0x12345678 6 136
      esp-3des-tunnel-decryptable.pcap 7 0x12345678 7 136
      esp-3des-tunnel-decryptable.pcap 8 0x12345678 8 136
      linux-dmvpn-hub-spoke-wan.pcap 21 0xc92b34bb 1 152
      linux-dmvpn-hub-spoke-wan.pcap 23 0xc92b34bb 2 152
      linux-dmvpn-hub-spoke-wan.pcap 24 0xccf77353 1 168
      linux-dmvpn-hub-spoke-wan.pcap 28 0xc92b34bb 3 144
      linux-dmvpn-hub-spoke-wan.pcap 29 0xccf77353 2 144
      linux-dmvpn-hub-spoke-wan.pcap 30 0xc92b34bb 4 144
      linux-dmvpn-hub-spoke-wan.pcap 31 0xccf77353 3 144
      """;

  @Test
  public void everyCapturedEspPacketDecodesAsTsharkShowsItAndReencodesExactly() {
    for (String[] row : rows(ESP)) {
      String where = row[0] + " frame " + row[1];
      byte[] data = frame(row[0], Integer.parseInt(row[1]));
      CaptureFixtures.EthIp ei = ethIp(data);
      assertEquals(ei.ip().protocol(), IpProtocol.ESP, where);
      assertEquals(ei.ip().totalLength(), Integer.parseInt(row[4]), where);
      EspPacket esp = EspCodec.decode(ei.payloadReader(data)).value();
      assertEquals(esp.spiHex(), row[2], where);
      assertEquals(esp.spiUnsigned(), number(row[2]), where);
      assertEquals(esp.sequenceNumber(), Long.parseLong(row[3]), where);
      assertEquals(esp.protectedPayload().length, ei.ip().totalLength() - 20 - 8, where);
      assertEquals(EspCodec.encode(esp), Arrays.copyOfRange(data, ei.payloadOffset(), data.length), where);
    }
  }

  @Test
  public void highSpiAndSequenceAreUnsigned() {
    EspPacket p = EspCodec.decode(ByteReader.of(Hex.parse("ccf77353 fffffffe 00"))).value();
    assertEquals(p.spi(), 0xccf77353);
    assertEquals(p.spiUnsigned(), 0xccf77353L);
    assertEquals(p.sequenceNumber(), 0xfffffffeL);
    assertEquals(p.toString(), "EspPacket[spi 0xccf77353 seq 4294967294, 1 protected bytes]");
  }

  @Test
  public void spiZeroIsAnErrorAtTheSpi() {
    // esp-3des-tunnel-decryptable.pcap frame 1: ESP at frame offset 34; SPI zeroed
    byte[] data = frame("esp-3des-tunnel-decryptable.pcap", 1).clone();
    Arrays.fill(data, 34, 38, (byte) 0);
    DecodeError e = EspCodec.decode(readerAt(data, 34)).error();
    assertEquals(e.layer(), "esp");
    assertEquals(e.offset(), 34);
    assertTrue(e.message().contains("SPI 0"), e.message());
  }

  @Test
  public void packetShorterThanTheHeaderFailsAtTheSequenceNumber() {
    byte[] data = Arrays.copyOf(frame("esp-3des-tunnel-decryptable.pcap", 1), 34 + 7);
    DecodeError e = EspCodec.decode(readerAt(data, 34)).error();
    assertEquals(e.layer(), "esp");
    assertEquals(e.offset(), 38);
    assertTrue(e.message().startsWith("sequence number"), e.message());
  }
}
