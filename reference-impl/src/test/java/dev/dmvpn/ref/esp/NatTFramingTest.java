package dev.dmvpn.ref.esp;

import static dev.dmvpn.ref.l2l3.CaptureFixtures.frame;
import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

import dev.dmvpn.ref.bytes.ByteReader;
import dev.dmvpn.ref.bytes.DecodeError;
import dev.dmvpn.ref.bytes.DecodeResult;
import dev.dmvpn.ref.bytes.Hex;
import java.util.Arrays;
import org.testng.annotations.Test;

/**
 * RFC 3948 section 2 classification. No shared capture has UDP/4500, so payloads are built from real
 * UDP/500 and ESP bytes: ios-ikev1-main-quick-mode.cap frame 1 (MM1, initiator cookie cf02326f14a95b93 per
 * tshark {@code isakmp.ispi}) behind a non-ESP marker, and esp-3des-tunnel-decryptable.pcap frame 1 (SPI
 * 0x12345678, sequence 1).
 */
public class NatTFramingTest {

  @Test
  public void singleFfByteIsAKeepalive() {
    DecodeResult<NatTPayload> r = NatTFraming.classify(NatTFraming.keepalive());
    assertTrue(r.value() instanceof NatTPayload.Keepalive);
  }

  @Test
  public void nonEspMarkerIntroducesTheIkeMessage() {
    byte[] mm1 = frame("ios-ikev1-main-quick-mode.cap", 1);
    byte[] isakmp = Arrays.copyOfRange(mm1, 42, mm1.length); // Ethernet 14, IPv4 20, UDP 8
    // a UDP/4500 datagram as it would sit in a frame: 42 bytes of headers, marker, ISAKMP
    byte[] frame = new byte[42 + 4 + isakmp.length];
    System.arraycopy(isakmp, 0, frame, 46, isakmp.length);
    ByteReader r = ByteReader.of(frame, 42, frame.length - 42);
    NatTPayload p = NatTFraming.classify(r).value();
    assertTrue(p instanceof NatTPayload.Ike);
    NatTPayload.Ike ike = (NatTPayload.Ike) p;
    assertEquals(ike.offset(), 46);
    assertEquals(ike.length(), isakmp.length);
    assertEquals(ike.message(), isakmp);
    assertEquals(Hex.of(ike.message(), 0, 8), "cf02326f14a95b93");
    ByteReader ikeReader = ike.reader();
    assertEquals(ikeReader.offset(), 46); // frame-relative, so ISAKMP errors name frame offsets
    assertEquals(ikeReader.remaining(), isakmp.length);
    assertFalse(r.hasRemaining());
  }

  @Test
  public void nonZeroFirstWordIsAnEspSpi() {
    byte[] f = frame("esp-3des-tunnel-decryptable.pcap", 1);
    NatTPayload p = NatTFraming.classify(ByteReader.of(f, 34, f.length - 34)).value();
    assertTrue(p instanceof NatTPayload.Esp);
    EspPacket esp = ((NatTPayload.Esp) p).packet();
    assertEquals(esp.spi(), 0x12345678);
    assertEquals(esp.sequenceNumber(), 1);
  }

  @Test
  public void markerWithNothingAfterItIsAnEmptyIkeMessage() {
    NatTPayload p = NatTFraming.classify(new byte[4]).value();
    assertEquals(((NatTPayload.Ike) p).length(), 0);
  }

  @Test
  public void payloadsTooShortForAnyKindAreErrors() {
    for (String hex : new String[] {"", "00", "ffff", "ff0000", "fe"}) {
      DecodeError e = NatTFraming.classify(Hex.parse(hex)).error();
      assertEquals(e.layer(), "esp", hex);
      assertEquals(e.offset(), 0, hex);
    }
  }

  @Test
  public void espTooShortForItsSequenceNumberIsAnError() {
    DecodeError e = NatTFraming.classify(Hex.parse("12345678 0000")).error();
    assertEquals(e.layer(), "esp");
    assertEquals(e.offset(), 4);
  }
}
