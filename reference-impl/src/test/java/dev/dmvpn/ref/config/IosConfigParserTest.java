package dev.dmvpn.ref.config;

import static dev.dmvpn.ref.config.DocumentConfigsTest.ip;
import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertNull;
import static org.testng.Assert.assertTrue;

import dev.dmvpn.ref.config.ConfigProblem.Severity;
import dev.dmvpn.ref.config.IosConfigParser.Strictness;
import java.util.List;
import java.util.Random;
import org.testng.annotations.Test;

/** Line-level behaviour of {@link IosConfigParser}: modes, errors with line numbers, strictness. */
public class IosConfigParserTest {

  private static IosParseResult parse(String... lines) {
    return IosConfigParser.parse(String.join("\n", lines) + "\n");
  }

  private static ConfigProblem onlyError(IosParseResult r) {
    assertEquals(r.errors().size(), 1, r.problems().toString());
    return r.errors().get(0);
  }

  @Test
  public void unknownCommandIsAnErrorNamingLineAndText() {
    IosParseResult r = parse("hostname r1", "!", "interface Tunnel0", "ip address 192.168.1.1 255.255.255.0",
        "ip nhrp foo");
    ConfigProblem p = onlyError(r);
    assertEquals(p.lineNumber(), 5);
    assertEquals(p.line(), "ip nhrp foo");
    assertEquals(p.message(), "line 5: 'ip nhrp foo' is not understood (neither in interface Tunnel0 nor in"
        + " global configuration)");
  }

  @Test
  public void unknownGlobalCommand() {
    ConfigProblem p = onlyError(parse("hostname r1", "snmp-server community public RO"));
    assertEquals(p.message(), "line 2: 'snmp-server community ***** RO' is not understood");
  }

  @Test
  public void lenientMakesUnknownCommandsWarningsButKeepsBadValuesErrors() {
    String text = "router ospf 1\nip address 1.1.1.300 255.255.255.0\n";
    IosParseResult r = IosConfigParser.parse(text, Strictness.LENIENT);
    assertEquals(r.warnings().size(), 2, r.problems().toString());
    assertEquals(r.errors().size(), 0);
    r = IosConfigParser.parse("interface Fa0/0\nip address 1.1.1.300 255.255.255.0\n", Strictness.LENIENT);
    assertEquals(onlyError(r).lineNumber(), 2);
  }

  @Test
  public void badAddressIsAnErrorWithTheReason() {
    ConfigProblem p = onlyError(parse("interface FastEthernet0/0", "ip address 209.168.202.300 255.255.255.224"));
    assertEquals(p.lineNumber(), 2);
    assertEquals(p.message(), "line 2: 'ip address 209.168.202.300 255.255.255.224' is wrong: ip address"
        + " '209.168.202.300' is not an IPv4 address");
  }

  @Test
  public void nonContiguousMaskIsAnError() {
    ConfigProblem p = onlyError(parse("!", "!", "interface FastEthernet0/1", "ip address 1.1.1.1 255.0.255.0"));
    assertEquals(p.lineNumber(), 4);
    assertTrue(p.reason().endsWith("mask 255.0.255.0 is not a contiguous netmask"), p.reason());
  }

  @Test
  public void networkAddressWithItsMaskIsABadMask() {
    ConfigProblem p = onlyError(parse("interface FastEthernet0/1", "ip address 1.1.1.0 255.255.255.0"));
    assertTrue(p.reason().contains("bad mask /24 for address 1.1.1.0"), p.reason());
  }

  @Test
  public void outOfRangeNumbersAreErrors() {
    IosParseResult r = parse("interface Tunnel0", "ip mtu 40", "tunnel key 4294967296", "ip nhrp holdtime 70000",
        "crypto isakmp policy 0", "router eigrp 70000");
    assertEquals(r.errors().stream().map(ConfigProblem::lineNumber).toList(), List.of(2, 3, 4, 5, 6));
    assertTrue(r.errors().get(0).reason().contains("ip mtu 40 is out of range 68-17916"));
    assertTrue(r.errors().get(2).reason().contains("ip nhrp holdtime 70000 is out of range 1-65535"));
  }

  @Test
  public void isakmpKeyWithoutAddressIsAnErrorThatHidesTheKey() {
    ConfigProblem p = onlyError(parse("crypto isakmp key s3cretKey"));
    assertEquals(p.lineNumber(), 1);
    assertEquals(p.line(), "crypto isakmp key *****");
    assertTrue(p.reason().contains("has no 'address <peer> [<mask>]'"), p.reason());
    assertFalse(p.toString().contains("s3cretKey"));
  }

  @Test
  public void isakmpKeyForms() {
    IosConfig c = parse("crypto isakmp key 0 k1 address 209.168.202.225",
        "crypto isakmp key k2 address 10.0.0.0 255.0.0.0 no-xauth").configOrThrow();
    assertEquals(c.isakmpKeys().get(0).key().reveal(), "k1");
    assertEquals(c.isakmpKeys().get(0).peer().mask(), ip("255.255.255.255"), "mask defaults to a host");
    assertTrue(c.isakmpKeys().get(1).noXauth());
    assertTrue(c.isakmpKeys().get(1).matches(ip("10.1.2.3")));
  }

  @Test
  public void tunnelCommandOnEthernetIsAnError() {
    ConfigProblem p = onlyError(parse("interface FastEthernet0/0", "tunnel source Loopback0"));
    assertTrue(p.reason().contains("applies only to Tunnel interfaces, not FastEthernet0/0"), p.reason());
  }

  @Test
  public void subModeFallsBackToGlobalLikeAPastedConfig() {
    // no indentation (as in the extracted document): 'ip route' leaves router mode, 'shutdown' is then unknown
    IosParseResult r = parse("router eigrp 90", "network 10.0.0.0", "ip route 0.0.0.0 0.0.0.0 10.0.0.1",
        "shutdown");
    assertEquals(onlyError(r).message(), "line 4: 'shutdown' is not understood");
    assertEquals(r.config().staticRoutes().size(), 1);
  }

  @Test
  public void indentedShowRunParsesTheSame() {
    IosConfig c = parse("interface Tunnel0", " ip address 192.168.1.2 255.255.255.0", " ip nhrp network-id 1",
        " tunnel source 209.168.202.131", "!", "router eigrp 90", " network 192.168.1.0", "!", "end")
        .configOrThrow();
    assertEquals(c.requireInterface("Tunnel0").tunnel().sourceAddress(), ip("209.168.202.131"));
    assertEquals(c.findEigrp(90).orElseThrow().networks().size(), 1);
  }

  @Test
  public void allNhrpLines() {
    IosConfig c = parse("interface Tunnel 0", "ip address 10.0.0.2 255.255.255.0",
        "ip nhrp authentication abc", "ip nhrp map 10.0.0.1 198.51.100.1", "ip nhrp map multicast 198.51.100.1",
        "ip nhrp map multicast dynamic", "ip nhrp network-id 4294967295", "ip nhrp nhs 10.0.0.1",
        "ip nhrp nhs 10.0.0.9 nbma 198.51.100.9", "ip nhrp holdtime 300", "ip nhrp registration timeout 100",
        "ip nhrp registration no-unique", "ip tcp adjust-mss 1360", "bandwidth 1000", "delay 1000",
        "description DMVPN cloud", "tunnel mode gre multipoint", "tunnel source fa0/0").configOrThrow();
    IosInterface t = c.requireInterface("Tunnel0");
    NhrpSettings n = t.nhrp();
    assertEquals(n.networkId(), Long.valueOf(4294967295L));
    assertEquals(n.servers(), List.of(new NhrpServerEntry(ip("10.0.0.1"), null),
        new NhrpServerEntry(ip("10.0.0.9"), ip("198.51.100.9"))));
    assertEquals(n.holdtimeSeconds(), Integer.valueOf(300));
    assertEquals(n.registrationTimeoutSeconds(), Integer.valueOf(100));
    assertTrue(n.registrationNoUnique());
    assertTrue(n.multicastDynamic());
    assertEquals(n.mappedNbma(ip("10.0.0.1")), ip("198.51.100.1"));
    assertEquals(t.tcpAdjustMss(), Integer.valueOf(1360));
    assertEquals(t.bandwidthKbps(), Integer.valueOf(1000));
    assertEquals(t.delayTensOfMicroseconds(), Integer.valueOf(1000));
    assertEquals(t.description(), "DMVPN cloud");
    assertEquals(t.tunnel().sourceInterface(), "FastEthernet0/0");
  }

  @Test
  public void nhrpPasswordLongerThanEightIsAnError() {
    ConfigProblem p = onlyError(parse("interface Tunnel0", "ip nhrp authentication abcdefghi"));
    assertEquals(p.line(), "ip nhrp authentication *****");
    assertTrue(p.reason().contains("9 characters, at most 8"), p.reason());
  }

  @Test
  public void cryptoSubModes() {
    IosConfig c = parse("crypto isakmp policy 20", "encryption aes 256", "hash sha", "authentication pre-share",
        "group 2", "lifetime 3600", "crypto ipsec transform-set ts esp-aes 256 esp-sha-hmac", "mode transport",
        "crypto ipsec profile p", "set transform-set ts", "set security-association lifetime kilobytes 10000",
        "set pfs group2").configOrThrow();
    assertEquals(c.isakmpPolicies().get(0), new IsakmpPolicy(20, 1, "aes 256", "sha", "pre-share", 2, 3600));
    assertEquals(c.transformSets().get(0), new TransformSet("ts", 7, List.of("esp-aes 256", "esp-sha-hmac"),
        "transport"));
    IpsecProfile p = c.ipsecProfiles().get(0);
    assertEquals(p.lifetimeKilobytes(), Long.valueOf(10000));
    assertNull(p.lifetimeSeconds());
    assertEquals(p.effectiveLifetimeSeconds(), 3600L);
    assertEquals(p.pfsGroup(), Integer.valueOf(2));
  }

  @Test
  public void badTransformsAreErrors() {
    IosParseResult r = parse("crypto ipsec transform-set a esp-foo", "crypto ipsec transform-set b esp-des esp-3des",
        "crypto ipsec transform-set c", "crypto ipsec profile p", "set security-association lifetime seconds 60");
    assertEquals(r.errors().stream().map(ConfigProblem::lineNumber).toList(), List.of(1, 2, 3, 5));
    assertTrue(r.errors().get(3).reason().contains("SA lifetime seconds 60 is out of range 120-86400"));
  }

  @Test
  public void staticRouteForms() {
    IosConfig c = parse("interface Tunnel0", "ip address 10.0.0.1 255.255.255.0",
        "ip route 10.1.0.0 255.255.0.0 Tunnel0", "ip route 10.2.0.0 255.255.0.0 Tu0 10.0.0.2 250 permanent",
        "ip route 10.3.0.0 255.255.0.0 10.0.0.3 5").configOrThrow();
    List<StaticRoute> r = c.staticRoutes();
    assertEquals(r.get(0), new StaticRoute(new AddressMask(ip("10.1.0.0"), ip("255.255.0.0")), null, "Tunnel0", 1,
        3));
    assertEquals(r.get(1).nextHop(), ip("10.0.0.2"));
    assertEquals(r.get(1).distance(), 250);
    assertEquals(r.get(2).distance(), 5);
  }

  @Test
  public void routeWithHostBitsIsInconsistent() {
    ConfigProblem p = onlyError(parse("ip route 10.1.2.0 255.255.0.0 10.0.0.1"));
    assertTrue(p.reason().contains("inconsistent address and mask"), p.reason());
  }

  @Test
  public void eigrpWildcardMustBeContiguous() {
    ConfigProblem p = onlyError(parse("router eigrp 1", "network 10.0.0.0 0.255.0.255"));
    assertEquals(p.lineNumber(), 2);
    assertTrue(p.reason().contains("not a contiguous wildcard mask"), p.reason());
  }

  @Test
  public void unknownInterfaceTypeIsAnError() {
    ConfigProblem p = onlyError(parse("interface Frobnicator0"));
    assertTrue(p.reason().contains("interface type 'Frobnicator' is not known"), p.reason());
  }

  @Test
  public void showRunHeaderBannerAndLineBlocksAreIgnored() {
    IosParseResult r = parse("r1#show running-config", "Building configuration...", "",
        "Current configuration : 100 bytes", "!", "banner motd ^C", "Authorised access only", "^C",
        "line vty 0 4", " password cisco", " login", "!", "end");
    assertEquals(r.problems(), List.of());
    assertEquals(r.ignored().stream().map(ConfigProblem::lineNumber).toList(), List.of(1, 2, 4, 6, 9, 10, 11, 13));
    assertEquals(r.ignored().get(5).line(), "password *****");
    assertEquals(r.ignored().get(0).severity(), Severity.IGNORED);
  }

  @Test
  public void unclosedBannerIsAWarning() {
    IosParseResult r = parse("banner motd #", "text");
    assertEquals(r.warnings().size(), 1);
  }

  @Test
  public void rawLinesAreKeptWithNumbers() {
    IosConfig c = parse("hostname r1  ", "crypto isakmp key k address 0.0.0.0 0.0.0.0").config();
    assertEquals(c.rawLines(), List.of(new ConfigLine(1, "hostname r1"),
        new ConfigLine(2, "crypto isakmp key k address 0.0.0.0 0.0.0.0")));
  }

  @Test
  public void reenteringAnInterfaceContinuesIt() {
    IosConfig c = parse("interface Fa0/0", "ip address 10.0.0.1 255.255.255.0", "interface FastEthernet0/0",
        "shutdown").configOrThrow();
    assertEquals(c.interfaces().size(), 1);
    assertTrue(c.interfaces().get(0).shutdown());
    assertEquals(c.interfaces().get(0).address().address(), ip("10.0.0.1"));
  }

  @Test
  public void neverThrowsOnGarbage() {
    String doc = ConfigFixtures.text("sv9-4.ios");
    Random rnd = new Random(4242);
    for (int i = 0; i < 300; i++) {
      char[] chars = doc.toCharArray();
      for (int k = 0; k < 20; k++) {
        chars[rnd.nextInt(chars.length)] = (char) (rnd.nextInt(96) + 32);
      }
      IosParseResult r = IosConfigParser.parse(new String(chars));
      IosConfigValidator.validate(r.config());
      for (ConfigProblem p : r.errors()) {
        assertFalse(p.reason().startsWith("internal:"), p.toString());
      }
    }
  }
}
