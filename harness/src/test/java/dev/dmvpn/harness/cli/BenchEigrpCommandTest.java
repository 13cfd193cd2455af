package dev.dmvpn.harness.cli;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.testng.annotations.Test;

/** {@code bench-eigrp} with a handful of spokes: both parts converge and the report has its lines. Not timed. */
public class BenchEigrpCommandTest {

  private static String run(int status, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    assertEquals(Main.run(new PrintWriter(out), new PrintWriter(err), args), status, out + "\n" + err);
    return out.toString() + err;
  }

  @Test
  public void sixSpokesConverge() {
    String out = run(0, "bench-eigrp", "--spokes", "6");
    assertTrue(out.contains("document (3 routers, IKE + NHRP + EIGRP over IPsec): converged"), out);
    // each spoke learns the 5 other spokes' LANs and the hub's
    assertTrue(out.contains("hub + 6 spokes (EIGRP only): converged (6 of 6 spokes have all 6 routes)"), out);
  }

  @Test
  public void refusesNoSpokes() {
    assertTrue(run(2, "bench-eigrp", "--spokes", "0").contains("--spokes >= 1"));
  }
}
