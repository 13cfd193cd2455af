package dev.dmvpn.virtualrack.debug;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.testng.annotations.BeforeMethod;
import org.testng.annotations.Test;

/**
 * {@code show ip nhrp traffic} after the document's ping (sv9-4 sent its Resolution Request twice and got one
 * reply, as its debug in the seed shows), and the {@code clear} commands acting on the node: {@code clear ip nhrp}
 * drops the resolved entry but keeps the static NHS mapping, {@code clear crypto sa} deletes the IPsec SAs on
 * both ends (Delete sent) and a later ping builds them again, {@code clear crypto isakmp} empties {@code show crypto
 * isakmp sa}.
 */
public class ShowNhrpTrafficAndClearTest {
  private SimulatedRack rack;

  @BeforeMethod
  public void pingOnce() throws Exception {
    rack = new SimulatedRack();
    ConvergedRack.waitForLans(rack);
    assertTrue(ping().contains("(5/5)"));
  }

  private String ping() {
    String out = rack.type("sv9-4", "ping 2.2.2.2\r");
    rack.advance(Duration.ofSeconds(12));
    return out + rack.take("sv9-4");
  }

  private static long value(String out, String label) {
    Matcher m = Pattern.compile("   " + Pattern.quote(label) + ": (\\d+)\r\n").matcher(out);
    assertTrue(m.find(), label + "\n" + out);
    return Long.parseLong(m.group(1));
  }

  @Test
  public void trafficCountsTheResolutionOfTheDocumentsPing() {
    String out = rack.type("sv9-4", "show ip nhrp traffic\r");
    assertTrue(out.contains("\r\nTunnel0\r\n   Request packets sent: "), out);
    assertEquals(value(out, "Request packets sent"), 2, out);
    assertEquals(value(out, "Reply packets received"), 1, out);
    assertEquals(value(out, "Request packets received"), 0, out);
    assertTrue(value(out, "Register packets sent") >= 1 && value(out, "Register packets received") >= 1, out);
    assertEquals(value(out, "Error packets received"), 0, out);
  }

  @Test
  public void clearIpNhrpKeepsTheStaticMapping() {
    String before = rack.type("sv9-4", "show ip nhrp\r");
    assertTrue(before.contains("NBMA address: 209.168.202.131"), before);
    assertEquals(rack.type("sv9-4", "clear ip nhrp\r"), "clear ip nhrp\r\nsv9-4#");
    String after = rack.type("sv9-4", "show ip nhrp\r");
    assertFalse(after.contains("209.168.202.131"), after);
    assertTrue(after.contains("192.168.1.1/32 via 192.168.1.1, Tunnel0") && after.contains("209.168.202.225"), after);
  }

  @Test
  public void clearCryptoSaDeletesOnBothEndsAndPingBuildsThemAgain() {
    assertTrue(rack.type("sv9-3", "show crypto ipsec sa\r").contains("current_peer: 209.168.202.130:500"));
    rack.type("sv9-4", "clear crypto sa\r");
    assertFalse(rack.type("sv9-4", "show crypto ipsec sa\r").contains("spi: 0x"));
    rack.advance(Duration.ofSeconds(1));
    assertFalse(rack.type("sv9-3", "show crypto ipsec sa\r").contains("current_peer: 209.168.202.130:500"),
        "sv9-3 got the Delete");
    ping();
    assertTrue(ping().contains("(5/5)"));
    assertTrue(rack.type("sv9-4", "show crypto ipsec sa\r").contains("spi: 0x"));
  }

  @Test
  public void clearCryptoIsakmpEmptiesTheTable() {
    assertTrue(rack.type("sv9-4", "show crypto isakmp sa\r").contains("QM_IDLE"));
    rack.type("sv9-4", "clear crypto isakmp\r");
    assertFalse(rack.type("sv9-4", "show crypto isakmp sa\r").contains("QM_IDLE"));
  }
}
