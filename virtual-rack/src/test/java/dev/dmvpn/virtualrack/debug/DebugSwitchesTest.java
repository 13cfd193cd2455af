package dev.dmvpn.virtualrack.debug;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

import java.time.Duration;
import org.testng.annotations.BeforeMethod;
import org.testng.annotations.Test;

/**
 * The debug switches as a person uses them: {@code show debugging} as the document's sv9-4 prints it,
 * {@code undebug all} (and {@code u all}, {@code no debug all}) silence the output, a VTY without
 * {@code terminal monitor} sees no debug line while another VTY with it does, and the console gets debug lines
 * unless {@code no logging console}.
 */
public class DebugSwitchesTest {
  private SimulatedRack rack;

  @BeforeMethod
  public void converge() throws Exception {
    rack = new SimulatedRack();
    ConvergedRack.waitForLans(rack);
  }

  private String pingOnSv94() {
    String out = rack.type("sv9-4", "ping 2.2.2.2\r");
    rack.advance(Duration.ofSeconds(10));
    return out + rack.take("sv9-4");
  }

  @Test
  public void showDebuggingAsTheDocumentPrintsIt() {
    assertEquals(rack.type("sv9-4", "show debugging\r"), "show debugging\r\nsv9-4#");
    rack.type("sv9-4", "debug nhrp\r");
    // seed: "sv9-4#show debug" / "NHRP:" / "NHRP protocol debugging is on" / blank line
    assertEquals(rack.type("sv9-4", "show debug\r"),
        "show debug\r\nNHRP:\r\nNHRP protocol debugging is on\r\n\r\nsv9-4#");
    rack.type("sv9-4", "debug crypto isakmp\r");
    assertTrue(rack.type("sv9-4", "show debugging\r").contains(
        "Cryptographic Subsystem:\r\n  Crypto ISAKMP debugging is on\r\n"));
  }

  @Test
  public void undebugAllStopsTheOutput() {
    rack.type("sv9-4", "terminal monitor\r");
    rack.type("sv9-4", "debug nhrp\r");
    assertEquals(rack.type("sv9-4", "u all\r"), "u all\r\nAll possible debugging has been turned off\r\nsv9-4#");
    String out = pingOnSv94();
    assertTrue(out.contains("(5/5)"), out);
    assertFalse(out.contains("NHRP:"), out);
    assertEquals(rack.type("sv9-4", "show debugging\r"), "show debugging\r\nsv9-4#");
  }

  @Test
  public void noDebugAllAndUndebugOneSwitch() {
    rack.type("sv9-4", "debug crypto ipsec\r");
    assertEquals(rack.type("sv9-4", "undebug crypto ipsec\r"),
        "undebug crypto ipsec\r\nCrypto IPSEC debugging is off\r\nsv9-4#");
    rack.type("sv9-4", "debug nhrp\r");
    assertTrue(rack.type("sv9-4", "no debug all\r").contains("All possible debugging has been turned off"));
  }

  private StringBuilder console() {
    StringBuilder sb = new StringBuilder();
    rack.clis.get("sv9-4").console().attach(new dev.dmvpn.virtualrack.session.Terminal() {
      @Override
      public void send(String text) {
        synchronized (sb) {
          sb.append(text);
        }
      }

      @Override
      public void close() {}
    });
    return sb;
  }

  @Test
  public void debugReachesTheConsole() {
    StringBuilder console = console();
    rack.type("sv9-4", "debug nhrp\r");
    assertTrue(pingOnSv94().contains("(5/5)"));
    synchronized (console) {
      assertTrue(console.toString().contains(": NHRP: Receive Resolution Reply via Tunnel0, packet size: 132\r\n"),
          console.toString());
    }
  }

  @Test
  public void noLoggingConsoleKeepsDebugOffTheConsole() {
    rack.type("sv9-4", "configure terminal\rno logging console\rend\r");
    ConvergedRack.waitForLans(rack); // the node is rebuilt from the changed configuration
    StringBuilder console = console();
    rack.type("sv9-4", "debug nhrp\r");
    assertTrue(pingOnSv94().contains("(5/5)"));
    synchronized (console) {
      assertFalse(console.toString().contains("NHRP:"), console.toString());
    }
  }

  @Test
  public void debugWithoutTerminalMonitorDoesNotReachTheVty() throws Exception {
    rack.type("sv9-4", "debug nhrp\r");
    StringBuilder second = new StringBuilder();
    var monitor = rack.clis.get("sv9-4").openVty(new dev.dmvpn.virtualrack.session.Terminal() {
      @Override
      public void send(String text) {
        synchronized (second) {
          second.append(text);
        }
      }

      @Override
      public void close() {}
    }, "127.0.0.1", true);
    monitor.input("enable\rcisco\rterminal monitor\r");
    rack.advance(Duration.ZERO);
    String out = pingOnSv94();
    assertTrue(out.contains("(5/5)"), out);
    assertFalse(out.contains("NHRP:"), "the VTY that typed the ping has no terminal monitor:\n" + out);
    synchronized (second) {
      assertTrue(second.toString().contains("NHRP: Send Resolution Request via Tunnel0, packet size: 84"),
          second.toString());
    }
  }
}
