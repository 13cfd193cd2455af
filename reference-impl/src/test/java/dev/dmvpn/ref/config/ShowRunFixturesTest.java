package dev.dmvpn.ref.config;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

import dev.dmvpn.ref.bytes.Ipv4Address;
import dev.dmvpn.ref.config.ConfigProblem.Severity;
import dev.dmvpn.ref.config.IosConfigParser.Strictness;
import dev.dmvpn.ref.testing.SharedFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

/**
 * Real {@code show running-config} outputs (the shared fixtures and the two IOS 15.x DMVPN spokes in
 * {@code src/test/resources/configs/show-run}, sources in its README) parse in lenient mode with no error: every
 * line is read, ignored with a note, or (valid IOS the node lacks) a warning; strict mode turns exactly those
 * warnings into errors.
 */
public class ShowRunFixturesTest {
  private static final String OWN = "show-run/";

  @DataProvider
  public Object[][] sharedFixtures() throws Exception {
    try (Stream<Path> files = Files.list(SharedFiles.shared("fixtures/ios-outputs/show_running-config"))) {
      Object[][] rows = files.sorted().map(p -> new Object[] {p}).toArray(Object[][]::new);
      assertTrue(rows.length >= 2, "the shared show_running-config fixtures are missing");
      return rows;
    }
  }

  @Test(dataProvider = "sharedFixtures")
  public void everySharedFixtureParsesLenientlyWithoutErrors(Path file) throws Exception {
    IosParseResult r = IosConfigParser.parse(file, Strictness.LENIENT);
    assertEquals(r.errors(), List.of(), file.toString());
    onlyUnsupportedWarnings(r, file.toString());
    long interfaceLines = Files.readAllLines(file).stream().filter(l -> l.startsWith("interface ")).count();
    assertEquals(r.config().interfaces().size(), interfaceLines, "every interface block is read");
  }

  /** genieparser's MPLS-TE tunnels: IOS syntax the node does not run, reported line by line. */
  @Test
  public void mplsTrafficEngineeringTunnelIsWarnedLineByLine() throws Exception {
    IosParseResult r = IosConfigParser.parse(
        SharedFiles.shared("fixtures/ios-outputs/show_running-config/genieparser-iosxe_1.txt"), Strictness.LENIENT);
    assertEquals(r.warnings().stream().map(ConfigProblem::lineNumber).toList(), List.of(2, 3, 5, 6, 7, 8));
    IosInterface t = r.config().requireInterface("Tunnel100");
    assertEquals(t.tunnel().destination(), Ipv4Address.parse("2.2.2.2"));
    assertEquals(t.tunnel().mode(), TunnelSettings.MODE_GRE_IP, "the mode line was not taken");
  }

  @Test
  public void ios154DmvpnPhase3Spoke() {
    IosParseResult r = IosConfigParser.parse(ConfigFixtures.text(OWN + "spb-core1-ios15.4.txt"),
        Strictness.LENIENT);
    assertEquals(r.errors(), List.of());
    onlyUnsupportedWarnings(r, "spb-core1");
    // ip nhrp shortcut; ip nat x3; router ospf; router bgp; ip nat inside source; ip access-list; prefix-list;
    // route-map (read off the file)
    assertEquals(r.warnings().stream().map(ConfigProblem::lineNumber).toList(),
        List.of(93, 103, 108, 115, 124, 127, 139, 141, 145, 147));
    IosConfig c = r.config();
    assertEquals(c.hostname(), "SPB-CORE1");
    assertEquals(c.isakmpPolicies().get(0), new IsakmpPolicy(10, 58, "aes 256", "sha256", "pre-share", 14, 86400));
    assertTrue(c.isakmpKeys().get(0).matches(Ipv4Address.parse("11.11.10.2")), "address 0.0.0.0 is any peer");
    assertEquals(c.transformSets().get(0), new TransformSet("TS-SET", 66, List.of("esp-aes 256", "esp-sha256-hmac"),
        TransformSet.MODE_TRANSPORT));
    IosInterface t = c.requireInterface("Tunnel0");
    assertEquals(t.tunnel().key(), Long.valueOf(100));
    assertEquals(t.tunnel().sourceInterface(), "Ethernet0/0");
    assertEquals(t.nhrp().servers().size(), 2);
    assertEquals(t.nhrp().multicastMaps(), List.of(Ipv4Address.parse("11.11.10.2"), Ipv4Address.parse("11.12.10.2")));
    assertEquals(c.interfaces().size(), 6);
    assertTrue(c.requireInterface("Ethernet0/3").shutdown());
    // strict: the same lines, now errors, and nothing else
    IosParseResult strict = IosConfigParser.parse(ConfigFixtures.text(OWN + "spb-core1-ios15.4.txt"));
    assertEquals(strict.errors().stream().map(ConfigProblem::lineNumber).toList(),
        r.warnings().stream().map(ConfigProblem::lineNumber).toList());
  }

  @Test
  public void ios155IkeV2VrfSpoke() {
    IosParseResult r = IosConfigParser.parse(ConfigFixtures.text(OWN + "spoke2-ios15.5-csr1000v.txt"),
        Strictness.LENIENT);
    assertEquals(r.errors(), List.of());
    onlyUnsupportedWarnings(r, "spoke2");
    assertEquals(r.warnings().stream().map(ConfigProblem::lineNumber).toList(),
        List.of(20, 26, 82, 88, 95, 112, 119, 135, 139, 146, 151, 160, 161, 180, 198));
    IosInterface t = r.config().requireInterface("Tunnel0");
    assertEquals(t.nhrp().servers(), List.of(new NhrpServerEntry(Ipv4Address.parse("100.64.1.100"),
        Ipv4Address.parse("202.100.15.1"))));
    assertEquals(t.nhrp().multicastMaps(), List.of(Ipv4Address.parse("202.100.15.1")));
    assertTrue(t.nhrp().registrationNoUnique());
    assertEquals(t.tcpAdjustMss(), Integer.valueOf(1360));
    assertEquals(t.tunnel().sourceInterface(), "GigabitEthernet1.35");
    List<String> all = new ArrayList<>();
    r.problems().forEach(p -> all.add(p.toString()));
    r.ignored().forEach(p -> all.add(p.toString()));
    assertTrue(all.stream().anyMatch(s -> s.contains("'pre-shared-key *****'")), "the IKEv2 key line is masked");
    assertTrue(all.stream().noneMatch(s -> s.contains("c1sco123")));
  }

  private static void onlyUnsupportedWarnings(IosParseResult r, String what) {
    for (ConfigProblem p : r.problems()) {
      assertEquals(p.severity(), Severity.WARNING, what + ": " + p);
      assertTrue(p.reason().startsWith("is not supported by the node: "), what + ": " + p);
    }
  }
}
