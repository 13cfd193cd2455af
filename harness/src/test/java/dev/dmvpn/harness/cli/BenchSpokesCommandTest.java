package dev.dmvpn.harness.cli;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.testng.annotations.Test;

/**
 * {@code bench-spokes} end to end with a handful of spokes on real threads (the sharded segment, the window, the
 * report's lines). Not timed: it only checks that every spoke registers over IPsec without retransmissions.
 */
public class BenchSpokesCommandTest {

  private static String run(int status, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    assertEquals(Main.run(new PrintWriter(out), new PrintWriter(err), args), status, out + "\n" + err);
    return out.toString() + err;
  }

  @Test
  public void eightSpokesInWindowsOfThreeAllRegister() {
    String out = run(0, "bench-spokes", "--spokes", "8", "--threads", "3", "--window", "3", "--histogram", "0");
    assertTrue(out.contains("registered 8 of 8"), out);
    assertTrue(out.contains("spokes sent IKE 5.00"), out);
    assertTrue(out.contains("hub IKE in 40, out 32, drops 0"), out);
    assertTrue(out.contains("receiver errors 0"), out);
    assertTrue(out.contains("heap per idle registered spoke"), out);
  }

  @Test
  public void refusesAnUnknownGroup() {
    String out = run(2, "bench-spokes", "--spokes", "8", "--group", "3");
    assertTrue(out.contains("--group 1|2|5|14"), out);
  }
}
