package dev.dmvpn.virtualrack.node;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

import dev.dmvpn.ref.bytes.Ipv4Address;
import dev.dmvpn.ref.eigrp.EigrpNeighborSnapshot;
import dev.dmvpn.ref.nhrp.engine.NhrpPrefix;
import dev.dmvpn.ref.wire.ip.Ipv4Prefix;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.testng.annotations.Test;

/**
 * The 12.3 renderers against layouts from outside the project: the example blocks of
 * ../shared/docs/ios-12.3-formats.md (rendered from the same values must give the same bytes) and the document's
 * own ping output (seed lines 520-525).
 */
public class ShowFormatsGoldenTest {
  private static Ipv4Address ip(String s) {
    return Ipv4Address.parse(s);
  }

  private static Duration hms(int h, int m, int s) {
    return Duration.ofSeconds(h * 3600L + m * 60L + s);
  }

  @Test
  public void showIpNhrpIsTheDocsBlock() throws Exception {
    String got = NhrpView.render(List.of(
        new NhrpRow(new NhrpPrefix(ip("192.168.1.1"), 32), ip("192.168.1.1"), "Tunnel0", hms(0, 10, 3), null,
            "static", "authoritative used", ip("209.168.202.225")),
        new NhrpRow(new NhrpPrefix(ip("192.168.1.2"), 32), ip("192.168.1.2"), "Tunnel0", hms(0, 0, 12),
            hms(1, 59, 47), "dynamic", "authoritative unique registered used", ip("209.168.202.131"))));
    assertEquals(got, FormatsDoc.block("show ip nhrp"));
  }

  @Test
  public void showCryptoIsakmpSaIsTheDocsBlock() throws Exception {
    String got = IsakmpSaView.render(List.of(
        new IsakmpSaRow(ip("209.168.202.131"), ip("209.168.202.130"), "QM_IDLE", 1, 0),
        new IsakmpSaRow(ip("209.168.202.225"), ip("209.168.202.130"), "QM_IDLE", 2, 0)));
    assertEquals(got, FormatsDoc.block("show crypto isakmp sa"));
  }

  @Test
  public void showIpEigrpNeighborsIsTheDocsBlock() throws Exception {
    String got = EigrpNeighborsView.render(90, List.of(
        new EigrpNeighborSnapshot(0, ip("192.168.1.2"), "Tunnel0", 12, hms(0, 4, 2), 10, 200, 0, 7, true),
        new EigrpNeighborSnapshot(1, ip("192.168.1.3"), "Tunnel0", 14, hms(0, 3, 21), 8, 200, 0, 5, true),
        new EigrpNeighborSnapshot(2, ip("192.168.1.9"), "Tunnel0", 14, hms(0, 0, 1), 0, 5000, 1, 0, false)));
    assertEquals(got, FormatsDoc.block("show ip eigrp neighbors"));
  }

  @Test
  public void showIpRouteHasTheDocsLinesAndClassfulGrouping() throws Exception {
    String got = RouteTableView.render(List.of(
        new RouteRow(Ipv4Prefix.parse("0.0.0.0/0"), "S", 1, 0, ip("209.168.202.158"), null, null),
        new RouteRow(Ipv4Prefix.parse("192.168.1.0/24"), "C", 0, 0, null, "Tunnel0", null),
        new RouteRow(Ipv4Prefix.parse("2.2.2.0/24"), "D", 90, 297372416, ip("192.168.1.2"), "Tunnel0", hms(0, 2, 11)),
        new RouteRow(Ipv4Prefix.parse("209.168.202.128/27"), "C", 0, 0, null, "FastEthernet0/0", null)));
    List<String> lines = got.lines().toList();
    assertEquals(lines.get(0), "Codes: C - connected, S - static, R - RIP, M - mobile, B - BGP");
    assertEquals(lines.get(1), "       D - EIGRP, EX - EIGRP external, O - OSPF, IA - OSPF inter area ");
    // the doc's example lines, verbatim
    assertTrue(lines.contains("     2.0.0.0/24 is subnetted, 1 subnets"), got);
    assertTrue(lines.contains("D       2.2.2.0 [90/297372416] via 192.168.1.2, 00:02:11, Tunnel0"), got);
    assertTrue(lines.contains("Gateway of last resort is 209.168.202.158 to network 0.0.0.0"), got);
    String doc = Files.readString(Path.of("..", "..", "shared", "docs", "ios-12.3-formats.md"),
        StandardCharsets.UTF_8);
    assertTrue(doc.contains("`     2.0.0.0/24 is subnetted, 1 subnets`"), "the doc still shows the line checked");
    assertTrue(doc.contains("`D       2.2.2.0 [90/297372416] via 192.168.1.2, 00:02:11, Tunnel0`"));
    int subnetted = lines.indexOf("     2.0.0.0/24 is subnetted, 1 subnets");
    assertTrue(lines.get(subnetted + 1).startsWith("D       2.2.2.0"), got);
    assertTrue(lines.contains("C    192.168.1.0/24 is directly connected, Tunnel0"), got);
    assertTrue(lines.contains("     209.168.202.0/27 is subnetted, 1 subnets"), got);
    assertTrue(lines.contains("C       209.168.202.128 is directly connected, FastEthernet0/0"), got);
    assertEquals(lines.get(lines.size() - 1), "S*   0.0.0.0/0 [1/0] via 209.168.202.158", "default last");
    assertTrue(lines.indexOf("     2.0.0.0/24 is subnetted, 1 subnets")
        < lines.indexOf("C    192.168.1.0/24 is directly connected, Tunnel0"), "networks ascend");
  }

  @Test
  public void variablySubnettedNetworksPrintTheirMasks() {
    String got = RouteTableView.render(List.of(
        new RouteRow(Ipv4Prefix.parse("10.1.0.0/16"), "C", 0, 0, null, "FastEthernet0/1", null),
        new RouteRow(Ipv4Prefix.parse("10.2.2.0/24"), "D", 90, 5, ip("10.1.0.2"), "FastEthernet0/1", hms(0, 0, 5))));
    assertTrue(got.contains("     10.0.0.0/8 is variably subnetted, 2 subnets, 2 masks\n"
        + "C       10.1.0.0/16 is directly connected, FastEthernet0/1\n"
        + "D       10.2.2.0/24 [90/5] via 10.1.0.2, 00:00:05, FastEthernet0/1\n"), got);
    assertTrue(got.contains("Gateway of last resort is not set"), got);
  }

  @Test
  public void pingIsTheDocumentsOutput() throws Exception {
    List<String> seed = Files.readAllLines(Path.of("..", "..", "shared", "seed", "000_6291f1acd3ce46b9.txt"),
        StandardCharsets.UTF_8);
    assertEquals(seed.get(519), "sv9-4#ping 2.2.2.2");
    // the document shows 4 marks for 5/5 (one lost in extraction); the rest is compared line for line
    String rtt = String.join("\n", seed.subList(520, 523)) + "\n";
    assertEquals(PingView.head(5, 100, "2.2.2.2", 2), rtt);
    long ms = 1_000_000;
    assertEquals(PingView.result("!!!!!", 5, 5, List.of(4 * ms, 4 * ms, 4 * ms, 4 * ms, 4 * ms)),
        "!!!!!\n" + seed.get(524) + "\n");
    assertEquals(PingView.result("!!.!!", 5, 4, List.of(1 * ms, 2 * ms, 2 * ms, 4 * ms)),
        "!!.!!\nSuccess rate is 80 percent (4/5), round-trip min/avg/max = 1/2/4 ms\n");
    assertEquals(PingView.result(".....", 5, 0, List.of()), ".....\nSuccess rate is 0 percent (0/5)\n");
  }

  @Test
  public void shortInterfaceNames() {
    assertEquals(EigrpNeighborsView.shortName("Tunnel0"), "Tu0");
    assertEquals(EigrpNeighborsView.shortName("FastEthernet0/1"), "Fa0/1");
  }
}
