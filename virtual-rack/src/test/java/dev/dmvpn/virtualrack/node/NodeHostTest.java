package dev.dmvpn.virtualrack.node;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertNotNull;
import static org.testng.Assert.assertNotSame;
import static org.testng.Assert.assertNull;
import static org.testng.Assert.assertSame;
import static org.testng.Assert.assertTrue;

import dev.dmvpn.ref.l2l3.MacAddress;
import dev.dmvpn.ref.node.DmvpnNode;
import dev.dmvpn.ref.time.SimulatedScheduler;
import dev.dmvpn.ref.wire.virtual.DocumentWan;
import dev.dmvpn.virtualrack.router.Chassis;
import dev.dmvpn.virtualrack.session.CliSession;
import dev.dmvpn.virtualrack.session.RouterCli;
import dev.dmvpn.virtualrack.session.Terminal;
import java.time.Duration;
import org.testng.annotations.BeforeMethod;
import org.testng.annotations.Test;

/**
 * The node under an emulated router follows its running configuration: built from the document's sv9-4
 * configuration at boot, rebuilt when configuration mode ends with a change (and only then), gone while the tunnel
 * source Fa0/0 is shut down, back after {@code no shutdown}, and absent for a configuration without a tunnel.
 */
public class NodeHostTest {
  private SimulatedScheduler clock;
  private RouterCli cli;
  private NodeHost host;
  private final StringBuilder out = new StringBuilder();
  private CliSession vty;

  @BeforeMethod
  public void boot() throws Exception {
    clock = new SimulatedScheduler();
    // the document's sv9-4 has no line vty section and ends with 'end': the VTY access goes first
    String startup = "enable secret cisco\nline vty 0 4\n no login\n"
        + dev.dmvpn.virtualrack.rack.DocumentRackTestAccess.startup("sv9-4");
    cli = RouterCli.boot(Chassis.sv94(), clock, startup);
    host = NodeHost.attach(cli.router(), WanAttachment.of(DocumentWan.create(clock, 1)),
        MacAddress.parse("02:00:00:00:0a:04"), 4);
    NodeCommands.install(cli.commands(), host);
    clock.advance(Duration.ZERO);
    vty = cli.openVty(new Terminal() {
      @Override
      public void send(String text) {
        synchronized (out) {
          out.append(text);
        }
      }

      @Override
      public void close() {}
    }, "127.0.0.1");
    type("enable\r");
    String prompt = type("cisco\r");
    assertTrue(prompt.endsWith("sv9-4#"), prompt);
  }

  private String type(String s) {
    vty.input(s);
    clock.advance(Duration.ZERO);
    synchronized (out) {
      String t = out.toString();
      out.setLength(0);
      return t;
    }
  }

  @Test
  public void builtFromTheDocumentsConfig() {
    DmvpnNode n = host.node();
    assertNotNull(n, "problems: " + host.problems());
    assertEquals(n.name(), "sv9-4");
    assertEquals(n.tunnel("Tunnel0").addresses().get(0).toString(), "192.168.1.3/24");
    assertNotNull(n.eigrp());
  }

  @Test
  public void rebuiltOnlyWhenTheConfigChanged() {
    DmvpnNode first = host.node();
    type("configure terminal\r");
    type("end\r");
    assertSame(host.node(), first, "no change, no rebuild");
    type("configure terminal\r");
    type("interface Tunnel0\r");
    type("ip nhrp holdtime 300\r");
    assertSame(host.node(), first, "nothing happens before config mode ends");
    type("end\r");
    assertNotSame(host.node(), first);
    assertEquals(host.node().tunnel("Tunnel0").nhrp().config().holdtimeSeconds(), 300);
  }

  @Test
  public void shutdownOfTheTunnelSourceTakesTheNodeOffTheWire() {
    type("configure terminal\r");
    type("interface FastEthernet0/0\r");
    type("shutdown\r");
    type("end\r");
    assertNull(host.node());
    String route = type("show ip route\r");
    assertTrue(route.contains("Gateway of last resort is not set"), route);
    type("configure terminal\r");
    type("interface FastEthernet0/0\r");
    type("no shutdown\r");
    type("\u001a");
    assertNotNull(host.node());
  }

  @Test
  public void noTunnelNoNode() {
    type("configure terminal\r");
    type("no interface Tunnel0\r");
    type("end\r");
    assertNull(host.node());
    assertEquals(type("ping 2.2.2.2\r"), "ping 2.2.2.2\r\n" + NodeCommands.UNRECOGNIZED.replace("\n", "\r\n")
        + "sv9-4#");
  }

  @Test
  public void showIpRouteFromTheNode() {
    String route = type("show ip route\r");
    assertTrue(route.contains("C    192.168.1.0/24 is directly connected, Tunnel0\r\n"), route);
    assertTrue(route.contains("     3.0.0.0/24 is subnetted, 1 subnets\r\nC       3.3.3.0 is directly connected, "
        + "FastEthernet0/1\r\n"), route);
    assertTrue(route.endsWith("S*   0.0.0.0/0 [1/0] via 209.168.202.158\r\nsv9-4#"), route);
  }

  @Test
  public void filterAndTypeaheadWorkOnNodeCommands() {
    vty.input("show ip route | include Gateway\rshow clock\r");
    String got = type("");
    assertTrue(got.startsWith("show ip route | include Gateway\r\n"
        + "Gateway of last resort is 209.168.202.158 to network 0.0.0.0\r\nsv9-4#show clock\r\n*"), got);
    assertTrue(got.endsWith("sv9-4#"), got);
  }
}
