package dev.dmvpn.ref.capture;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertNotNull;
import static org.testng.Assert.assertTrue;

import dev.dmvpn.ref.l2l3.CaptureFixtures;
import java.util.Arrays;
import java.util.List;
import org.testng.annotations.Test;

/**
 * Decoded layers hold their payloads as views into the captured frame (no copy per layer), yet stay immutable:
 * the bytes they show are the frame's own at the offsets tshark gives, and the arrays their {@code payload()}
 * accessors return are copies that can be scribbled on without changing the frame or any record.
 */
public class PayloadSliceTest {
  @Test
  public void udpPayloadIsTheFramesBytesAfterTheUdpHeader() {
    // ios-ikev1-main-quick-mode.cap frame 1 (tshark): Ethernet 14 + IPv4 20, udp.length 156, ISAKMP Main Mode 1
    CapturedFrame frame = CaptureFixtures.frames("ios-ikev1-main-quick-mode.cap").get(0);
    DecodedFrame d = FrameDecoder.decode(1, frame);
    assertTrue(d.ok(), String.valueOf(d.error()));
    assertEquals(d.udp().length(), 156);
    assertEquals(d.udp().payloadSlice().length(), 148);
    assertTrue(d.udp().payloadSlice().contentEquals(Arrays.copyOfRange(frame.data(), 42, 42 + 148)));
    assertEquals(d.ethernet().payloadSlice().length(), frame.data().length - 14);
    assertNotNull(d.isakmp());
  }

  @Test
  public void grePayloadIsTheNhrpPacket() {
    // ios-nhrp-registration-key2-auth.pcap frame 1 (tshark): eth:vlan:ip:gre:nhrp, so GRE (key 2, 8 bytes) at
    // offset 14 + 4 + 20 = 38 and NHRP at 46
    CapturedFrame frame = CaptureFixtures.frames("ios-nhrp-registration-key2-auth.pcap").get(0);
    DecodedFrame d = FrameDecoder.decode(1, frame);
    assertEquals(d.gre().key(), Long.valueOf(2));
    int nhrpLength = d.ipv4().totalLength() - 20 - 8;
    assertEquals(d.gre().payloadSlice().length(), nhrpLength);
    assertTrue(d.gre().payloadSlice().contentEquals(Arrays.copyOfRange(frame.data(), 46, 46 + nhrpLength)));
    assertEquals(d.gre().payloadSlice().u8(0), 0x00); // NHRP ar$afn 0x0001 starts with 0x00
    assertEquals(d.gre().payloadSlice().u8(1), 0x01);
  }

  @Test
  public void espProtectedPayloadIsEverythingAfterSpiAndSequence() {
    // esp-3des-tunnel-decryptable.pcap frame 1 (tshark): ESP at offset 34, SPI 0x12345678, sequence 1
    CapturedFrame frame = CaptureFixtures.frames("esp-3des-tunnel-decryptable.pcap").get(0);
    DecodedFrame d = FrameDecoder.decode(1, frame);
    assertEquals(d.esp().spi(), 0x12345678);
    int length = d.ipv4().totalLength() - 20 - 8;
    assertEquals(d.esp().protectedSlice().length(), length);
    assertTrue(d.esp().protectedSlice().contentEquals(Arrays.copyOfRange(frame.data(), 42, 42 + length)));
  }

  @Test
  public void scribblingOnReturnedPayloadsChangesNeitherTheFrameNorTheRecords() {
    for (String capture : List.of("ios-ikev1-main-quick-mode.cap", "ios-nhrp-registration-key2-auth.pcap",
        "esp-3des-tunnel-decryptable.pcap", "gre-variants.pcap")) {
      List<CapturedFrame> frames = CaptureFixtures.frames(capture);
      for (int i = 0; i < frames.size(); i++) {
        CapturedFrame frame = frames.get(i);
        byte[] before = frame.data().clone();
        DecodedFrame first = FrameDecoder.decode(i + 1, frame);
        if (first.ethernet() != null) {
          Arrays.fill(first.ethernet().payload(), (byte) 0x55);
        }
        if (first.ipv4() != null) {
          Arrays.fill(first.ipv4().payload(), (byte) 0x55);
        }
        if (first.udp() != null) {
          Arrays.fill(first.udp().payload(), (byte) 0x55);
        }
        if (first.gre() != null) {
          Arrays.fill(first.gre().payload(), (byte) 0x55);
        }
        if (first.esp() != null) {
          Arrays.fill(first.esp().protectedPayload(), (byte) 0x55);
        }
        String where = capture + " frame " + (i + 1);
        assertEquals(frame.data(), before, where);
        DecodedFrame again = FrameDecoder.decode(i + 1, frame);
        assertEquals(again.ethernet(), first.ethernet(), where);
        assertEquals(again.ipv4(), first.ipv4(), where);
        assertEquals(again.udp(), first.udp(), where);
        assertEquals(again.gre(), first.gre(), where);
        assertEquals(again.esp(), first.esp(), where);
      }
    }
  }
}
