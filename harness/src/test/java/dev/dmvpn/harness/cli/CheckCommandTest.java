package dev.dmvpn.harness.cli;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

import dev.dmvpn.ref.testing.SharedFiles;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.testng.annotations.AfterClass;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

/** {@code check}: exit 0 on match, 1 on mismatch with the report, 2 on unreadable input naming file and place. */
public class CheckCommandTest {
  private static final String[] PHASE2_VARS = {"--var", "hub=172.16.15.2", "--var", "hub_tunnel=192.168.0.1",
      "--var", "requester=172.16.45.2", "--var", "requester_tunnel=192.168.0.4", "--var", "responder=172.16.25.2",
      "--var", "target=192.168.0.2"};

  private Path dir;

  private record Run(int status, String out, String err) {}

  @BeforeClass
  public void tempDir() throws Exception {
    dir = Files.createTempDirectory("check-test");
  }

  @AfterClass(alwaysRun = true)
  public void cleanUp() throws Exception {
    try (var files = Files.list(dir)) {
      for (Path p : files.toList()) {
        Files.delete(p);
      }
    }
    Files.delete(dir);
  }

  private static Run check(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    List<String> all = new ArrayList<>(List.of("check"));
    all.addAll(List.of(args));
    int status = Main.run(new PrintWriter(out), new PrintWriter(err), all.toArray(String[]::new));
    return new Run(status, out.toString(), err.toString());
  }

  private static String[] with(String[] a, String... b) {
    List<String> all = new ArrayList<>(List.of(a));
    all.addAll(List.of(b));
    return all.toArray(String[]::new);
  }

  private static String phase2() {
    return SharedFiles.capture("ios-phase2-resolution-via-hub.cap").toString();
  }

  @Test
  public void answersHelpAndVersion() {
    Run help = check("--help");
    assertEquals(help.status(), 0);
    assertTrue(help.out().startsWith("Usage: dmvpn-harness check"), help.out());
    Run version = check("--version");
    assertEquals(version.status(), 0);
    assertTrue(version.out().startsWith("dmvpn-harness "), version.out());
  }

  @Test
  public void matchIsExitZero() {
    Run r = check(with(new String[] {phase2(), "--expect", "shipped:resolution-via-hub.yaml"}, PHASE2_VARS));
    assertEquals(r.status(), 0, r.out() + r.err());
    assertTrue(r.out().startsWith("expect/resolution-via-hub.yaml: MATCH, 24 frames"), r.out());
    assertTrue(r.out().contains("ok    forwarded-request (line 23): frame 5 at 0.077800"), r.out());
  }

  @Test
  public void mismatchIsExitOneWithTheReport() throws Exception {
    Path wrong = dir.resolve("wrong.yaml");
    String text = new String(getClass().getClassLoader().getResourceAsStream("expect/resolution-via-hub.yaml")
        .readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).replace("hopCount: 254", "hopCount: 255");
    Files.writeString(wrong, text);
    Path svg = dir.resolve("out.svg");
    Run r = check(with(new String[] {phase2(), "--expect", wrong.toString(), "--svg", svg.toString()}, PHASE2_VARS));
    assertEquals(r.status(), 1, r.err());
    assertTrue(r.out().startsWith(wrong + ": MISMATCH (2 of 2 matchers failed)"), r.out());
    assertTrue(r.out().matches("(?s).*nhrp\\.hopCount = 255\\s+\\| 254\\s+DIFFERS.*"), r.out());
    String diagram = Files.readString(svg);
    assertTrue(diagram.startsWith("<?xml") && diagram.contains("class=\"arrow mismatch\" data-frame=\"5\""),
        diagram);
  }

  @Test
  public void unreadableInputIsExitTwoNamingFileAndPlace() throws Exception {
    Run noCapture = check(dir.resolve("none.pcap").toString(), "--expect", "shipped:registration.yaml");
    assertEquals(noCapture.status(), 2);
    assertEquals(noCapture.err().strip(), "check: " + dir.resolve("none.pcap") + ": no such file");

    Path bad = dir.resolve("bad.yaml");
    Files.writeString(bad, "groups:\n  - ordered:\n      - name: a\n        match: {nhrp.hop_count: 1}\n");
    Run badFile = check(phase2(), "--expect", bad.toString());
    assertEquals(badFile.status(), 2);
    assertEquals(badFile.err().strip(), "check: " + bad + ":4: groups[0].ordered[0].match.nhrp.hop_count:"
        + " unknown field 'nhrp.hop_count'; did you mean nhrp.hopCount?");

    Run notCapture = check(bad.toString(), "--expect", "shipped:registration.yaml");
    assertEquals(notCapture.status(), 2);
    assertTrue(notCapture.err().startsWith("check: ") && notCapture.err().contains(bad.toString()),
        notCapture.err());

    Run noKeys = check(phase2(), "--expect", "shipped:registration.yaml", "--keys", dir.toString());
    assertEquals(noKeys.status(), 2);
    assertTrue(noKeys.err().contains(dir + ""), noKeys.err());
    assertTrue(noKeys.err().contains("holds neither esp_sa nor ikev1_decryption_table"), noKeys.err());

    Run badVar = check(phase2(), "--expect", "shipped:registration.yaml", "--var", "hub");
    assertEquals(badVar.status(), 2);
    assertEquals(badVar.err().strip(), "check: --var hub: expected NAME=VALUE");

    Run noShipped = check(phase2(), "--expect", "shipped:nothing.yaml");
    assertEquals(noShipped.status(), 2);
    assertTrue(noShipped.err().startsWith("check: expect/nothing.yaml:0: (file): no such shipped expectation"),
        noShipped.err());
  }

  /**
   * The Linux DMVPN capture carries its NHRP inside ESP: only with the shared esp_sa does the check see it.
   * Values from tshark 4.0 with that esp_sa: frame 21 (and its retransmission, frame 23) Registration Request
   * 172.16.0.11 -> 172.16.0.1 in SPI 0xc92b34bb, frame 24 the Reply in SPI 0xccf77353, request ID 1.
   */
  @Test
  public void keysOpenEspAndSpisComeFromVariables() throws Exception {
    Path expect = dir.resolve("esp.yaml");
    Files.writeString(expect, """
        hosts: {hub: 172.16.0.1, spoke: 172.16.0.11}
        groups:
          - ordered:
              - name: request
                from: spoke
                to: hub
                match: {esp.spi: "${spi_out}", nhrp.op: registration-request}
                capture: {id: nhrp.requestId}
              - name: reply
                from: hub
                match: {esp.spi: "${spi_in}", nhrp.op: registration-reply, nhrp.requestId: "${id}"}
        """);
    String capture = SharedFiles.capture("linux-dmvpn-hub-spoke-wan.pcap").toString();
    String keys = SharedFiles.capture("linux-dmvpn-hub-spoke-wan.esp_sa").toString();
    String[] args = {capture, "--expect", expect.toString(), "--var", "spi_out=0xc92b34bb", "--var",
        "spi_in=0xccf77353"};
    Run keyed = check(with(args, "--keys", keys));
    assertEquals(keyed.status(), 0, keyed.out() + keyed.err());
    assertTrue(keyed.out().contains("ok    request (line 4): frame 21 "), keyed.out());
    assertTrue(keyed.out().contains("ok    reply (line 9): frame 24 "), keyed.out());
    Run unkeyed = check(args);
    assertEquals(unkeyed.status(), 1, unkeyed.out());
  }
}
