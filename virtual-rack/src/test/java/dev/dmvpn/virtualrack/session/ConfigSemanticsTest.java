package dev.dmvpn.virtualrack.session;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

import dev.dmvpn.virtualrack.router.Chassis;
import java.util.List;
import org.testng.annotations.BeforeMethod;
import org.testng.annotations.Test;

/** What configuration commands and their {@code no} forms do to show running-config. */
public class ConfigSemanticsTest {
  private CapturingTerminal term;
  private CliSession con;

  @BeforeMethod
  public void fresh() {
    term = new CapturingTerminal();
    con = ConfigPasteTest.configSession(Chassis.sv94(), term);
  }

  private String type(String lines) {
    con.input(lines.replace("\n", "\r"));
    return term.take();
  }

  private List<String> run() {
    type("do terminal length 0\n");
    return List.of(type("do show running-config\n").split("\r\n"));
  }

  /** The lines of one block, header included. */
  private List<String> block(String header) {
    List<String> r = run();
    int i = r.indexOf(header);
    assertTrue(i >= 0, header + " not in " + r);
    int j = i + 1;
    while (j < r.size() && r.get(j).startsWith(" ")) {
      j++;
    }
    return r.subList(i, j);
  }

  @Test
  public void freshPhysicalInterfacesAreShutAndNoShutUndoes() {
    assertEquals(block("interface FastEthernet0/0"),
        List.of("interface FastEthernet0/0", " no ip address", " shutdown", " duplex auto", " speed auto"));
    type("interface fa0/0\nip address 209.168.202.130 255.255.255.224\nno shutdown\n");
    assertEquals(block("interface FastEthernet0/0"), List.of("interface FastEthernet0/0",
        " ip address 209.168.202.130 255.255.255.224", " duplex auto", " speed auto"));
    type("no ip address\n");
    assertEquals(block("interface FastEthernet0/0").get(1), " no ip address");
  }

  @Test
  public void negativeDefaultsAndValueReplacement() {
    type("interface Tunnel0\nip mtu 1440\nno ip redirects\nip mtu 1400\n");
    assertEquals(block("interface Tunnel0"),
        List.of("interface Tunnel0", " no ip address", " no ip redirects", " ip mtu 1400"));
    type("ip redirects\nno ip mtu\n");
    assertEquals(block("interface Tunnel0"), List.of("interface Tunnel0", " no ip address"));
    type("exit\nno interface Tunnel0\n");
    assertFalse(run().contains("interface Tunnel0"));
    assertEquals(type("no interface FastEthernet0/0\n"), "no interface FastEthernet0/0\r\n"
        + " ".repeat(15 + 13) + "^\r\n% Invalid input detected at '^' marker.\r\n\r\nRouter(config)#");
    assertTrue(run().contains("interface FastEthernet0/0"));
  }

  @Test
  public void isakmpDefaultsAreNotPrinted() {
    type("crypto isakmp policy 10\nhash sha\nauthentication pre-share\ngroup 1\nencryption 3des\n");
    assertEquals(block("crypto isakmp policy 10"),
        List.of("crypto isakmp policy 10", " encryption 3des", " authentication pre-share"));
    type("hash md5\nno encryption\n");
    assertEquals(block("crypto isakmp policy 10"),
        List.of("crypto isakmp policy 10", " hash md5", " authentication pre-share"));
  }

  @Test
  public void globalCommandInASubModeLeavesIt() {
    assertEquals(type("interface Tunnel0\nip route 0.0.0.0 0.0.0.0 209.168.202.158\n"),
        "interface Tunnel0\r\nRouter(config-if)#ip route 0.0.0.0 0.0.0.0 209.168.202.158\r\nRouter(config)#");
    assertTrue(run().contains("ip route 0.0.0.0 0.0.0.0 209.168.202.158"));
    type("no ip route 0.0.0.0 0.0.0.0 209.168.202.158\n");
    assertFalse(run().contains("ip route 0.0.0.0 0.0.0.0 209.168.202.158"));
  }

  @Test
  public void secretsAreStoredAsIosShowsThem() {
    type("enable secret cisco\nusername admin password 0 cisco\nline vty 0 4\npassword 0 cisco\nlogin local\n");
    List<String> r = run();
    assertTrue(r.stream().anyMatch(l -> l.matches("enable secret 5 \\$1\\$[./0-9A-Za-z]{4}\\$[./0-9A-Za-z]{22}")), r.toString());
    assertTrue(r.contains("username admin password cisco"), r.toString());
    assertEquals(block("line vty 0 4"), List.of("line vty 0 4", " password cisco", " login local"));
    int enable = r.indexOf(r.stream().filter(l -> l.startsWith("enable secret")).findFirst().orElseThrow());
    // IOS prints the enable lines between the boot markers and "no aaa new-model", each side a '!'
    assertEquals(r.get(enable - 1), "!");
    assertEquals(r.get(enable + 1), "!");
  }

  @Test
  public void hostnameChangesThePromptAtOnce() {
    assertEquals(type("hostname sv9-9\n"), "hostname sv9-9\r\nsv9-9(config)#");
    assertEquals(type("no hostname\n"), "no hostname\r\nRouter(config)#");
  }

  @Test
  public void doRunsExecCommandsWithTheCaretShifted() {
    // prompt "Router(config)#" (15) + "do " + "show ": the caret under the 'f'
    assertEquals(type("do show foo\n"), "do show foo\r\n"
        + "                       ^\r\n% Invalid input detected at '^' marker.\r\n\r\nRouter(config)#");
  }
}
