package dev.dmvpn.drivers.parse;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.expectThrows;

import java.util.List;
import org.testng.annotations.Test;

/** {@code show ip interface brief} on a real output. */
public class ShowIpInterfaceBriefParserTest {

  @Test
  public void readsTheRealTable() {
    // ../shared/fixtures/ios-outputs/show_ip_interface_brief/genieparser-iosxe_1.txt: header line 1, rows 2-22
    List<InterfaceBrief> rows = ShowIpInterfaceBriefParser.parse(
        SharedOutputs.output("show_ip_interface_brief/genieparser-iosxe_1.txt"));
    assertEquals(rows.size(), 21);
    assertEquals(rows.get(0), new InterfaceBrief("GigabitEthernet0/0/0", "10.105.44.23", true, "other", "up", "up"));
    // line 7: unassigned, down/down
    assertEquals(rows.get(5), new InterfaceBrief("Te0/0/5", null, true, "unset", "down", "down"));
    // line 10: a two-word status
    assertEquals(rows.get(8), new InterfaceBrief("ucse1/0/0", "10.19.14.1", true, "other", "administratively down",
        "down"));
    assertFalse(rows.get(8).isUp());
    // line 22, the last, with no newline after it
    assertEquals(rows.get(20).name(), "VirtualPortGroup4");
  }

  @Test
  public void truncatedRowAndOtherOutputsAreRefused() {
    ParseException e = expectThrows(ParseException.class, () -> ShowIpInterfaceBriefParser.parse(
        "Interface              IP-Address      OK? Method Status                Protocol\n"
            + "Tunnel0                192.168.1.3     YES manual up"));
    assertEquals(e.command(), "show ip interface brief");
    assertEquals(e.lineNumber(), 2);
    expectThrows(ParseException.class, () -> ShowIpInterfaceBriefParser.parse(
        SharedOutputs.output("ping/genieparser-ios_1.txt")));
  }
}
