package dev.dmvpn.drivers.ios;

import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

import org.testng.annotations.Test;

/** Which lines {@link DebugCapture} takes out of command output as debug lines. */
public class DebugLinePatternTest {

  @Test
  public void aStampedIndentedLineOfADebugBlockIsADebugLine() {
    // IOS stamps every line of the Creating IPsec SAs block and indents its body (seed lines 868-872)
    assertTrue(DebugCapture.DEBUG_LINE.matcher(
        "*Mar  1 00:00:12.277:         inbound SA from 209.168.202.131 to 209.168.202.225 (f/i) 0/ 0").lookingAt());
    assertTrue(DebugCapture.DEBUG_LINE.matcher("05:50:48: ISAKMP (0:26): Creating IPsec SAs").lookingAt());
  }

  @Test
  public void logMessagesAndCommandOutputAreNot() {
    assertFalse(DebugCapture.DEBUG_LINE.matcher("*Mar  1 00:01:02.345: %SYS-5-CONFIG_I: Configured from console")
        .lookingAt());
    assertFalse(DebugCapture.DEBUG_LINE.matcher("*Mar  1 00:01:02.345:   %SYS-5-CONFIG_I: Configured").lookingAt());
    assertFalse(DebugCapture.DEBUG_LINE.matcher("*00:12:34.567 UTC Mon Mar 1 1993").lookingAt());
    assertFalse(DebugCapture.DEBUG_LINE.matcher("192.168.1.2/32 via 192.168.1.2, Tunnel0 created 00:00:12, expire "
        + "01:59:47").lookingAt());
  }
}
