package dev.dmvpn.ref.image;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertSame;
import static org.testng.Assert.assertThrows;
import static org.testng.Assert.assertTrue;
import static org.testng.Assert.expectThrows;

import dev.dmvpn.ref.bytes.Hex;
import dev.dmvpn.ref.config.IosConfigParser;
import dev.dmvpn.ref.ike.IkeConfig;
import dev.dmvpn.ref.isakmp.VendorIds;
import java.util.List;
import java.util.Optional;
import org.testng.annotations.Test;

/** Image profiles: their values against the seed and the shared captures, and how a router's image is chosen. */
public class IosImagesTest {

  @Test
  public void releasesMapToTheirProfiles() {
    assertSame(IosImages.byRelease("12.3"), IosImage.IOS_12_3_3, "the document's 'version 12.3'");
    assertSame(IosImages.byRelease("12.3(3)"), IosImage.IOS_12_3_3);
    assertSame(IosImages.byRelease("12.4(15)T14"), IosImage.IOS_12_4);
    assertSame(IosImages.byRelease("15.1(4)M"), IosImage.IOS_12_4);
    IllegalArgumentException e =
        expectThrows(IllegalArgumentException.class, () -> IosImages.byRelease("12.2(13)T"));
    assertTrue(e.getMessage().contains("12.2(13)T") && e.getMessage().contains("12.3"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> IosImages.byRelease("banana"));
  }

  @Test
  public void imageFileNamesCarryTheRelease() {
    // seed, sv9-4 'show version': System image file is "flash:c2691-ik9s-mz.123-3.bin", Version 12.3(3)
    assertEquals(IosImages.releaseOfImageFile("flash:c2691-ik9s-mz.123-3.bin"), Optional.of("12.3(3)"));
    assertEquals(IosImages.releaseOfImageFile("boot system flash:c3725-ik9s-mz.123-3.bin"), Optional.of("12.3(3)"));
    assertEquals(IosImages.releaseOfImageFile("flash:c2691-adventerprisek9-mz.124-15.T14.bin"),
        Optional.of("12.4(15)"));
    assertEquals(IosImages.releaseOfImageFile("flash0:c2900-universalk9-mz.SPA.151-4.M.bin"),
        Optional.of("15.1(4)"));
    assertFalse(IosImages.releaseOfImageFile("flash:notes.txt").isPresent());
  }

  @Test
  public void selectionPrefersExplicitThenBootSystemThenVersion() {
    String bootAndVersion = "version 15.1\nboot system flash:c3725-ik9s-mz.123-3.bin\nhostname r\n";
    var config = IosConfigParser.parse(bootAndVersion, IosConfigParser.Strictness.LENIENT).config();
    assertSame(IosImages.select(null, config), IosImage.IOS_12_3_3, "boot system names the release");
    assertSame(IosImages.select("12.4", config), IosImage.IOS_12_4, "an explicit choice wins");
    var versionOnly = IosConfigParser.parse("version 12.4\nhostname r\n", IosConfigParser.Strictness.LENIENT).config();
    assertSame(IosImages.select(null, versionOnly), IosImage.IOS_12_4);
    var plain = IosConfigParser.parse("hostname r\n", IosConfigParser.Strictness.LENIENT).config();
    assertSame(IosImages.select(null, plain), IosImage.DEFAULT);
    var unknown = IosConfigParser.parse("hostname r\nversion 12.2\n", IosConfigParser.Strictness.LENIENT).config();
    IllegalArgumentException e = expectThrows(IllegalArgumentException.class, () -> IosImages.select(null, unknown));
    assertTrue(e.getMessage().startsWith("line 2 'version 12.2'"), e.getMessage());
  }

  @Test
  public void the1233MainModeVendorIdsAreTheSeeds() {
    List<VendorIds.Known> mm1 = IosImage.IOS_12_3_3.natTraversalVids();
    assertEquals(mm1, List.of(VendorIds.Known.NAT_T_DRAFT_03, VendorIds.Known.NAT_T_DRAFT_02N));
    // seed, sv9-4 reading sv9-3's MM1: "vendor ID seems Unity/DPD but major 157 mismatch ... NAT-T v3", then
    // "major 123 mismatch ... NAT-T v2": IOS reads byte 14 as Unity's major version; 123 singles out the
    // draft-02 hash with the trailing newline (plain draft-02 has 0xa4 = 164 there).
    assertEquals(mm1.get(0).bytes()[14] & 0xFF, 157);
    assertEquals(mm1.get(1).bytes()[14] & 0xFF, 123);
    assertEquals(VendorIds.Known.NAT_T_DRAFT_02.bytes()[14] & 0xFF, 164);
    assertFalse(IosImage.IOS_12_3_3.xauthVendorId(), "seed: MM3/MM4 carry Unity, DPD and the IOS ID only");
    assertEquals(IosImage.IOS_12_3_3.isakmpTos(), 0xC0);
  }

  @Test
  public void theLaterProfileIsTheSharedCaptures() {
    // tshark -r ios-ikev1-main-quick-mode.cap -e isakmp.vid_bytes: frame 1 (MM1)
    assertEquals(IosImage.IOS_12_4.natTraversalVids().stream().map(k -> Hex.of(k.bytes())).toList(), List.of(
        "439b59f8ba676c4c7737ae22eab8f582", "7d9419a65310ca6f2c179d9215529d56", "90cb80913ebb696e086381b5ec427b1f"));
    assertTrue(IosImage.IOS_12_4.xauthVendorId(), "frames 3/4 end their vendor IDs with 09002689dfd6b712");
    assertEquals(IosImage.IOS_12_4.isakmpTos(), 0xC0, "ip.dsfield 0xc0 on all 9 ISAKMP frames");
    // tshark -r ios-nhrp-registration-key2-auth.pcap: flags 0x8002, CIE prefix 32, extension 9 present
    assertTrue(IosImage.IOS_12_4.nhrp().ciscoNatFlag() && IosImage.IOS_12_4.nhrp().ciscoNatExtension());
    assertEquals(IosImage.IOS_12_4.nhrp().registrationPrefixLength(), 32);
    // ios-phase2-resolution-via-hub.cap: the hub forwards to the registered spoke, the reply comes back via it
    assertTrue(IosImage.IOS_12_4.nhrp().repliesViaNhs());
    assertFalse(IosImage.IOS_12_4.nhrp().answerFromRegistrations());
    // seed: 84-byte Resolution Request with cisco123 authentication leaves no room for extension 9
    assertFalse(IosImage.IOS_12_3_3.nhrp().ciscoNatExtension());
    assertTrue(IosImage.IOS_12_3_3.nhrp().answerFromRegistrations());
  }

  @Test
  public void applyToSetsTheMainModeVendorIds() {
    IkeConfig doc = IkeConfig.document(dev.dmvpn.ref.bytes.Ipv4Address.parse("209.168.202.130"));
    IkeConfig c = IosImage.IOS_12_3_3.applyTo(doc);
    assertEquals(c.natTraversalVids(), IosImage.IOS_12_3_3.natTraversalVids());
    assertFalse(c.xauthVendorId());
    assertEquals(c.policies(), doc.policies(), "nothing else changes");
  }
}
