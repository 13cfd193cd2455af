package dev.dmvpn.ref.ipsec;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

import org.testng.annotations.Test;

/** RFC 4303 section 3.4.3 behaviour of the 64-packet window. */
public class ReplayWindowTest {

  @Test
  public void zeroIsNeverValid() {
    assertFalse(new ReplayWindow().check(0));
  }

  @Test
  public void duplicatesAreRejectedReorderingInsideTheWindowIsAccepted() {
    ReplayWindow w = new ReplayWindow();
    accept(w, 1);
    accept(w, 3);
    assertFalse(w.check(1));
    assertFalse(w.check(3));
    accept(w, 2); // late but inside the window
    assertFalse(w.check(2));
    assertEquals(w.highest(), 3);
  }

  @Test
  public void windowEdgeIs64Packets() {
    ReplayWindow w = new ReplayWindow();
    accept(w, 100);
    assertTrue(w.check(37), "100 - 63 is the oldest still inside");
    assertFalse(w.check(36), "100 - 64 is left of the window");
    accept(w, 37);
    assertFalse(w.check(37));
  }

  @Test
  public void bigJumpClearsTheBitmap() {
    ReplayWindow w = new ReplayWindow();
    accept(w, 5);
    accept(w, 1000);
    assertTrue(w.check(999));
    assertFalse(w.check(5));
    assertFalse(w.check(1000));
  }

  @Test
  public void fullRangeOfUnsigned32BitSequenceNumbers() {
    ReplayWindow w = new ReplayWindow();
    accept(w, 0xFFFF_FFFFL);
    assertTrue(w.check(0xFFFF_FFFEL));
    assertFalse(w.check(0xFFFF_FFFFL));
  }

  private static void accept(ReplayWindow w, long seq) {
    assertTrue(w.check(seq), "seq " + seq);
    w.update(seq);
  }
}
