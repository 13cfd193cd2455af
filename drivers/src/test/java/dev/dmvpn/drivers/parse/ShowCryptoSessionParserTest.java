package dev.dmvpn.drivers.parse;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.expectThrows;

import java.util.List;
import java.util.Map;
import org.testng.annotations.Test;

/** {@code show crypto session [detail]} on real outputs. */
public class ShowCryptoSessionParserTest {

  @Test
  public void readsTheSummary() {
    // ../shared/fixtures/ios-outputs/show_crypto_session/genieparser-ios_1.txt lines 2-12
    CryptoSession s = ShowCryptoSessionParser.parse(SharedOutputs.output("show_crypto_session/genieparser-ios_1.txt")).get(0);
    assertEquals(s.iface(), "Virtual-Access2");
    assertEquals(s.status(), "UP-ACTIVE"); // line 7
    assertEquals(s.peer(), "10.1.1.2"); // line 8
    assertEquals(s.peerPort(), Integer.valueOf(500));
    assertEquals(s.ikeSas(), List.of( // lines 9-10
        new CryptoSession.IkeSession("10.1.1.1", 500, "10.1.1.2", 500, "Active"),
        new CryptoSession.IkeSession("10.1.1.1", 500, "10.1.1.2", 500, "Inactive")));
    assertEquals(s.flows(), List.of(new CryptoSession.IpsecFlowSummary( // lines 11-12
        "permit ip 0.0.0.0/0.0.0.0 host 3.3.3.4", 2, "crypto map", null, null)));
    assertEquals(s.fields(), Map.of("Username", "cisco", "Profile", "prof", "Group", "easy",
        "Assigned address", "10.3.3.4")); // lines 3-6
  }

  @Test
  public void readsTheDetailFormOfATunnel() {
    // show_crypto_session_detail/genieparser-ios_1.txt lines 1-15: GRE (47) and IP flows to 10.1.1.3
    CryptoSession s = ShowCryptoSessionParser.parse(
        SharedOutputs.output("show_crypto_session_detail/genieparser-ios_1.txt")).get(0);
    assertEquals(s.iface(), "Tunnel0");
    assertEquals(s.fields().get("Phase1_id"), "10.1.1.3"); // line 5
    assertEquals(s.flows().get(0), new CryptoSession.IpsecFlowSummary("permit 47 host 10.1.1.4 host 10.1.1.3", 0,
        "crypto map", 0L, 0L)); // lines 8-11
    assertEquals(s.flows().get(1), new CryptoSession.IpsecFlowSummary("permit ip host 10.1.1.4 host 10.1.1.3", 4,
        "crypto map", 4L, 4L)); // lines 12-15
  }

  @Test
  public void truncatedAndOtherOutputsAreRefused() {
    ParseException e = expectThrows(ParseException.class, () -> ShowCryptoSessionParser.parse(
        "Interface: Tunnel0\nSession status: UP-ACTIVE\n  IKE SA: local 10.1.1.4/500 remote 10.1"));
    assertEquals(e.command(), "show crypto session");
    assertEquals(e.lineNumber(), 3);
    e = expectThrows(ParseException.class, () -> ShowCryptoSessionParser.parse(
        SharedOutputs.output("show_crypto_isakmp_sa/genieparser-iosxe_1.txt")));
    assertEquals(e.lineNumber(), 1);
  }
}
