package dev.dmvpn.drivers.parse;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertNull;
import static org.testng.Assert.assertTrue;
import static org.testng.Assert.expectThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.testng.annotations.Test;

/**
 * {@code show running-config} sections on real outputs: the IOS 15.4 and IOS-XE 15.5 DMVPN spokes of
 * {@code reference-impl/src/test/resources/configs/show-run} (expected values read from the files, line numbers
 * given) and the genieparser fragments of {@code ../shared/fixtures/ios-outputs/show_running-config}; the virtual
 * rack's output is read in {@code RackOperationsTest}.
 */
public class ShowRunningConfigParserTest {
  private static String showRun(String file) throws IOException {
    Path root = Path.of(System.getProperty("project.root", ".."));
    return Files.readString(root.resolve("reference-impl/src/test/resources/configs/show-run").resolve(file),
        StandardCharsets.UTF_8);
  }

  @Test
  public void ios154SpokeInSections() throws IOException {
    RunningConfig c = ShowRunningConfigParser.parse(showRun("spb-core1-ios15.4.txt"));
    assertEquals(c.currentBytes(), Integer.valueOf(2482)); // line 3
    assertEquals(c.globalLines().subList(0, 4), List.of("version 15.4", "service timestamps debug datetime msec",
        "service timestamps log datetime msec", "no service password-encryption")); // lines 5-8
    assertTrue(c.globalLines().contains("crypto isakmp key Cisco123 address 0.0.0.0")); // line 63: no lines under it
    ConfigSection policy = c.section("crypto isakmp policy 10").orElseThrow(); // lines 58-62
    assertEquals(policy.kind(), ConfigSection.Kind.CRYPTO);
    assertEquals(policy.lines(), List.of("encr aes 256", "hash sha256", "authentication pre-share", "group 14"));
    assertEquals(policy.lineNumber(), 58);
    assertEquals(c.crypto().stream().map(ConfigSection::head).toList(), List.of("crypto isakmp policy 10",
        "crypto ipsec transform-set TS-SET esp-aes 256 esp-sha256-hmac", "crypto ipsec profile DMVPN-PROFILE"));
    assertEquals(c.interfaces().stream().map(ConfigSection::head).toList(), List.of("interface Loopback1",
        "interface Tunnel0", "interface Ethernet0/0", "interface Ethernet0/1", "interface Ethernet0/2",
        "interface Ethernet0/3")); // lines 78-122
    ConfigSection tunnel = c.section("interface Tunnel0").orElseThrow();
    assertEquals(tunnel.lines().size(), 17); // lines 83-99
    assertEquals(tunnel.lines().get(3), "ip nhrp map 10.1.1.1 11.11.10.2");
    assertEquals(tunnel.lines().get(16), "tunnel protection ipsec profile DMVPN-PROFILE");
    assertEquals(c.routers().stream().map(ConfigSection::head).toList(), List.of("router ospf 1", "router bgp 2002"));
    assertEquals(c.section("router bgp 2002").orElseThrow().lines().size(), 5); // lines 128-132
    assertEquals(c.section("route-map BLOCK-OUT deny 10").orElseThrow().kind(), ConfigSection.Kind.OTHER_BLOCK);
    assertEquals(c.lines().stream().map(ConfigSection::head).toList(), List.of("line con 0", "line aux 0",
        "line vty 0 4")); // lines 161-166
    assertEquals(c.section("line aux 0").orElseThrow().lines(), List.of());
    assertEquals(c.section("line vty 0 4").orElseThrow().lines(), List.of("login", "transport input none"));
    assertEquals(c.section("control-plane").orElseThrow().kind(), ConfigSection.Kind.GLOBAL,
        "only '!' under it (lines 152-160)");
  }

  @Test
  public void iosXeSpokeWithEchoLastChangeAndNestedSubModes() throws IOException {
    RunningConfig c = ShowRunningConfigParser.parse(showRun("spoke2-ios15.5-csr1000v.txt"));
    assertEquals(c.currentBytes(), Integer.valueOf(2975));
    assertEquals(c.globalLines().get(0), "version 15.5", "echo and '! Last configuration change' dropped");
    ConfigSection keyring = c.section("crypto ikev2 keyring DMVPN-KEYRING-1").orElseThrow();
    assertEquals(keyring.lines(), List.of("peer ANY", " address 0.0.0.0 0.0.0.0", " pre-shared-key c1sco123"),
        "second-level lines keep their extra blank");
    ConfigSection eigrp = c.section("router eigrp OVERLAY").orElseThrow();
    assertEquals(eigrp.lines().get(0), "address-family ipv4 unicast vrf inside-vrf autonomous-system 500");
    assertEquals(eigrp.lines().get(eigrp.lines().size() - 1), "exit-address-family");
    assertEquals(c.section("vrf definition inside-vrf").orElseThrow().lines(),
        List.of("rd 2:2", "address-family ipv4", "exit-address-family"));
    assertEquals(c.lines().size(), 4);
    assertEquals(c.section("line vty 1").orElseThrow().lines(), List.of("login", "length 0"));
  }

  @Test
  public void genieparserFragmentsWithoutHeading() {
    RunningConfig c = ShowRunningConfigParser.parse(
        SharedOutputs.output("show_running-config/genieparser-iosxe_2.txt"));
    assertNull(c.currentBytes());
    assertEquals(c.sections().size(), 1);
    assertEquals(c.interfaces().get(0).head(), "interface Tunnel100");
    assertEquals(c.interfaces().get(0).lines().get(6), "tunnel mpls traffic-eng path-option 1 dynamic");
    RunningConfig one = ShowRunningConfigParser.parse(
        SharedOutputs.output("show_running-config/genieparser-iosxe_1.txt"));
    assertEquals(one.interfaces().get(0).lines().get(6), "tunnel mpls traffic-eng path-option 1 explicit name R3_R4_R5_R2");
  }

  @Test
  public void bannerTextIsOneSection() {
    RunningConfig c = ShowRunningConfigParser.parse("hostname r1\n!\nbanner motd ^C\nAuthorised access only\n"
        + "  second line\n^C\n!\nline con 0\n exec-timeout 0 0\nend\n");
    ConfigSection banner = c.of(ConfigSection.Kind.BANNER).get(0);
    assertEquals(banner.head(), "banner motd ^C");
    assertEquals(banner.lines(), List.of("Authorised access only", "  second line"));
    assertEquals(c.lines().get(0).lines(), List.of("exec-timeout 0 0"));
  }

  @Test
  public void errorsAndOtherOutputsAreRefused() {
    ParseException invalid = expectThrows(ParseException.class, () -> ShowRunningConfigParser.parse(
        "sv9-4#show running-confg\n                    ^\n% Invalid input detected at '^' marker.\n\nsv9-4#"));
    assertTrue(invalid.getMessage().contains("show running-config"), invalid.getMessage());
    ParseException version = expectThrows(ParseException.class, () -> ShowRunningConfigParser.parse(
        SharedOutputs.seedLines(57, 96)));
    assertTrue(version.lineNumber() > 0, version.getMessage());
    expectThrows(ParseException.class, () -> ShowRunningConfigParser.parse(" ip address 1.2.3.4 255.0.0.0\n"));
    expectThrows(ParseException.class, () -> ShowRunningConfigParser.parse("hostname a\nend\nhostname b\n"));
    expectThrows(ParseException.class, () -> ShowRunningConfigParser.parse("banner motd ^C\nnever closed\n"));
  }
}
