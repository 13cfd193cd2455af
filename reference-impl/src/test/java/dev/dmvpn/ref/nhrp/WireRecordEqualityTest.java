package dev.dmvpn.ref.nhrp;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertNotEquals;

import dev.dmvpn.ref.bytes.ByteReader;
import dev.dmvpn.ref.bytes.Ipv4Address;
import dev.dmvpn.ref.gre.GreCodec;
import dev.dmvpn.ref.gre.GrePacket;
import dev.dmvpn.ref.gre.GreProtocolType;
import dev.dmvpn.ref.l2l3.CaptureFixtures;
import java.util.Arrays;
import org.testng.annotations.Test;

/**
 * Wire records with byte arrays compare by content (issue 7), so a decoded packet can be checked against an
 * expected record: values from tshark 4.0.17 on ios-nhrp-registration-key2-auth.pcap frame 1 (gre.flags_and_version
 * 0x2000, gre.proto 0x2001, gre.key 2; nhrp.src.nbma.addr 169.254.100.1, nhrp.src.prot.addr 155.1.0.1,
 * nhrp.dst.prot.addr 155.1.0.5).
 */
public class WireRecordEqualityTest {
  private static final String CAPTURE = "ios-nhrp-registration-key2-auth.pcap";
  /** Ethernet 14 + 802.1Q tag 4 (VLAN 100) + IPv4 20: GRE starts here (tshark -x); GRE with K is 8 bytes. */
  private static final int GRE = 38;
  private static final int NHRP = GRE + 8;

  @Test
  public void decodedGreEqualsTheExpectedRecord() {
    byte[] frame = CaptureFixtures.frame(CAPTURE, 1);
    GrePacket expected = new GrePacket(0x2000, new GreProtocolType(0x2001), 0, 0, 2L, null, null, new byte[0],
        Arrays.copyOfRange(frame, NHRP, frame.length));
    assertEquals(GreCodec.decode(CaptureFixtures.readerAt(frame, GRE)).value(), expected);
    assertEquals(GreCodec.decode(CaptureFixtures.readerAt(frame, GRE)).value().hashCode(), expected.hashCode());
  }

  @Test
  public void decodedNhrpAddressesEqualTsharksValues() {
    byte[] frame = CaptureFixtures.frame(CAPTURE, 1);
    NhrpPacket p = NhrpCodec.decode(CaptureFixtures.readerAt(frame, NHRP)).value();
    NhrpAddresses expected = NhrpAddresses.ipv4(Ipv4Address.parse("169.254.100.1"), Ipv4Address.parse("155.1.0.1"),
        Ipv4Address.parse("155.1.0.5"));
    assertEquals(p.mandatoryPart().addresses(), expected);
  }

  @Test
  public void twoDecodesOfTheSameBytesAreEqualAndADifferentByteIsNot() {
    byte[] a = CaptureFixtures.frame(CAPTURE, 2).clone();
    byte[] b = a.clone();
    NhrpPacket pa = NhrpCodec.decode(ByteReader.of(a, NHRP, a.length - NHRP)).value();
    NhrpPacket pb = NhrpCodec.decode(ByteReader.of(b, NHRP, b.length - NHRP)).value();
    assertEquals(pa, pb);
    assertEquals(pa.hashCode(), pb.hashCode());
    int auth = indexOf(b, "NHRPAUTH".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    b[auth] = 'X'; // the authentication extension's password: same lengths, other content
    NhrpPacket changed = NhrpCodec.decode(ByteReader.of(b, NHRP, b.length - NHRP)).value();
    assertNotEquals(changed, pa);
    assertEquals(changed.header(), pa.header(), "the fixed headers (no byte changed there) still compare equal");
  }

  private static int indexOf(byte[] hay, byte[] needle) {
    for (int i = 0; i + needle.length <= hay.length; i++) {
      if (Arrays.equals(hay, i, i + needle.length, needle, 0, needle.length)) {
        return i;
      }
    }
    throw new AssertionError("not found");
  }
}
