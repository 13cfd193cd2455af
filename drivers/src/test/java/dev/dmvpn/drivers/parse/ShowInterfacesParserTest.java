package dev.dmvpn.drivers.parse;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertNull;
import static org.testng.Assert.expectThrows;

import java.util.List;
import org.testng.annotations.Test;

/** {@code show interfaces} on real outputs. */
public class ShowInterfacesParserTest {

  @Test
  public void readsEthernetBlocksAfterAPromptOnItsOwnLine() {
    // ../shared/fixtures/ios-outputs/show_interfaces/genieparser-ios_1.txt: "genie#" (line 2) and the command
    // (line 3) are the echo; heads at lines 4, 29, 58
    List<InterfaceDetail> ifs = ShowInterfacesParser.parse(SharedOutputs.output("show_interfaces/genieparser-ios_1.txt"));
    assertEquals(ifs.size(), 3);
    assertEquals(ifs.get(0).status(), "administratively down");
    InterfaceDetail gi = ifs.get(1);
    assertEquals(gi.name(), "GigabitEthernet0/0");
    assertEquals(gi.protocol(), "up");
    assertEquals(gi.hardware(), "CN Gigabit Ethernet"); // line 30
    assertEquals(gi.address(), "192.168.151.3/24"); // line 32
    assertEquals(gi.mtu(), Integer.valueOf(1500)); // line 33
    assertEquals(gi.bandwidthKbit(), Long.valueOf(100000));
    assertEquals(gi.delayUsec(), Long.valueOf(100));
    assertEquals(gi.encapsulation(), "ARPA"); // line 35
    assertNull(gi.tunnelSource());
  }

  @Test
  public void readsATunnel() {
    // genieparser-ios_2.txt lines 60-76: "Tunnel0 is up, line protocol is up", MTU 17912, BW 100, DLY 50000,
    // "Tunnel source 192.168.154.1 (GigabitEthernet0/2.1), destination 10.186.1.1", "Tunnel protocol/transport PIM/IPv4"
    InterfaceDetail tu = ShowInterfacesParser.parse(SharedOutputs.output("show_interfaces/genieparser-ios_2.txt"))
        .stream().filter(i -> i.name().equals("Tunnel0")).findFirst().orElseThrow();
    assertEquals(tu.hardware(), "Tunnel");
    assertEquals(tu.mtu(), Integer.valueOf(17912));
    assertEquals(tu.bandwidthKbit(), Long.valueOf(100));
    assertEquals(tu.delayUsec(), Long.valueOf(50000));
    assertEquals(tu.encapsulation(), "TUNNEL");
    assertEquals(tu.tunnelSource(), "192.168.154.1");
    assertEquals(tu.tunnelDestination(), "10.186.1.1");
    assertEquals(tu.tunnelProtocol(), "PIM/IPv4");
  }

  @Test
  public void otherOutputsAreRefused() {
    ParseException e = expectThrows(ParseException.class, () -> ShowInterfacesParser.parse(
        SharedOutputs.output("show_ip_interface_brief/genieparser-iosxe_1.txt")));
    assertEquals(e.command(), "show interfaces");
    assertEquals(e.lineNumber(), 1);
  }
}
