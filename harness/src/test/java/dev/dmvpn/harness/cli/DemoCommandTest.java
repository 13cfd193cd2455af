package dev.dmvpn.harness.cli;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.testng.annotations.Test;

/** The earlier demo ({@code demo --peer-only}): the document's scenario on the reference peers alone, by the CLI. */
public class DemoCommandTest {

  @Test
  public void peerOnlyDemoRunsTheDocumentsScenarioAndWritesCapturesAndKeys() throws Exception {
    Path out = Files.createTempDirectory("demo");
    StringWriter stdout = new StringWriter();
    StringWriter stderr = new StringWriter();
    int status = Main.run(new PrintWriter(stdout), new PrintWriter(stderr),
        // x10: slow enough for exact NHRP timing on a busy host
        "demo", "--peer-only", "--out", out.toString(), "--time-scale", "10");
    String text = stdout.toString();
    assertEquals(status, 0, text + stderr);
    assertTrue(text.contains("sv9-2: NHRP forwarding resolution request for 2.2.2.2 to 209.168.202.131"), text);
    assertTrue(text.contains("expected sequence (document's debug order): PASSED"), text);
    assertTrue(text.contains("document's NHRP packets: PASSED"), text);
    assertTrue(text.contains("sv9-4 .130), IOS 12.3(3), time x10"), "the document's image by default: " + text);
    assertTrue(text.contains("sv9-3: NHRP process delayed resolution request from 192.168.1.3"), text);
    assertTrue(text.contains("on sv9-4 (from Tunnel0 192.168.1.3; first through the hub, then spoke to spoke):"),
        text);
    assertTrue(text.contains("demo: PASSED"), text);
    assertTrue(Files.size(out.resolve("wan-spokes.pcap")) > 24, "capture written");
    assertTrue(Files.exists(out.resolve("keys/esp_sa")), "Wireshark key files written");
    assertFalse(text.contains("cisco123"), "the pre-shared key is never printed");
  }

  @Test
  public void anUnknownImageExitsTwoNamingTheKnownOnes() {
    StringWriter err = new StringWriter();
    int status = Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "demo", "--image", "12.2");
    assertEquals(status, 2);
    assertTrue(err.toString().contains("--image: no IOS image profile for release '12.2'"), err.toString());
  }

  @Test
  public void badOptionsExitTwo() {
    StringWriter err = new StringWriter();
    int status = Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "demo", "--loss", "0.9");
    assertEquals(status, 2);
    assertTrue(err.toString().contains("--loss"), err.toString());
  }

  @Test
  public void unknownEspModeExitsTwo() {
    StringWriter err = new StringWriter();
    int status = Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "demo", "--esp-mode", "gre");
    assertEquals(status, 2);
    assertTrue(err.toString().contains("--esp-mode"), err.toString());
  }
}
