package dev.dmvpn.harness.cli;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

import dev.dmvpn.ref.node.ios.IosFixtures;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.testng.annotations.Test;

/** {@code dmvpn-harness peer} refuses bad configurations and missing interfaces before touching any NIC. */
public class PeerCommandTest {
  private String out;
  private String err;

  private int run(String... args) {
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    int status = Main.run(new PrintWriter(o), new PrintWriter(e), args);
    out = o.toString();
    err = e.toString();
    return status;
  }

  private static Path write(String text) throws IOException {
    Path f = Files.createTempFile("peer", ".ios");
    Files.writeString(f, text);
    return f;
  }

  @Test
  public void badConfigurationExits2WithFileLineMessagesAndNoNicTouched() throws IOException {
    // sv9-4 with an unknown line after 'hash md5' and a PFS line the peer cannot honour
    String text = IosFixtures.text("sv9-4.ios").replace("hash md5\n", "hash md5\nfrobnicate 7\n");
    Path f = write(text);
    int frob = lineOf(text, "frobnicate 7");
    int status = run("peer", "--interface", "no-such-nic0", "--config", f.toString(), "--duration", "1s");
    assertEquals(status, 2, err);
    assertTrue(err.contains(f + ":" + frob + ": 'frobnicate 7'"), err);
    assertTrue(err.contains("interface no-such-nic0 not touched"), err);
    assertFalse(err.contains("cisco123") || out.contains("cisco123"), "no secret printed");
    assertEquals(out, "");
  }

  @Test
  public void plannerErrorsAreReportedWithTheirLinesToo() throws IOException {
    // parses as IOS, but the node has no NULL encryption: the planner names the line
    String text = IosFixtures.text("sv9-4.ios").replace("transform-set strong esp-3des esp-md5-hmac",
        "transform-set strong esp-null esp-md5-hmac");
    Path f = write(text);
    int status = run("peer", "--interface", "lo", "--config", f.toString());
    assertEquals(status, 2);
    String line = "crypto ipsec transform-set strong esp-null esp-md5-hmac";
    assertTrue(err.contains(f + ":" + lineOf(text, line) + ": '" + line + "': "), err);
  }

  @Test
  public void missingConfigFileExits2() {
    int status = run("peer", "--interface", "lo", "--config", "/nonexistent/x.ios");
    assertEquals(status, 2);
    assertTrue(err.contains("/nonexistent/x.ios: cannot read"), err);
  }

  @Test
  public void missingInterfaceExits2WithAClearError() throws IOException {
    Path f = write(IosFixtures.withTunnelRoutes("sv9-4"));
    Path capture = Files.createTempDirectory("peer").resolve("c.pcap");
    int status = run("peer", "--interface", "dmvnonexist9", "--config", f.toString(), "--capture",
        capture.toString(), "--duration", "1s");
    assertEquals(status, 2, err);
    assertTrue(err.contains("no network interface named 'dmvnonexist9'"), err);
    assertFalse(Files.exists(capture), "nothing written");
    assertFalse(out.contains("EIGRP"), "router eigrp is run, nothing to warn about: " + out);
  }

  @Test
  public void durationsParse() {
    PeerCommand.DurationConverter c = new PeerCommand.DurationConverter();
    assertEquals(c.convert("90s"), Duration.ofSeconds(90));
    assertEquals(c.convert("5m"), Duration.ofMinutes(5));
    assertEquals(c.convert("1h"), Duration.ofHours(1));
    assertEquals(c.convert("500ms"), Duration.ofMillis(500));
    assertEquals(c.convert("2.5"), Duration.ofMillis(2500));
    assertEquals(c.convert("PT3S"), Duration.ofSeconds(3));
  }

  @Test
  public void badDurationIsAUsageError() throws IOException {
    Path f = write(IosFixtures.withTunnelRoutes("sv9-4"));
    assertEquals(run("peer", "--interface", "lo", "--config", f.toString(), "--duration", "soon"), 2);
    assertTrue(err.contains("soon"), err);
  }

  private static int lineOf(String text, String line) {
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].strip().equals(line)) {
        return i + 1;
      }
    }
    throw new AssertionError(line + " not in text");
  }
}
