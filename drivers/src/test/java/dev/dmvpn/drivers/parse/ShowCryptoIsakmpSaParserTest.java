package dev.dmvpn.drivers.parse;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertThrows;
import static org.testng.Assert.expectThrows;

import java.util.List;
import org.testng.annotations.Test;

/** {@code show crypto isakmp sa}: the 12.3 table and the sectioned 15.x layout of a real output. */
public class ShowCryptoIsakmpSaParserTest {

  @Test
  public void readsTheRealSectionedLayout() {
    // ../shared/fixtures/ios-outputs/show_crypto_isakmp_sa/genieparser-iosxe_1.txt: an empty IPv4 section (lines
    // 1-2), then three IPv6 rows (lines 4-6), the second deleted
    List<IsakmpSa> sas = ShowCryptoIsakmpSaParser.parse(SharedOutputs.output("show_crypto_isakmp_sa/genieparser-iosxe_1.txt"));
    assertEquals(sas, List.of(
        new IsakmpSa(true, "100.0.10::2", "100.13.220::2", "QM_IDLE", 29610, null, "ACTIVE"),
        new IsakmpSa(true, "100.0.10::2", "100.12.82::2", "MM_NO_STATE", 29189, null, "ACTIVE (deleted)"),
        new IsakmpSa(true, "100.0.10::2", "100.11.106::2", "QM_IDLE", 29363, null, "ACTIVE")));
  }

  /** ../shared/docs/ios-12.3-formats.md "show crypto isakmp sa", echoed and prompted as a console prints it. */
  @Test
  public void readsThe123Table() {
    String output = "sv9-4#show crypto isakmp sa\r\n"
        + "dst             src             state          conn-id slot\r\n"
        + "209.168.202.131 209.168.202.130 QM_IDLE              1    0\r\n"
        + "209.168.202.225 209.168.202.130 QM_IDLE              2    0\r\n"
        + "\r\nsv9-4#";
    assertEquals(ShowCryptoIsakmpSaParser.parse(output), List.of(
        new IsakmpSa(false, "209.168.202.131", "209.168.202.130", "QM_IDLE", 1, 0, null),
        new IsakmpSa(false, "209.168.202.225", "209.168.202.130", "QM_IDLE", 2, 0, null)));
  }

  @Test
  public void newerIpv4LayoutWithStatus() {
    String output = "IPv4 Crypto ISAKMP SA\ndst             src             state          conn-id status\n"
        + "209.168.202.225 209.168.202.130 QM_IDLE           1001 ACTIVE\n\nIPv6 Crypto ISAKMP SA\n\n";
    assertEquals(ShowCryptoIsakmpSaParser.parse(output),
        List.of(new IsakmpSa(false, "209.168.202.225", "209.168.202.130", "QM_IDLE", 1001, null, "ACTIVE")));
  }

  @Test
  public void headerAloneIsNoSa() {
    assertEquals(ShowCryptoIsakmpSaParser.parse("dst             src             state          conn-id slot\n"), List.of());
  }

  @Test
  public void truncatedRowGarbageAndNhrpOutputAreRefused() {
    ParseException e = expectThrows(ParseException.class, () -> ShowCryptoIsakmpSaParser.parse(
        "dst             src             state          conn-id slot\n209.168.202.131 209.168.202.130 QM_ID"));
    assertEquals(e.command(), "show crypto isakmp sa");
    assertEquals(e.lineNumber(), 2);
    assertThrows(ParseException.class, () -> ShowCryptoIsakmpSaParser.parse("%$#@ garbage"));
    e = expectThrows(ParseException.class,
        () -> ShowCryptoIsakmpSaParser.parse(SharedOutputs.output("show_ip_nhrp_detail/genieparser-iosxe_1.txt")));
    assertEquals(e.lineNumber(), 2);
  }
}
