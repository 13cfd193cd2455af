package dev.dmvpn.reports.sample;

import dev.dmvpn.reports.BlockedException;
import dev.dmvpn.reports.Reports;
import dev.dmvpn.reports.TestReport;
import dev.dmvpn.reports.model.MediaTypes;
import dev.dmvpn.reports.testing.SharedFiles;
import java.nio.charset.StandardCharsets;
import org.testng.Assert;
import org.testng.SkipException;
import org.testng.annotations.Test;

/**
 * A suite run in-process by {@code ReportListenerRunTest} (not by surefire: its name does not end in Test): one test
 * per verdict, with the attachments a DMVPN suite leaves. {@link #SECRET} appears in a transcript, a step name and an
 * exception message; the reports must mask it everywhere.
 */
public class SampleSuite {
  public static final String SECRET = "Zq7-psk-never-in-reports";
  public static final String PCAP = "linux-dmvpn-hub-spoke-wan.pcap";
  public static final String KEYS = "linux-dmvpn-hub-spoke-wan.esp_sa";
  /** A sequence diagram as the harness draws one (hand-written here: reports does not depend on harness). */
  public static final String SVG = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      + "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"320\" height=\"120\" id=\"sequence-diagram\">"
      + "<text x=\"10\" y=\"15\">sv9-4</text><text x=\"150\" y=\"15\">hub</text><text x=\"260\" y=\"15\">sv9-3</text>"
      + "<line x1=\"30\" y1=\"40\" x2=\"170\" y2=\"40\" stroke=\"black\"/>"
      + "<text x=\"40\" y=\"35\">NHRP Resolution Request</text></svg>\n";

  @Test(description = "registration seen on the wire")
  public void passing() {
    TestReport t = Reports.current();
    t.step("push configs", () -> {
      t.attachText("sv9-3 transcript", "sv9-3(config)#crypto isakmp key " + SECRET + " address 0.0.0.0\n"
          + "sv9-3(config)#end\n\u0007sv9-3#");
      t.step("verify with show running-config", () -> {
        t.attachText("show running-config", "crypto isakmp key " + SECRET + " address 0.0.0.0 0.0.0.0\n");
      });
    });
    int frames = t.step("capture on the WAN", () -> {
      t.attachFile("WAN capture", MediaTypes.PCAP, SharedFiles.capture(PCAP));
      t.attachFile("ESP keys (Wireshark esp_sa)", MediaTypes.WIRESHARK_KEYS, SharedFiles.capture(KEYS));
      return 2;
    });
    t.step("login with " + SECRET, () -> {});
    t.attach("decoded sequence", MediaTypes.JSON,
        ("[{\"frame\":1,\"nhrp.op\":\"registration-request\",\"frames\":" + frames + "}]")
            .getBytes(StandardCharsets.UTF_8));
    t.attach("sequence diagram", MediaTypes.SVG, SVG.getBytes(StandardCharsets.UTF_8));
    t.attachText("expected vs observed", "expected  registration request sv9-3 -> hub   observed  frame 1\n");
  }

  @Test
  public void failingAssertion() {
    Reports.step("compare NHRP hop count", () -> Assert.assertEquals(254, 255, "hop count after the hub"));
  }

  @Test
  public void erroring() {
    throw new IllegalStateException("telnet to sv9-3 closed while logging in with " + SECRET);
  }

  @Test(dependsOnMethods = "failingAssertion")
  public void blockedByDependency() {
    throw new AssertionError("never runs: its prerequisite failed");
  }

  @Test
  public void blockedExplicitly() {
    throw new BlockedException("hub has no registration from sv9-3");
  }

  @Test
  public void skipped() {
    throw new SkipException("not applicable to this testbed");
  }
}
