package dev.dmvpn.suites.report;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

import dev.dmvpn.harness.cli.Main;
import dev.dmvpn.reports.testing.Chromium;
import dev.dmvpn.reports.testing.OutputFiles;
import dev.dmvpn.suites.document.DocumentScenarioSuite;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.testng.annotations.Test;
import org.w3c.dom.Element;

/**
 * {@code dmvpn-harness demo --report-dir DIR}, in this process, as a lab engineer runs it: the virtual-rack suites
 * pass, and the report they leave opens in headless Chromium with the suite, each of its tests with its verdict,
 * every scenario phase as a step, each capture as a {@code data:} download (the pcap itself, byte for byte) with
 * its Wireshark key files, its decoded frames and an inline SVG sequence diagram; the JUnit XML and the summary
 * agree; and none of the run's secrets (the virtual rack's per-run values, seen by {@link RackSecretsProbe}) is in
 * any file under DIR, nor inside any base64 download of the page. One demo run, about 20-30 s.
 */
public class DemoReportTest {
  private static final Pattern LINK = Pattern.compile(
      "download=\"([^\"]+)\" href=\"data:([^;\"]+);base64,([A-Za-z0-9+/=]*)\"");

  @Test
  public void demoLeavesAReportWithTheSuiteItsVerdictsCapturesKeysAndDiagramsAndNoSecret() throws Exception {
    Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "demo-report").toAbsolutePath();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    long t0 = System.nanoTime();
    int status = Main.run(new PrintWriter(out), new PrintWriter(err), "demo", "--report-dir", dir.toString());
    long seconds = (System.nanoTime() - t0) / 1_000_000_000L;
    String console = out.toString();
    Files.writeString(dir.resolve("demo-console.txt"), console + err); // grepped for secrets below as well
    assertEquals(status, 0, "demo (" + seconds + " s) failed:\n" + console + err);
    assertEquals(err.toString(), "", "no report problem");

    // the console: progress, the report named, the three numbers last
    List<String> lines = console.lines().toList();
    // demo runs every virtual-rack suite of the catalog: all passed, at least the document's tests among them
    java.util.regex.Matcher last = java.util.regex.Pattern.compile("(\\d+) passed, 0 failed, 0 skipped")
        .matcher(lines.get(lines.size() - 1));
    assertTrue(last.matches(), console);
    int tests = Integer.parseInt(last.group(1));
    assertTrue(tests >= virtualRackTests(), console);
    Path html = dir.resolve("report.html");
    assertTrue(console.contains("report: " + html), console);
    assertTrue(console.contains("[scenario] push configs"), "phases still printed: " + console);

    // the HTML as a browser builds it
    String dom = Chromium.dumpDom(html, Files.createTempDirectory(dir.getParent(), "chromium"));
    for (dev.dmvpn.harness.scenario.suite.SuiteDefinition d : new dev.dmvpn.suites.Suites().suites()) {
      for (Class<?> c : d.classes()) {
        assertTrue(dom.contains("Suite: " + c.getSimpleName()), "suite " + c.getSimpleName() + " in the page");
      }
    }
    for (String test : virtualRackTestNames()) {
      assertTrue(dom.contains("<span class=\"verdict\">PASSED</span> <span class=\"name\">" + test + "</span>"),
          test + " PASSED in the page");
    }
    assertTrue(dom.contains("<span class=\"name\">bringUpTheDocumentsRack [setup]</span>"), "the bring-up entry");
    assertTrue(dom.contains("<span class=\"name\">tearDown [teardown]</span>"), "the tear-down entry");
    assertTrue(dom.contains("<td>document-rack</td>"), "testbed label");
    assertTrue(dom.contains("flash:c2691-ik9s-mz.123-3.bin,flash:c3725-ik9s-mz.123-3.bin"), "IOS image label");
    assertTrue(dom.contains("<td>sv9-2,sv9-3,sv9-4</td>"), "device label");
    for (String phase : List.of("load testbed", "start rack", "connect", "known state", "start captures",
        "push configs", "verify running-config", "stop captures", "export keys", "decode captures", "tear down",
        "collect artifacts", "capture hub-side", "capture spoke-side")) {
      assertTrue(dom.contains("<span class=\"verdict\">PASSED</span> " + phase + " <span class=\"time\">"),
          "phase step '" + phase + "' with its verdict and time");
    }
    assertTrue(dom.contains("PASSED</span> await sv9-2 show ip nhrp <span"), "a wait on parsed show output");
    assertTrue(dom.contains("PASSED</span> trigger sv9-4 ping 2.2.2.2 <span"), "the document's ping");

    List<String[]> links = links(dom);
    List<String> names = links.stream().map(l -> l[0]).toList();
    for (String name : List.of("hub-side.pcap", "spoke-side.pcap", "esp_sa", "ikev1_decryption_table",
        "hub-side.jsonl", "hub-side.svg", "sv9-2.ios", "sv9-4-transcript.log", "sv9-3-commands.txt")) {
      assertTrue(names.contains(name), name + " downloadable from the page: " + names);
    }
    Path runDir = dir.resolve("document");
    byte[] pcap = link(links, "hub-side.pcap");
    assertEquals(link(links, "hub-side.pcap").length, Files.size(runDir.resolve("captures/hub-side.pcap")));
    assertTrue(Arrays.equals(pcap, Files.readAllBytes(runDir.resolve("captures/hub-side.pcap"))),
        "the page's pcap is the capture, byte for byte");
    assertTrue(isLibpcap(pcap), "a libpcap file (microsecond or nanosecond magic)");
    assertEquals(mediaType(links, "hub-side.pcap"), "application/vnd.tcpdump.pcap");
    String espSa = new String(link(links, "esp_sa"), StandardCharsets.UTF_8);
    assertTrue(espSa.contains("\"IPv4\",\"209.168.202.") && espSa.contains("TripleDES-CBC"),
        "Wireshark's esp_sa table of the run's SAs: " + espSa);
    String decoded = new String(link(links, "hub-side.jsonl"), StandardCharsets.UTF_8);
    assertTrue(decoded.lines().allMatch(l -> l.startsWith("{\"frame\":")), "JSON Lines of decode");
    assertTrue(decoded.contains("\"nhrp.authPassword\":\"*****\""),
        "NHRP opened with the keys, its authentication string masked");
    assertTrue(dom.contains("<div class=\"svg\"><svg"), "the sequence diagram inline");
    String svg = new String(link(links, "hub-side.svg"), StandardCharsets.UTF_8);
    assertTrue(svg.contains("<g class=\"lane\" data-address=\"209.168.202.225\">") && svg.contains(">sv9-2</text>"),
        "the hub's lane, named");
    assertTrue(svg.contains("class=\"arrow\" data-frame="), "frames drawn");
    assertTrue(Pattern.compile("NHRP.{0,40}[Rr]egistration").matcher(svg).find(), "registrations drawn: " + svg);

    // JUnit XML and the summary
    Element suite = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(dir.resolve("junit/TEST-DocumentScenarioSuite.xml").toFile()).getDocumentElement();
    assertEquals(suite.getElementsByTagName("testcase").getLength() >= virtualRackTests(), true);
    assertEquals(suite.getAttribute("failures"), "0");
    assertEquals(suite.getAttribute("errors"), "0");
    assertEquals(OutputFiles.lastLine(dir.resolve("summary.txt")),
        tests + " passed, 0 failed, 0 skipped, 0 errored, 0 blocked");
    assertTrue(Files.list(dir.resolve("allure-results")).anyMatch(p -> p.toString().endsWith("-result.json")));

    // no secret anywhere: the files as grep sees them, and every download of the page decoded
    List<String> secrets = new ArrayList<>(RackSecretsProbe.SEEN);
    assertTrue(secrets.size() >= 3, "the rack's secrets were seen (PSK, NHRP key, logins): " + secrets.size());
    for (String secret : secrets) {
      assertEquals(OutputFiles.containing(dir, secret), List.of(), "files holding a run secret");
      for (String[] l : links) {
        assertEquals(OutputFiles.indexOf(Base64.getDecoder().decode(l[2]), secret.getBytes(StandardCharsets.UTF_8)),
            -1, "download " + l[0] + " holds a run secret");
      }
    }
    assertFalse(dom.contains("RUNNING:"), "the run finished");
  }

  /** The suite's tests the demo runs: its {@code virtual-rack} tests, not those also in {@code interop}. */
  private static List<String> virtualRackTestNames() {
    List<String> names = new ArrayList<>();
    for (Method m : DocumentScenarioSuite.class.getMethods()) {
      Test t = m.getAnnotation(Test.class);
      if (t != null && m.getDeclaringClass() == DocumentScenarioSuite.class
          && !Arrays.asList(t.groups()).contains("interop")) {
        names.add(m.getName());
      }
    }
    return names;
  }

  private static int virtualRackTests() {
    return virtualRackTestNames().size();
  }

  /** {file name, media type, base64} of every download link. */
  private static List<String[]> links(String dom) {
    List<String[]> out = new ArrayList<>();
    Matcher m = LINK.matcher(dom);
    while (m.find()) {
      out.add(new String[] {m.group(1), m.group(2), m.group(3)});
    }
    return out;
  }

  private static byte[] link(List<String[]> links, String name) {
    return Base64.getDecoder().decode(links.stream().filter(l -> l[0].equals(name)).findFirst().orElseThrow()[2]);
  }

  private static String mediaType(List<String[]> links, String name) {
    return links.stream().filter(l -> l[0].equals(name)).findFirst().orElseThrow()[1];
  }

  private static boolean isLibpcap(byte[] pcap) {
    long le = (pcap[0] & 0xffL) | (pcap[1] & 0xffL) << 8 | (pcap[2] & 0xffL) << 16 | (pcap[3] & 0xffL) << 24;
    long be = (pcap[3] & 0xffL) | (pcap[2] & 0xffL) << 8 | (pcap[1] & 0xffL) << 16 | (pcap[0] & 0xffL) << 24;
    List<Long> magics = List.of(0xa1b2c3d4L, 0xa1b23c4dL); // pcap-savefile(5): micro- and nanosecond stamps
    return magics.contains(le) || magics.contains(be);
  }
}
