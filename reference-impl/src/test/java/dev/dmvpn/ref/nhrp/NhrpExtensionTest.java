package dev.dmvpn.ref.nhrp;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

import dev.dmvpn.ref.bytes.ByteReader;
import dev.dmvpn.ref.bytes.Hex;
import dev.dmvpn.ref.bytes.Ipv4Address;
import java.util.List;
import org.testng.annotations.Test;

/** Extension kinds the captures do not contain: vendor-private, RFC 2735 type 9, unknown types, u bit. */
public class NhrpExtensionTest {

  private static NhrpPacket withExtensions(List<NhrpExtension> ext) {
    NhrpAddresses a =
        NhrpAddresses.ipv4(
            Ipv4Address.parse("10.0.0.1"), Ipv4Address.parse("10.1.0.1"), Ipv4Address.parse("10.1.0.2"));
    NhrpCie cie = NhrpCie.withoutAddresses(NhrpCieCode.SUCCESS, 32, 1400, 600);
    return NhrpPackets.resolutionRequest(a, 5, NhrpFlags.IOS_RESOLUTION_REQUEST, cie, ext);
  }

  private static NhrpPacket reDecode(NhrpPacket p) {
    byte[] bytes = NhrpCodec.encode(p);
    NhrpPacket d = NhrpCodec.decode(ByteReader.of(bytes)).value();
    assertTrue(d.checksumValid());
    assertEquals(NhrpCodec.encode(d), bytes);
    return d;
  }

  @Test
  public void vendorPrivateUnknownAndDeviceCapabilities() {
    NhrpPacket d =
        reDecode(
            withExtensions(
                List.of(
                    new NhrpExtension.VendorPrivate(0, 0x00000c, Hex.parse("0102")),
                    new NhrpExtension.Unknown(0x4000, 0x1234, Hex.parse("aabbcc")),
                    new NhrpExtension.Unknown(0, 9, Hex.parse("0000000100000002")),
                    NhrpExtension.end())));
    NhrpExtension.VendorPrivate v = d.extension(NhrpExtension.VendorPrivate.class);
    assertEquals(v.oui(), 0x00000c);
    assertEquals(v.data(), Hex.parse("0102"));
    NhrpExtension.Unknown u = (NhrpExtension.Unknown) d.extensions().get(1);
    assertEquals(u.typeValue(), 0x1234);
    assertEquals(u.flagBits(), 0x4000); // the u bit survives
    assertEquals(u.type().name(), "unknown-4660");
    // type 9 with length 8 is RFC 2735 Device Capabilities, kept raw, not Cisco NAT CIEs
    NhrpExtension.Unknown caps = (NhrpExtension.Unknown) d.extensions().get(2);
    assertEquals(caps.typeValue(), 9);
    assertEquals(caps.value().length, 8);
  }

  @Test
  public void trailerAfterEndIsKept() {
    // opennhrp pads Error Indications with 16 zero bytes after End "for Cisco"
    NhrpPacket p = withExtensions(List.of(NhrpExtension.end()));
    byte[] bytes = NhrpCodec.encode(new NhrpPacket(p.header(), p.body(), p.extensions(), new byte[16], true));
    NhrpPacket d = NhrpCodec.decode(ByteReader.of(bytes)).value();
    assertTrue(d.checksumValid());
    assertEquals(d.trailer(), new byte[16]);
    assertEquals(NhrpCodec.encode(d), bytes);
  }
}
