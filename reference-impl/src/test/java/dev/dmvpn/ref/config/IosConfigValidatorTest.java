package dev.dmvpn.ref.config;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

import dev.dmvpn.ref.config.ConfigProblem.Severity;
import java.util.List;
import org.testng.annotations.Test;

/** Each cross-block check of {@link IosConfigValidator} on a small configuration that breaks only it. */
public class IosConfigValidatorTest {

  /** A minimal valid spoke in the document's addressing; {@code extra} lines are appended. */
  private static final String SPOKE = String.join("\n",
      "hostname spoke",
      "crypto isakmp policy 10",
      "hash md5",
      "authentication pre-share",
      "crypto isakmp key k address 0.0.0.0 0.0.0.0",
      "crypto ipsec transform-set strong esp-3des esp-md5-hmac",
      "crypto ipsec profile cisco",
      "set transform-set strong",
      "interface Tunnel0",
      "ip address 192.168.1.3 255.255.255.0",
      "ip nhrp map 192.168.1.1 209.168.202.225",
      "ip nhrp network-id 1",
      "ip nhrp nhs 192.168.1.1",
      "tunnel source FastEthernet0/0",
      "tunnel mode gre multipoint",
      "tunnel protection ipsec profile cisco",
      "interface FastEthernet0/0",
      "ip address 209.168.202.130 255.255.255.224",
      "ip route 0.0.0.0 0.0.0.0 209.168.202.158",
      "");

  private static List<ConfigProblem> validate(String text) {
    IosParseResult r = IosConfigParser.parse(text);
    assertEquals(r.errors(), List.of(), "test input must parse");
    return IosConfigValidator.validate(r.config());
  }

  private static ConfigProblem only(List<ConfigProblem> problems) {
    assertEquals(problems.size(), 1, problems.toString());
    return problems.get(0);
  }

  @Test
  public void minimalSpokeIsClean() {
    assertEquals(validate(SPOKE), List.of());
  }

  @Test
  public void protectionNamesMissingProfile() {
    ConfigProblem p = only(validate(SPOKE.replace("tunnel protection ipsec profile cisco",
        "tunnel protection ipsec profile other")));
    assertEquals(p.severity(), Severity.ERROR);
    assertEquals(p.lineNumber(), 16);
    assertEquals(p.message(), "line 16: 'tunnel protection ipsec profile other': interface Tunnel0: 'tunnel"
        + " protection ipsec profile other' names no 'crypto ipsec profile other' in the configuration");
  }

  @Test
  public void profileNamesMissingTransformSet() {
    ConfigProblem p = only(validate(SPOKE.replace("set transform-set strong", "set transform-set weak")));
    assertEquals(p.lineNumber(), 8);
    assertTrue(p.reason().contains("names no 'crypto ipsec transform-set weak'"), p.reason());
  }

  @Test
  public void tunnelSourceWithoutAddress() {
    List<ConfigProblem> v = validate(SPOKE.replace("ip address 209.168.202.130 255.255.255.224\n",
        "no ip address\n"));
    // the default route's next hop is now unreachable too (a warning)
    ConfigProblem p = only(v.stream().filter(ConfigProblem::isError).toList());
    assertEquals(p.lineNumber(), 14);
    assertTrue(p.reason().contains("tunnel source FastEthernet0/0 has no 'ip address'"), p.reason());
  }

  @Test
  public void nhsWithoutMap() {
    ConfigProblem p = only(validate(SPOKE.replace("ip nhrp map 192.168.1.1 209.168.202.225\n", "")));
    assertEquals(p.lineNumber(), 12);
    assertTrue(p.reason().contains("'ip nhrp nhs 192.168.1.1' has no 'ip nhrp map 192.168.1.1 <nbma>'"),
        p.reason());
  }

  @Test
  public void nhrpWithoutNetworkId() {
    ConfigProblem p = only(validate(SPOKE.replace("ip nhrp network-id 1\n", "")));
    assertEquals(p.lineNumber(), 9);
    assertTrue(p.reason().contains("no 'ip nhrp network-id'"), p.reason());
  }

  @Test
  public void preShareWithoutKey() {
    ConfigProblem p = only(validate(SPOKE.replace("crypto isakmp key k address 0.0.0.0 0.0.0.0\n", "")));
    assertEquals(p.lineNumber(), 4);
    assertTrue(p.reason().contains("pre-share but there is no 'crypto isakmp key'"), p.reason());
  }

  @Test
  public void overlappingSubnets() {
    ConfigProblem p = only(validate(SPOKE + "interface FastEthernet0/1\nip address 192.168.1.130 255.255.255.128\n"));
    assertEquals(p.lineNumber(), 21);
    assertEquals(p.reason(), "interface FastEthernet0/1 192.168.1.128/25 overlaps interface Tunnel0"
        + " 192.168.1.0/24");
  }

  @Test
  public void multipointWithDestination() {
    ConfigProblem p = only(validate(SPOKE.replace("tunnel mode gre multipoint",
        "tunnel mode gre multipoint\ntunnel destination 209.168.202.225")));
    assertEquals(p.severity(), Severity.ERROR);
    assertTrue(p.reason().contains("cannot have a 'tunnel destination'"), p.reason());
  }

  @Test
  public void registrationTimeoutAboveHoldtime() {
    ConfigProblem p = only(validate(SPOKE.replace("ip nhrp network-id 1",
        "ip nhrp network-id 1\nip nhrp holdtime 300\nip nhrp registration timeout 600")));
    assertTrue(p.reason().contains("registration timeout 600 s exceeds the holdtime 300 s"), p.reason());
  }

  @Test
  public void warningsForSuspiciousButUsableLines() {
    List<ConfigProblem> v = validate(SPOKE.replace("ip nhrp map 192.168.1.1 209.168.202.225",
        "ip nhrp map 192.168.1.1 209.168.202.225\nip nhrp map 10.9.9.9 209.168.202.9\nno ip split-horizon eigrp 7")
        + "router eigrp 7\nnetwork 172.16.0.0\n");
    assertEquals(v.stream().map(p -> p.severity() + "@" + p.lineNumber()).toList(),
        List.of("WARNING@12", "WARNING@23"), v.toString());
    assertTrue(v.get(0).reason().contains("map address 10.9.9.9 is outside the tunnel subnet 192.168.1.0/24"));
    assertTrue(v.get(1).reason().contains("'network 172.16.0.0' covers no interface address"));
  }

  @Test
  public void noSplitHorizonWithoutProcess() {
    ConfigProblem p = only(validate(SPOKE.replace("ip nhrp network-id 1",
        "ip nhrp network-id 1\nno ip split-horizon eigrp 90")));
    assertEquals(p.severity(), Severity.WARNING);
    assertTrue(p.reason().contains("there is no 'router eigrp 90'"), p.reason());
  }
}
