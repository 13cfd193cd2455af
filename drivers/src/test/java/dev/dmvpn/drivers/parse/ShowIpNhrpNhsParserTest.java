package dev.dmvpn.drivers.parse;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.expectThrows;

import java.util.List;
import org.testng.annotations.Test;

/** {@code show ip nhrp nhs} on a real output and the short older row. */
public class ShowIpNhrpNhsParserTest {

  @Test
  public void readsTheRealOutput() {
    // ../shared/fixtures/ios-outputs/show_ip_nhrp_nhs/genieparser-iosxe_1.txt lines 3-5
    List<NhsEntry> nhs = ShowIpNhrpNhsParser.parse(SharedOutputs.output("show_ip_nhrp_nhs/genieparser-iosxe_1.txt"));
    assertEquals(nhs, List.of(
        new NhsEntry("Tunnel100", "100.0.0.100", "RE", "101.1.1.1", 0, 0),
        new NhsEntry("Tunnel100", "172.16.0.1", "E", null, 0, 0)));
    assertFalse(nhs.get(1).responding());
  }

  @Test
  public void readsTheShortRow() {
    assertEquals(ShowIpNhrpNhsParser.parse("Legend: E=Expecting replies, R=Responding, W=Waiting\nTunnel0:\n"
        + "192.168.1.1      RE\n"), List.of(new NhsEntry("Tunnel0", "192.168.1.1", "RE", null, null, null)));
  }

  @Test
  public void garbageAndOtherOutputsAreRefused() {
    ParseException e = expectThrows(ParseException.class, () -> ShowIpNhrpNhsParser.parse(
        SharedOutputs.output("show_dmvpn/genieparser-iosxe_1.txt")));
    assertEquals(e.command(), "show ip nhrp nhs");
    assertEquals(e.lineNumber(), 3); // the legend's second line
    expectThrows(ParseException.class, () -> ShowIpNhrpNhsParser.parse("Tunnel0:\n192.168.1.1 XYZ\n"));
  }
}
