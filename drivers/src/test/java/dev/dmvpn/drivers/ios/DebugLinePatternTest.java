package dev.dmvpn.drivers.ios;

import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

import org.testng.annotations.Test;

/** Which lines {@link DebugCapture} takes out of command output as debug lines. */
public class DebugLinePatternTest {
  private static boolean debug(String line) {
    return DebugCapture.DEBUG_LINE.matcher(line).lookingAt();
  }

  /** IOS indents the lines of its {@code Creating IPsec SAs} block after the stamp (the virtual rack does too). */
  @Test
  public void anIndentedMessageAfterTheStampIsADebugLine() {
    assertTrue(debug("*Mar  1 00:00:15.613:         inbound SA from 209.168.202.225 to 209.168.202.131 (f/i) 0/ 0"));
    assertTrue(debug("*Mar  1 02:06:01.679: NHRP: Send Resolution Request via Tunnel0, packet size: 84"));
    assertTrue(debug("05:31:12: NHRP: Sending packet to NHS 192.168.1.1 on Tunnel0"));
  }

  @Test
  public void logMessagesAndPlainOutputAreNot() {
    assertFalse(debug("*Mar  1 00:00:10.000: %SYS-5-CONFIG_I: Configured from console by console"));
    assertFalse(debug("*Mar  1 00:00:10.000:   %LINK-3-UPDOWN: Interface Tunnel0, changed state to up"));
    assertFalse(debug("Interface: Tunnel0"));
  }
}
