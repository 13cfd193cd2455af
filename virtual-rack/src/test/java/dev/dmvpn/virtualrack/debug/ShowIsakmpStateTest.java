package dev.dmvpn.virtualrack.debug;

import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

import java.time.Duration;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

/**
 * {@code show crypto isakmp sa} prints the engine's Main Mode state per SA ({@code IkeManager.iosState}), and a wrong
 * pre-shared key on sv9-4 shows what 12.3 shows (ARCHITECTURE.md "How the node fails", wrong pre-shared key): MM1-MM4
 * complete, the hub cannot decrypt MM5, so both sides sit in MM_KEY_EXCH, nothing reaches QM_IDLE, and the hub's
 * console/monitor prints {@code %CRYPTO-4-IKMP_BAD_MESSAGE: IKE message from 209.168.202.130 failed its sanity check
 * or is malformed} [S1]. The document's key (the control) reaches QM_IDLE and prints no such message, so each
 * assertion can fail.
 */
public class ShowIsakmpStateTest {
  private static final String SV94_TO_HUB = "209.168.202.225 209.168.202.130 ";

  @DataProvider
  public Object[][] keys() {
    return new Object[][] {{"wrongkey", false}, {"cisco123", true}};
  }

  @Test(dataProvider = "keys")
  public void mainModeStateFollowsThePreSharedKey(String key, boolean keyIsRight) throws Exception {
    SimulatedRack rack = new SimulatedRack(
        startup -> startup.replace("crypto isakmp key cisco123 ", "crypto isakmp key " + key + " "));
    rack.type("sv9-2", "terminal monitor\r");
    rack.advance(Duration.ofSeconds(20));
    String hubLog = rack.take("sv9-2");
    String spoke = rack.type("sv9-4", "show crypto isakmp sa\r");
    String hub = rack.type("sv9-2", "show crypto isakmp sa\r");

    assertTrue(spoke.contains("dst             src             state          conn-id slot\r\n"), spoke);
    assertEquals(spoke.contains(SV94_TO_HUB + "MM_KEY_EXCH"), !keyIsRight, spoke);
    assertEquals(hub.contains(SV94_TO_HUB + "MM_KEY_EXCH"), !keyIsRight, hub);
    assertEquals(spoke.contains(SV94_TO_HUB + "QM_IDLE"), keyIsRight, spoke);
    assertEquals(hub.contains(SV94_TO_HUB + "QM_IDLE"), keyIsRight, hub);
    // sv9-3 is the control either way: its SA with the hub is up
    assertTrue(hub.contains("209.168.202.225 209.168.202.131 QM_IDLE"), hub);
    assertFalse(spoke.contains("MM_NO_STATE") && keyIsRight, spoke);
    assertEquals(hubLog.contains("%CRYPTO-4-IKMP_BAD_MESSAGE: IKE message from 209.168.202.130 failed its sanity "
        + "check or is malformed\r\n"), !keyIsRight, hubLog);
  }

  private static void assertEquals(boolean actual, boolean expected, String output) {
    org.testng.Assert.assertEquals(actual, expected, output);
  }
}
