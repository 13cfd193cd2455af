package dev.dmvpn.ref.ipsec;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertNull;
import static org.testng.Assert.assertThrows;
import static org.testng.Assert.assertTrue;

import dev.dmvpn.ref.bytes.Hex;
import dev.dmvpn.ref.esp.NatTFraming;
import dev.dmvpn.ref.esp.NatTPayload;
import org.testng.annotations.Test;

/** ESP-in-UDP framing (RFC 3948 section 2.1) against the RFC's layout and {@link NatTFraming}'s classification. */
public class UdpEncapsulationTest {
  /** SPI 0x2f09e5a4, sequence 1, 8 bytes of IV/ciphertext (an ESP header as RFC 4303 lays it out). */
  private static final byte[] ESP = Hex.parse("2f09e5a4" + "00000001" + "0102030405060708");

  @Test
  public void wrapPutsSpiRightAfterTheUdpHeaderWithChecksumZero() {
    UdpEncapsulation u = new UdpEncapsulation(4500, 1025);
    byte[] d = u.wrap(ESP);
    // src 4500 = 0x1194, dst 1025 = 0x0401, length 8 + 16 = 0x0018, checksum 0
    assertEquals(Hex.of(d), "11940401" + "00180000" + Hex.of(ESP));
    NatTPayload kind = NatTFraming.classify(java.util.Arrays.copyOfRange(d, 8, d.length)).value();
    assertTrue(kind instanceof NatTPayload.Esp e && e.packet().spi() == 0x2f09e5a4, kind.toString());
    assertEquals(UdpEncapsulation.unwrap(d), ESP);
  }

  @Test
  public void unwrapRefusesKeepalivesIkeAndBadLengths() {
    assertNull(UdpEncapsulation.unwrap(Hex.parse("119411940009" + "0000" + "ff")), "NAT-keepalive");
    assertNull(UdpEncapsulation.unwrap(Hex.parse("119411940014" + "0000" + "00000000" + "0102030405060708")),
        "non-ESP marker: IKE");
    byte[] d = new UdpEncapsulation(4500, 4500).wrap(ESP);
    d[4] = 0x7f; // Length at offset 4 claims more bytes than there are
    assertNull(UdpEncapsulation.unwrap(d));
    d[4] = 0;
    d[5] = 7; // Length below the 8-byte header
    assertNull(UdpEncapsulation.unwrap(d));
    assertNull(UdpEncapsulation.unwrap(new byte[7]));
  }

  @Test
  public void carriesEspNeedsANonZeroSpiAndASequenceNumber() {
    assertTrue(UdpEncapsulation.carriesEsp(ESP, 0, ESP.length));
    assertFalse(UdpEncapsulation.carriesEsp(ESP, 0, 7), "shorter than SPI + sequence number");
    assertFalse(UdpEncapsulation.carriesEsp(new byte[] {(byte) 0xFF}, 0, 1));
    assertFalse(UdpEncapsulation.carriesEsp(new byte[12], 0, 12));
    assertThrows(IllegalArgumentException.class, () -> new UdpEncapsulation(0, 4500));
  }
}
