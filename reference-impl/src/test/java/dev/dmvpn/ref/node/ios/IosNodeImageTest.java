package dev.dmvpn.ref.node.ios;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertSame;
import static org.testng.Assert.assertTrue;

import dev.dmvpn.ref.image.IosImage;
import dev.dmvpn.ref.isakmp.VendorIds;
import java.util.List;
import org.testng.annotations.Test;

/** The image a configuration names reaches the planned node: NHRP options, Main Mode vendor IDs, errors at lines. */
public class IosNodeImageTest {

  @Test
  public void theDocumentsConfigurationRuns1233() {
    // the fixture's 'boot system flash:c2691-ik9s-mz.123-3.bin' / 'version 12.3'
    IosNodeLoad load = IosNodeBuilder.fromText(IosFixtures.text("sv9-4.ios"));
    assertTrue(load.ok(), load.errors().toString());
    assertSame(load.plan().image(), IosImage.IOS_12_3_3);
    assertEquals(load.plan().tunnel().nhrp().options(), IosImage.IOS_12_3_3.nhrp());
    assertEquals(load.plan().tunnel().protection().natTraversalVids(),
        List.of(VendorIds.Known.NAT_T_DRAFT_03, VendorIds.Known.NAT_T_DRAFT_02N));
    assertFalse(load.plan().tunnel().protection().xauthVendorId());
  }

  @Test
  public void aVersion124LineSelectsTheLaterProfile() {
    IosNodeLoad load = IosNodeBuilder.fromText("version 12.4\n" + IosNodeBuilderTest.MINIMAL);
    assertTrue(load.ok(), load.errors().toString());
    assertSame(load.plan().image(), IosImage.IOS_12_4);
    assertTrue(load.plan().tunnel().nhrp().options().ciscoNatExtension());
    assertTrue(load.plan().tunnel().protection().xauthVendorId());
  }

  @Test
  public void aReleaseWithoutProfileIsAnErrorAtItsLine() {
    IosNodeLoad load = IosNodeBuilder.fromText("version 12.2\n" + IosNodeBuilderTest.MINIMAL);
    assertFalse(load.ok());
    List<String> errors = load.errors().stream().map(p -> IosNodeLoad.format("f.ios", p)).toList();
    assertEquals(errors.size(), 1, errors.toString());
    assertTrue(errors.get(0).startsWith("f.ios:1: ") && errors.get(0).contains("no IOS image profile for release"
        + " '12.2'"), errors.toString());
  }
}
