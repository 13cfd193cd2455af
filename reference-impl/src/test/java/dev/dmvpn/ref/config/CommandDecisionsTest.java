package dev.dmvpn.ref.config;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

import dev.dmvpn.ref.bytes.Ipv4Address;
import dev.dmvpn.ref.config.ConfigProblem.Severity;
import dev.dmvpn.ref.config.IosConfigParser.Strictness;
import java.util.List;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

/**
 * What happens to valid IOS lines the node does not simply read: ignored with a note (no effect on the wire, both
 * modes), unsupported (would change the wire: strict error, lenient warning), or wrong (bad value: error in both).
 */
public class CommandDecisionsTest {

  /** {line after 'interface Tunnel0', expected strict severity, expected lenient severity, words of the reason}. */
  @DataProvider
  public Object[][] interfaceLines() {
    return new Object[][] {
      {"ip nhrp shortcut", Severity.ERROR, Severity.WARNING, "phase 3"},
      {"ip nhrp redirect", Severity.ERROR, Severity.WARNING, "phase 3"},
      {"ip nhrp nhs dynamic nbma 198.51.100.1", Severity.ERROR, Severity.WARNING, "NHRP option"},
      {"ip nhrp nhs 10.0.0.1 priority 1", Severity.ERROR, Severity.WARNING, "priorities"},
      {"keepalive 10 3", Severity.ERROR, Severity.WARNING, "GRE keepalives"},
      {"tunnel mode ipsec ipv4", Severity.ERROR, Severity.WARNING, "'ipsec ipv4' is not implemented"},
      {"tunnel mode gre ipv6", Severity.ERROR, Severity.WARNING, "'gre ipv6' is not implemented"},
      {"tunnel path-mtu-discovery", Severity.ERROR, Severity.WARNING, "path MTU"},
      {"tunnel vrf RED", Severity.ERROR, Severity.WARNING, "VRF"},
      {"ip ospf network broadcast", Severity.IGNORED, Severity.IGNORED, "OSPF interface setting"},
      {"ip ospf priority 0", Severity.IGNORED, Severity.IGNORED, "OSPF interface setting"},
      {"ip summary-address eigrp 90 10.0.0.0 255.0.0.0", Severity.IGNORED, Severity.IGNORED, "does not model"},
      {"ip next-hop-self eigrp 90", Severity.IGNORED, Severity.IGNORED, "IOS default"},
      {"no keepalive", Severity.IGNORED, Severity.IGNORED, "physical"},
      {"ip virtual-reassembly in", Severity.IGNORED, Severity.IGNORED, "reassembly"},
      {"qos pre-classify", Severity.IGNORED, Severity.IGNORED, "QoS"},
      {"tunnel mode foo", Severity.ERROR, Severity.ERROR, "'foo' is not one of"},
      {"ip nhrp holdtime 0", Severity.ERROR, Severity.ERROR, "out of range"},
      {"ip nhrp nhs 10.0.0.1 nbma 198.51.100.1 bogus", Severity.ERROR, Severity.ERROR, "'bogus'"},
    };
  }

  @Test(dataProvider = "interfaceLines")
  public void interfaceLineDecision(String line, Severity strict, Severity lenient, String reasonPart) {
    check("interface Tunnel0\n " + line + "\n", strict, lenient, reasonPart);
  }

  @DataProvider
  public Object[][] globalLines() {
    return new Object[][] {
      {"crypto isakmp keepalive 10 3 periodic", Severity.ERROR, Severity.WARNING, "DPD"},
      {"crypto isakmp nat keepalive 20", Severity.ERROR, Severity.WARNING, "NAT keepalive"},
      {"crypto isakmp invalid-spi-recovery", Severity.ERROR, Severity.WARNING, "invalid SPI"},
      {"crypto isakmp identity address", Severity.IGNORED, Severity.IGNORED, "IOS default"},
      {"crypto map VPN 10 ipsec-isakmp", Severity.ERROR, Severity.WARNING, "crypto maps"},
      {"router ospf 1", Severity.ERROR, Severity.WARNING, "routing protocol"},
      {"router eigrp DMVPN", Severity.ERROR, Severity.WARNING, "named-mode EIGRP"},
      {"ip route vrf RED 0.0.0.0 0.0.0.0 10.0.0.1", Severity.ERROR, Severity.WARNING, "VRF"},
      {"crypto pki trustpoint TP-self-signed-1", Severity.IGNORED, Severity.IGNORED, "pre-shared keys only"},
      {"crypto isakmp policy 10\n encryption 4des", Severity.ERROR, Severity.ERROR, "'4des' is not one of"},
    };
  }

  @Test(dataProvider = "globalLines")
  public void globalLineDecision(String line, Severity strict, Severity lenient, String reasonPart) {
    check(line + "\n", strict, lenient, reasonPart);
  }

  /** show running-config of IOS 12.3 (the seed) prints the policy this way; 15.x adds SHA-2 and group 14. */
  @Test
  public void policyAsShowRunPrintsIt() {
    IosConfig c = IosConfigParser.parse("crypto isakmp policy 10\n encr 3des\n hash md5\n authentication"
        + " pre-share\n group 2\ncrypto isakmp policy 20\n encr aes 256\n hash sha256\n group 14\n lifetime"
        + " 3600\n").configOrThrow();
    assertEquals(c.isakmpPolicies().get(0), new IsakmpPolicy(10, 1, "3des", "md5", "pre-share", 2, 86400));
    assertEquals(c.isakmpPolicies().get(1), new IsakmpPolicy(20, 6, "aes 256", "sha256", IsakmpPolicy.DEFAULT_AUTHENTICATION, 14, 3600));
  }

  /** IOS 15.x prints 'address 0.0.0.0 0.0.0.0' back as 'address 0.0.0.0' (spb-core1-ios15.4.txt line 65). */
  @Test
  public void wildcardKeyWithoutMaskMatchesEveryPeer() {
    IsakmpKey k = IosConfigParser.parse("crypto isakmp key k1 address 0.0.0.0\n").configOrThrow().isakmpKeys()
        .get(0);
    assertEquals(k.peer().mask(), Ipv4Address.parse("0.0.0.0"));
    assertTrue(k.matches(Ipv4Address.parse("203.0.113.7")));
  }

  /** Lines indented under an ignored or unsupported block are part of it (certificate hex, OSPF networks). */
  @Test
  public void indentedLinesOfABlockThatIsNotReadAreIgnored() {
    IosParseResult r = IosConfigParser.parse(String.join("\n", "crypto pki certificate chain TP-self-signed-1",
        " certificate self-signed 01", "  3082022B 30820194 A0030201 02020101", "  \tquit", "router ospf 1",
        " network 10.0.0.0 0.0.0.255 area 0", "hostname r1", ""), Strictness.LENIENT);
    assertEquals(r.problems().stream().map(ConfigProblem::lineNumber).toList(), List.of(5));
    assertEquals(r.ignored().stream().map(ConfigProblem::lineNumber).toList(), List.of(1, 2, 3, 4, 6));
    assertTrue(r.ignored().get(4).reason().contains("part of 'router ospf 1' (line 5)"), r.ignored().toString());
    assertEquals(r.config().hostname(), "r1");
  }

  private static void check(String text, Severity strict, Severity lenient, String reasonPart) {
    for (Strictness mode : Strictness.values()) {
      IosParseResult r = IosConfigParser.parse(text, mode);
      List<ConfigProblem> all = new java.util.ArrayList<>(r.problems());
      all.addAll(r.ignored());
      all.removeIf(p -> p.lineNumber() != text.split("\n").length);
      assertEquals(all.size(), 1, mode + " " + all);
      ConfigProblem p = all.get(0);
      assertEquals(p.severity(), mode == Strictness.STRICT ? strict : lenient, mode + " " + p);
      assertTrue(p.reason().contains(reasonPart), p.toString());
    }
  }
}
