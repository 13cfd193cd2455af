package dev.dmvpn.ref.config;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

import dev.dmvpn.ref.bytes.Ipv4Address;
import dev.dmvpn.ref.config.IosConfigParser.Strictness;
import java.util.List;
import org.testng.annotations.Test;

/**
 * IOS accepts any unique prefix of a keyword (Cisco IOS Configuration Fundamentals, "Using the Cisco IOS CLI":
 * abbreviated commands), and {@code show running-config} itself prints {@code encr}. The same configuration typed
 * in full and abbreviated must give the same model, with no problem in strict mode.
 */
public class AbbreviationsTest {
  private static final String FULL = String.join("\n",
      "hostname hub",
      "crypto isakmp policy 10",
      " encryption aes 256",
      " hash sha",
      " authentication pre-share",
      " group 2",
      " lifetime 86400",
      "crypto isakmp key cisco123 address 0.0.0.0 0.0.0.0",
      "crypto ipsec transform-set X esp-aes 256 esp-sha-hmac",
      " mode transport",
      "crypto ipsec profile P",
      " set transform-set X",
      " set pfs group2",
      " set security-association lifetime seconds 3600",
      "interface Tunnel0",
      " bandwidth 1000",
      " ip address 10.0.0.1 255.255.255.0",
      " ip mtu 1400",
      " ip nhrp authentication cisco",
      " ip nhrp map multicast dynamic",
      " ip nhrp map 10.0.0.2 198.51.100.2",
      " ip nhrp network-id 1",
      " ip nhrp holdtime 300",
      " ip nhrp nhs 10.0.0.2 nbma 198.51.100.2 multicast",
      " ip nhrp registration timeout 60",
      " ip tcp adjust-mss 1360",
      " no ip split-horizon eigrp 1",
      " delay 1000",
      " tunnel source FastEthernet0/0",
      " tunnel mode gre multipoint",
      " tunnel key 0",
      " tunnel protection ipsec profile P shared",
      "interface FastEthernet0/0",
      " ip address 198.51.100.1 255.255.255.0",
      "interface GigabitEthernet0/1",
      " ip address 192.168.1.1 255.255.255.0",
      "interface Loopback0",
      " ip address 1.1.1.1 255.255.255.255",
      "router eigrp 1",
      " network 10.0.0.0 0.0.0.255",
      " no auto-summary",
      "ip route 0.0.0.0 0.0.0.0 198.51.100.254",
      "");

  /** Line for line the same, as an engineer would type it (IOS accepts every one of these prefixes). */
  private static final String SHORT = String.join("\n",
      "hostname hub",
      "cry isa pol 10",
      " encr aes 256",
      " ha sha",
      " auth pre",
      " gr 2",
      " life 86400",
      "cry isa key cisco123 add 0.0.0.0 0.0.0.0",
      "cry ips trans X esp-aes 256 esp-sha-hmac",
      " mo trans",
      "cry ips prof P",
      " set tr X",
      " set pfs group2",
      " set sec lif sec 3600",
      "int tu0",
      " band 1000",
      " ip add 10.0.0.1 255.255.255.0",
      " ip mtu 1400",
      " ip nh auth cisco",
      " ip nh map mu dyn",
      " ip nh map 10.0.0.2 198.51.100.2",
      " ip nh net 1",
      " ip nh hold 300",
      " ip nh nhs 10.0.0.2 nb 198.51.100.2 mu",
      " ip nh reg time 60",
      " ip tcp adj 1360",
      " no ip split eigrp 1",
      " del 1000",
      " tun so Fa0/0",
      " tun mo gre mul",
      " tun key 0",
      " tun pro ips prof P sh",
      "int fa0/0",
      " ip add 198.51.100.1 255.255.255.0",
      "int gi0/1",
      " ip add 192.168.1.1 255.255.255.0",
      "int lo0",
      " ip add 1.1.1.1 255.255.255.255",
      "router ei 1",
      " net 10.0.0.0 0.0.0.255",
      " no auto",
      "ip ro 0.0.0.0 0.0.0.0 198.51.100.254",
      "");

  @Test
  public void abbreviatedConfigurationReadsAsTheFullOne() {
    IosParseResult full = IosConfigParser.parse(FULL);
    IosParseResult abbreviated = IosConfigParser.parse(SHORT);
    assertEquals(full.problems(), List.of());
    assertEquals(abbreviated.problems(), List.of());
    assertEquals(withoutRawLines(abbreviated.config()), withoutRawLines(full.config()));
    IosConfig c = full.config();
    assertEquals(c.interfaces().stream().map(IosInterface::name).toList(),
        List.of("Tunnel0", "FastEthernet0/0", "GigabitEthernet0/1", "Loopback0"));
    IosInterface t = c.requireInterface("tu0");
    assertEquals(t.tunnel().sourceInterface(), "FastEthernet0/0");
    assertEquals(t.tunnel().protectionProfile(), "P");
    assertEquals(t.nhrp().servers(), List.of(new NhrpServerEntry(ip("10.0.0.2"), ip("198.51.100.2"))));
    assertEquals(t.nhrp().multicastMaps(), List.of(ip("198.51.100.2")), "'multicast' after the NHS NBMA maps it");
    assertEquals(c.isakmpPolicies().get(0), new IsakmpPolicy(10, 2, "aes 256", "sha", "pre-share", 2, 86400));
    assertEquals(c.ipsecProfiles().get(0).lifetimeSeconds(), Long.valueOf(3600));
    assertEquals(c.staticRoutes().size(), 1);
  }

  @Test
  public void interfaceNamesAbbreviateAndCanonicalize() {
    for (String[] pair : new String[][] {{"fa0/0", "FastEthernet0/0"}, {"Fa0/0", "FastEthernet0/0"},
        {"tu0", "Tunnel0"}, {"Tunnel 0", "Tunnel0"}, {"gi0/1", "GigabitEthernet0/1"}, {"lo0", "Loopback0"},
        {"e0", "Ethernet0"}, {"se0/0", "Serial0/0"}, {"GigabitEthernet1.35", "GigabitEthernet1.35"}}) {
      assertEquals(InterfaceNames.canonical(pair[0]), pair[1], pair[0]);
    }
  }

  @Test
  public void ambiguousPrefixIsNotUnderstoodAndSaysWhy() {
    IosParseResult r = IosConfigParser.parse("interface Tunnel0\n de 100\n");
    assertEquals(r.errors().size(), 1, r.problems().toString());
    assertTrue(r.errors().get(0).reason().contains("'de' is ambiguous (default, delay, description)"),
        r.errors().get(0).reason());
  }

  @Test
  public void globalCommandInsideASubModeIsNotReadAsAnAbbreviation() {
    // 'route' is a prefix of the interface command 'ip route-cache', but the line is the global 'ip route'
    IosConfig c = IosConfigParser.parse("interface Tunnel0\n ip address 10.0.0.1 255.255.255.0\n"
        + "ip route 10.9.0.0 255.255.0.0 10.0.0.9\n").configOrThrow();
    assertEquals(c.staticRoutes().get(0).nextHop(), ip("10.0.0.9"));
  }

  @Test
  public void abbreviatedSecretLinesAreMasked() {
    IosParseResult r = IosConfigParser.parse("cry isa k s3cretKey\nint tu0\n ip nh au toolongpassword\n");
    assertEquals(r.errors().size(), 2, r.problems().toString());
    assertEquals(r.errors().get(0).line(), "cry isa k *****");
    assertEquals(r.errors().get(1).line(), "ip nh au *****");
    assertFalse(r.problems().toString().contains("s3cret"));
    assertFalse(r.problems().toString().contains("toolong"));
  }

  @Test
  public void otherSecretFormsAreMaskedButNotTheirNeighbours() {
    assertEquals(SecretMasker.mask("key chain EIGRP"), "key chain EIGRP");
    assertEquals(SecretMasker.mask(" key-string 7 s3cret"), " key-string 7 *****");
    assertEquals(SecretMasker.mask("  pre-shared-key address 0.0.0.0 0.0.0.0 key s3cret"),
        "  pre-shared-key address 0.0.0.0 0.0.0.0 key *****");
    assertEquals(SecretMasker.mask("  pre-shared-key local s3cret"), "  pre-shared-key local *****");
    assertEquals(SecretMasker.mask(" ip ospf message-digest-key 1 md5 s3cret"),
        " ip ospf message-digest-key 1 md5 *****");
    assertEquals(SecretMasker.mask("snmp-server community s3cret RO"), "snmp-server community ***** RO");
    assertEquals(SecretMasker.mask("cry isa key 6 s3cret add 0.0.0.0"), "cry isa key 6 ***** add 0.0.0.0");
  }

  @Test
  public void lenientModeReadsAbbreviationsToo() {
    IosParseResult r = IosConfigParser.parse(SHORT, Strictness.LENIENT);
    assertEquals(r.problems(), List.of());
  }

  static IosConfig withoutRawLines(IosConfig c) {
    return new IosConfig(c.hostname(), c.version(), c.interfaces(), c.isakmpPolicies(), c.isakmpKeys(),
        c.transformSets(), c.ipsecProfiles(), c.staticRoutes(), c.eigrp(), List.of());
  }

  private static Ipv4Address ip(String s) {
    return Ipv4Address.parse(s);
  }
}
