package dev.dmvpn.drivers.parse;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.expectThrows;

import java.util.List;
import org.testng.annotations.Test;

/** {@code show ip eigrp neighbors}: real 15.x outputs with and without heading, and the 12.3 layout. */
public class ShowIpEigrpNeighborsParserTest {

  @Test
  public void readsANamedModeVrfTable() {
    // ../shared/fixtures/ios-outputs/show_ip_eigrp_neighbors/genieparser-ios_8.txt: heading line 3, VRF line 4,
    // rows lines 7-8
    List<EigrpNeighbor> rows = ShowIpEigrpNeighborsParser.parse(
        SharedOutputs.output("show_ip_eigrp_neighbors/genieparser-ios_8.txt"));
    assertEquals(rows, List.of(
        new EigrpNeighbor(100, "VRF1", 1, "10.12.90.2", "Gi0/2.390", 14, "01:36:33", 21, 126, 0, 8),
        new EigrpNeighbor(100, "VRF1", 0, "10.13.90.3", "Gi0/3.390", 14, "01:39:27", 990, 5000, 0, 11)));
  }

  @Test
  public void readsATableWithoutHeading() {
    // genieparser-ios_3.txt: "Device# show ip eigrp neighbors" echoed at line 2, rows lines 5-6
    List<EigrpNeighbor> rows = ShowIpEigrpNeighborsParser.parse(
        SharedOutputs.output("show_ip_eigrp_neighbors/genieparser-ios_3.txt"));
    assertEquals(rows, List.of(
        new EigrpNeighbor(null, null, 2, "10.1.1.9", "Gi0/0", 14, "00:02:24", 206, 5000, 0, 5),
        new EigrpNeighbor(null, null, 0, "10.1.1.2", "Gi0/0", 13, "00:00:03", 1996, 5000, 0, 5)));
  }

  @Test
  public void readsUptimeInDaysAndHours() {
    // genieparser-iosxe_1.txt line 5: "1   10.12.90.2   Gi2.90   13 2d10h    1283  5000  0  5"
    EigrpNeighbor first = ShowIpEigrpNeighborsParser.parse(
        SharedOutputs.output("show_ip_eigrp_neighbors/genieparser-iosxe_1.txt")).get(0);
    assertEquals(first.uptime(), "2d10h");
    assertEquals(first.srttMs(), 1283);
  }

  /** ios-12.3-formats.md "show ip eigrp neighbors": process heading and a Type column heading. */
  @Test
  public void reads123Layout() {
    String output = "sv9-2#show ip eigrp neighbors\n"
        + "IP-EIGRP neighbors for process 90\n"
        + "H   Address                 Interface       Hold Uptime   SRTT   RTO  Q  Seq Type\n"
        + "                                            (sec)         (ms)       Cnt Num\n"
        + "1   192.168.1.3             Tu0               14 00:03:21    8   200  0  5\n"
        + "0   192.168.1.2             Tu0               12 00:04:02   10   200  0  7\n"
        + "sv9-2#";
    assertEquals(ShowIpEigrpNeighborsParser.parse(output), List.of(
        new EigrpNeighbor(90, null, 1, "192.168.1.3", "Tu0", 14, "00:03:21", 8, 200, 0, 5),
        new EigrpNeighbor(90, null, 0, "192.168.1.2", "Tu0", 12, "00:04:02", 10, 200, 0, 7)));
  }

  @Test
  public void headingAloneIsNoNeighbour() {
    assertEquals(ShowIpEigrpNeighborsParser.parse("IP-EIGRP neighbors for process 90\n"), List.of());
  }

  @Test
  public void theTruncatedRowOfARealOutputIsRefused() {
    // genieparser-ios_9.txt line 9 is a row cut before its address: "             Gi3.390   10 2d10h  5  100  0  9"
    ParseException e = expectThrows(ParseException.class, () -> ShowIpEigrpNeighborsParser.parse(
        SharedOutputs.output("show_ip_eigrp_neighbors/genieparser-ios_9.txt")));
    assertEquals(e.command(), "show ip eigrp neighbors");
    assertEquals(e.lineNumber(), 9);
  }

  @Test
  public void garbageAndAnotherCommandAreRefused() {
    assertEquals(expectThrows(ParseException.class, () -> ShowIpEigrpNeighborsParser.parse("xyzzy")).lineNumber(), 1);
    // show ip interface brief's header line
    ParseException e = expectThrows(ParseException.class, () -> ShowIpEigrpNeighborsParser.parse(
        SharedOutputs.output("show_ip_interface_brief/genieparser-iosxe_1.txt")));
    assertEquals(e.lineNumber(), 1);
  }
}
