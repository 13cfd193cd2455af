package dev.dmvpn.drivers.parse;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.expectThrows;

import org.testng.annotations.Test;

/** {@code show version}: the seed document's 2691 (12.3(3), version split over two lines) and real outputs. */
public class ShowVersionParserTest {

  @Test
  public void readsTheSeedDocuments2691() {
    // seed 000_6291f1acd3ce46b9.txt lines 57-96: "sv9-4#show version" ... "Configuration register is 0x2102"
    // (the document's markdown fences in the middle are left in: they are lines a parser must skip)
    VersionInfo v = ShowVersionParser.parse(SharedOutputs.seedLines(57, 96));
    assertEquals(v, new VersionInfo("12.3(3)", "C2691-IK9S-M", "sv9-4", "1 hour, 39 minutes", "reload",
        "flash:c2691-ik9s-mz.123-3.bin", "2691", "JMX0710L5CE", "0x2102"));
  }

  @Test
  public void readsA122Catalyst() {
    // ../shared/fixtures/ios-outputs/show_version/genieparser-ios_3.txt lines 4, 13, 14, 16, 18, 19, 25
    VersionInfo v = ShowVersionParser.parse(SharedOutputs.output("show_version/genieparser-ios_3.txt"));
    assertEquals(v, new VersionInfo("12.2(18)EW5", "cat4000-I9S-M", "GENIE123123",
        "1 years, 2 weeks, 3 days, 4 hours, 5 minutes", "RPR Switchover", "bootflash:cat4000-i9s-mz.122-18.EW5.bin",
        "WS-C4507R", "FOX093206HY", "0x2102"));
  }

  @Test
  public void readsA15xRouter() {
    // genieparser-ios_1.txt lines 3, 10, 11, 13, 35, 66
    VersionInfo v = ShowVersionParser.parse(SharedOutputs.output("show_version/genieparser-ios_1.txt"));
    assertEquals(v.version(), "15.0(1)M7");
    assertEquals(v.imageFamily(), "C3900-UNIVERSALK9-M");
    assertEquals(v.hostname(), "best-c3945-IOS3");
    assertEquals(v.returnedToRomBy(), "reload at 10:26:47 EST Mon Dec 9 2019");
    assertEquals(v.systemImage(), "flash0:c3900-universalk9-mz.SPA.150-1.M7.bin");
    assertEquals(v.processorBoardId(), "FGL161010K8");
  }

  @Test
  public void anotherCommandOrGarbageIsRefusedNamingTheFirstLine() {
    ParseException e = expectThrows(ParseException.class, () -> ShowVersionParser.parse(
        SharedOutputs.output("show_ip_interface_brief/genieparser-iosxe_1.txt")));
    assertEquals(e.command(), "show version");
    assertEquals(e.lineNumber(), 1);
    expectThrows(ParseException.class, () -> ShowVersionParser.parse("\n\n"));
  }
}
