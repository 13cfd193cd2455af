package dev.dmvpn.drivers.parse;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.expectThrows;

import java.util.List;
import org.testng.annotations.Test;

/** {@code show dmvpn} on a real output. */
public class ShowDmvpnParserTest {

  @Test
  public void readsTheRealOutput() {
    // ../shared/fixtures/ios-outputs/show_dmvpn/genieparser-iosxe_1.txt
    List<DmvpnPeer> peers = ShowDmvpnParser.parse(SharedOutputs.output("show_dmvpn/genieparser-iosxe_1.txt"));
    assertEquals(peers, List.of(
        new DmvpnPeer("Tunnel84", 1, "172.30.84.1", "172.29.0.1", "NHRP", "never", "SC"), // line 16
        new DmvpnPeer("Tunnel90", 1, "172.29.0.1", "172.30.90.1", "IKE", "3w5d", "S"), // line 23
        new DmvpnPeer("Tunnel90", 2, "172.29.0.2", "172.30.90.2", "UP", "6d12h", "S"), // line 24
        new DmvpnPeer("Tunnel90", 2, "172.29.0.2", "172.30.90.25", "UP", "6d12h", "S"), // line 25, same peer
        new DmvpnPeer("Tunnel90", 2, "172.29.134.1", "172.30.72.72", "UP", "00:29:40", "DT2"), // line 26
        new DmvpnPeer("Tunnel90", 2, "172.29.134.1", "172.30.72.72", "UP", "00:29:40", "DT1"))); // line 27
  }

  @Test
  public void truncatedRowAndOtherOutputsAreRefused() {
    ParseException e = expectThrows(ParseException.class, () -> ShowDmvpnParser.parse(
        "Interface: Tunnel0, IPv4 NHRP Details\nType:Spoke, NHRP Peers:1,\n     1 209.168.202.225   192.168.1.1"));
    assertEquals(e.command(), "show dmvpn");
    assertEquals(e.lineNumber(), 3);
    e = expectThrows(ParseException.class, () -> ShowDmvpnParser.parse(
        SharedOutputs.output("show_ip_nhrp_nhs/genieparser-iosxe_1.txt")));
    assertEquals(e.lineNumber(), 2);
  }
}
