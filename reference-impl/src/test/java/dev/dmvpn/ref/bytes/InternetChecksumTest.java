package dev.dmvpn.ref.bytes;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

import org.testng.annotations.Test;

public class InternetChecksumTest {

  /** RFC 1071 section 3 worked example: the words 0001 f203 f4f5 f6f7 sum to ddf2 (folded). */
  @Test
  public void rfc1071Example() {
    byte[] data = Hex.parse("0001f203f4f5f6f7");
    assertEquals(InternetChecksum.fold(InternetChecksum.sum(data, 0, data.length, 0)), 0xddf2);
    assertEquals(InternetChecksum.compute(data, 0, data.length), 0x220d);
  }

  /** Odd lengths are summed as if padded with a zero byte (RFC 1071; RFC 2332 5.1 for NHRP). */
  @Test
  public void oddLengthPadsWithZero() {
    byte[] odd = Hex.parse("0001f203f4f5f6f7ab");
    byte[] even = Hex.parse("0001f203f4f5f6f7ab00");
    assertEquals(InternetChecksum.compute(odd, 0, odd.length), InternetChecksum.compute(even, 0, even.length));
  }

  /** A real IPv4 header (tcpdump NHRP_registration.pcap frame 1 outer header) verifies. */
  @Test
  public void verifiesRealIpv4Header() {
    byte[] hdr = Hex.parse("45c0007e001100 00ff2f".replace(" ", "") + "0000" + "c0a80102c0a80101");
    int ck = InternetChecksum.compute(hdr, 0, hdr.length);
    hdr[10] = (byte) (ck >>> 8);
    hdr[11] = (byte) ck;
    assertTrue(InternetChecksum.verify(hdr, 0, hdr.length));
  }
}
