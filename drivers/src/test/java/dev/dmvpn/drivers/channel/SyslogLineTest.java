package dev.dmvpn.drivers.channel;

import static org.testng.Assert.assertEquals;

import org.testng.annotations.Test;

/** Log messages are recognised in every stamp style; exec errors are not log messages. */
public class SyslogLineTest {

  @Test
  public void recognisesStampStyles() {
    assertEquals(SyslogLine.start("*Mar  1 00:01:02.123: %SYS-5-CONFIG_I: Configured from console by vty0"), 0);
    assertEquals(SyslogLine.start("%LINK-3-UPDOWN: Interface Tunnel0, changed state to up"), 0);
    assertEquals(SyslogLine.start("00:01:02: %LINEPROTO-5-UPDOWN: Line protocol on Interface Tunnel0"), 0);
    assertEquals(SyslogLine.start("1d02h: %CRYPTO-6-ISAKMP_ON_OFF: ISAKMP is ON"), 0);
    // unicon IOS mock: a log printed at the cursor after the prompt
    assertEquals(SyslogLine.start("Router#Sep 26 23:05:38.267 IST: %SYS-5-CONFIG_I: Configured from console"), 7);
  }

  @Test
  public void execErrorsAndOutputAreNotLogs() {
    assertEquals(SyslogLine.start("% Invalid input detected at '^' marker."), -1);
    assertEquals(SyslogLine.start("Tunnel0  10.0.0.4  YES manual up  up"), -1);
    assertEquals(SyslogLine.start("  5 percent: 50% done"), -1);
  }
}
